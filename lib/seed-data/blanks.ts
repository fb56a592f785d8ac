/**
 * The two compliance blanks of seed 000 (ГБОУ ИРО КК, 06.12.2022), every row,
 * number, wording and legal reference as printed there — including the seed's own
 * spellings ("СООТВЕТВИЯ", the two rows numbered 1.1.1, "-об организации работы БШ").
 */
import { createHash } from "node:crypto";
import type { ItemKind, TLegalBasis, TTemplateDocument, TTemplateItem } from "@/lib/schemas/template";

/** Deterministic item keys, so the seed is idempotent and answers keep their items. */
function keyOf(templateKey: string, path: string): string {
  const hex = createHash("sha1").update(`${templateKey}:${path}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const MONMT = (clauses: string[], text: string): TLegalBasis => ({
  text,
  document: "Приказ МОНМТ КК",
  date: "2021-07-22",
  number: "2378",
  clauses,
});

interface Row {
  number: string;
  title: string;
  kind: ItemKind;
  legalBasis?: TLegalBasis[];
  footnote?: boolean;
  annualUpdate?: boolean;
  columns?: TTemplateItem["columns"];
  children?: Row[];
}

function build(templateKey: string, rows: Row[], prefix = ""): TTemplateItem[] {
  return rows.map((row, index) => {
    const path = `${prefix}${index}`;
    return {
      key: keyOf(templateKey, path),
      number: row.number,
      title: row.title,
      kind: row.kind,
      legalBasis: row.legalBasis ?? [],
      footnotes: row.footnote ? [{ mark: "¹", text: null }] : [],
      annualUpdate: row.annualUpdate ?? false,
      weight: 1,
      critical: false,
      columns: row.columns ?? null,
      children: build(templateKey, row.children ?? [], `${path}.`),
    };
  });
}

export const SCHOOL_BLANK_KEY = "mcdo-school-coordinator";
export const MUNICIPAL_BLANK_KEY = "mcdo-municipal-coordinator";

export const SCHOOL_BLANK: TTemplateDocument = {
  format: "metodaudit.template/v1",
  key: SCHOOL_BLANK_KEY,
  name: "Бланк соответствия критериям оценки деятельности работы школьного координатора",
  level: "SCHOOL",
  content: {
    title: "БЛАНК СООТВЕТВИЯ",
    subtitle: "критериям оценки деятельности работы школьного координатора _____",
    subjectCaption: "(наименование МО и БШ)",
    columns: {
      number: "№ п/п",
      name: "Нормативная документация БШ",
      value: "Реквизиты документа / численность",
      match: "Соответствие официальным данным",
    },
    gradeBands: { compliant: 90, partial: 70 },
    items: build(SCHOOL_BLANK_KEY, [
      {
        number: "1.",
        title: "Соглашения",
        kind: "SECTION",
        legalBasis: [MONMT(["3.6"], "Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6")],
        children: [
          { number: "1.1", title: "- между БШ и школами по месту жительства", kind: "DOCUMENT", footnote: true },
          { number: "1.2", title: "- между МЦДО и ГБОУ ИРО КК", kind: "DOCUMENT" },
        ],
      },
      {
        number: "2",
        title: "Положения регламентирующие деятельность по организации обучения детей-инвалидов на дому с использованием ДОТ",
        kind: "SECTION",
        legalBasis: [MONMT(["3.4"], "Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.4")],
        children: [
          {
            number: "2.1",
            title: "- о центре дистанционного образования базовой общеобразовательной организации",
            kind: "DOCUMENT",
          },
        ],
      },
      {
        number: "3",
        title: "Приказы (иной документ, указать) БШ",
        kind: "SECTION",
        legalBasis: [MONMT(["5.5", "5.8", "5.7"], "Приказ МОНМТ КК от 22.07.2021 №2378 п. 5.5 п. 5.8 п. 5.7")],
        children: [
          { number: "3.1", title: "- об организации обучения детей-инвалидов", kind: "DOCUMENT" },
          { number: "3.2", title: "- о назначении школьного координатора", kind: "DOCUMENT" },
          { number: "3.3", title: "- об организации работы МЦДО", kind: "DOCUMENT" },
        ],
      },
      {
        number: "4",
        title: "Педагоги, осуществляющие образовательную деятельность с использованием",
        kind: "SECTION",
        legalBasis: [MONMT(["5.9", "5.11"], "Приказ МОНМТ КК от 22.07.2021 №2378 п. 5.9 п. 5.11")],
        children: [
          { number: "4.1", title: "Численность педагогов", kind: "COUNT" },
          {
            number: "4.2",
            title: "Численность педагогов, нуждающихся в прохождении курсов повышения квалификации",
            kind: "COUNT",
          },
          { number: "4.3", title: "Список педагогов с указанием курсов повышения квалификации", kind: "PRESENCE" },
        ],
      },
      {
        number: "5",
        title: "Дети-инвалиды",
        kind: "SECTION",
        legalBasis: [MONMT(["5.3", "5.8", "5.13", "5.14"], "Приказ МОНМТ КК от 22.07.2021 №2378 п. 5.3, п. 5.8, п. 5.13, п. 5.14")],
        children: [
          {
            number: "5.1",
            title: "Численность детей-инвалидов, обучающихся с применением дистанционных технологий, всего",
            kind: "COUNT",
          },
          { number: "5.2", title: "Индивидуальные учебные планы (недельный)", kind: "PRESENCE", footnote: true },
        ],
      },
      {
        // A row with its legal basis and no sub-items: the schedule itself is what is checked.
        number: "6",
        title: "Расписание занятий дистанционного обучения",
        kind: "PRESENCE",
        legalBasis: [MONMT(["5.3", "5.7"], "Приказ МОНМТ КК от 22.07.2021 №2378 п. 5.3, п. 5.7")],
      },
    ]),
  },
};

export const MUNICIPAL_BLANK: TTemplateDocument = {
  format: "metodaudit.template/v1",
  key: MUNICIPAL_BLANK_KEY,
  name: "Бланк соответствия критериям оценки деятельности работы муниципального координатора",
  level: "MUNICIPAL",
  content: {
    title: "БЛАНК СООТВЕТВИЯ",
    subtitle: "критериям оценки деятельности работы муниципального координатора _____",
    subjectCaption: "(наименование МО)",
    columns: {
      number: "№ п/п",
      name: "Наименование документа",
      value: "Реквизиты документа",
      match: "Соответствие официальным данным",
    },
    gradeBands: { compliant: 90, partial: 70 },
    items: build(MUNICIPAL_BLANK_KEY, [
      {
        number: "1.",
        title: "Нормативная документация МО",
        kind: "SECTION",
        children: [
          {
            number: "1.1",
            title: "Приказы (иной документ, указать) МО об организации обучения детей-инвалидов",
            kind: "SECTION",
            legalBasis: [MONMT(["3.6", "3.7"], "Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6 п. 3.7")],
            children: [
              { number: "1.1.1", title: "-об организации работы БШ", kind: "DOCUMENT" },
              { number: "1.1.1", title: "- о назначении муниципального координатора", kind: "DOCUMENT" },
            ],
          },
          {
            number: "1.2",
            title: "Планирование работы по направлению:",
            kind: "SECTION",
            children: [
              { number: "1.2.1", title: "План работы", kind: "DOCUMENT" },
              { number: "1.2.2", title: "Отчет о выполнении", kind: "DOCUMENT" },
            ],
          },
        ],
      },
      {
        number: "2.",
        title: "Эффективность организации деятельности",
        kind: "SECTION",
        columns: {
          number: "№ п/п",
          name: "Критерий",
          value: "Наличие/ численность",
          match: "Соответствие официальным данным",
        },
        children: [
          { number: "2.1", title: "Количество базовых школ в муниципалитете", kind: "COUNT" },
          // "ежегодное обновление" stands in the blank's last column for this row.
          { number: "2.2", title: "База данных кандидатов", kind: "DOCUMENT", annualUpdate: true },
          {
            number: "2.3",
            title: "Данные об общем количестве детей-инвалидов, в т.ч. выпускников",
            kind: "COUNT",
            children: [
              { number: "2.3.1", title: "Личные дела обучающихся", kind: "PRESENCE" },
              { number: "2.3.2", title: "Обучающиеся ДОТ в ВУЗах/СПО", kind: "COUNT" },
            ],
          },
        ],
      },
    ]),
  },
};

/** The campaign of seed 000. */
export const SEED_CAMPAIGN = {
  name: "Методический аудит муниципальных центров дистанционного образования 2022",
  goal: "изучение процесса организации образовательной деятельности, с использованием дистанционных образовательных технологий, обучающихся образовательных организаций муниципального образования",
  tasks: [
    "повышение эффективности взаимодействия специалистов всех уровней, координирующих (участвующих) в организации обучения детей-инвалидов, обучающихся по состоянию здоровья по месту жительства с использованием дистанционных образовательных технологий",
    "осуществление аудита исполнения распорядительных документов по организации дистанционного образования в муниципальных образованиях",
    "выявление имеющихся проблем в организации дистанционного образования в МО",
    "контроль за устранением, выявленных в процессе аудита, недостатков",
  ],
  date: "2022-12-06",
  deadline: "2022-11-25",
  audited: [
    "Выселковский район",
    "Гулькевичский район",
    "Кавказский район",
    "Калининский район",
    "Красноармейский район",
    "Павловский район",
    "Приморско-Ахтарский район",
    "Славянский район",
    "Тбилисский район",
    "Тихорецкий район",
  ],
  notSubmitted: ["Белоглинский район", "Крыловский район", "Новопокровский район"],
} as const;
