import { describe, expect, it } from "vitest";
import { answerableItems, effectiveLegalBasis, walkItems, ZTemplateDocument } from "@/lib/schemas/template";
import { MUNICIPAL_BLANK, SCHOOL_BLANK } from "@/lib/seed-data/blanks";

const rows = (doc: typeof SCHOOL_BLANK) => [...walkItems(doc.content.items)].map(({ item }) => `${item.number}\t${item.title}`);

describe("the seed blanks as data", () => {
  it("are valid templates", () => {
    expect(ZTemplateDocument.safeParse(SCHOOL_BLANK).success).toBe(true);
    expect(ZTemplateDocument.safeParse(MUNICIPAL_BLANK).success).toBe(true);
  });

  it("hold every row of the school coordinator's blank, as printed in seed 000", () => {
    expect(rows(SCHOOL_BLANK)).toEqual([
      "1.\tСоглашения",
      "1.1\t- между БШ и школами по месту жительства",
      "1.2\t- между МЦДО и ГБОУ ИРО КК",
      "2\tПоложения регламентирующие деятельность по организации обучения детей-инвалидов на дому с использованием ДОТ",
      "2.1\t- о центре дистанционного образования базовой общеобразовательной организации",
      "3\tПриказы (иной документ, указать) БШ",
      "3.1\t- об организации обучения детей-инвалидов",
      "3.2\t- о назначении школьного координатора",
      "3.3\t- об организации работы МЦДО",
      "4\tПедагоги, осуществляющие образовательную деятельность с использованием",
      "4.1\tЧисленность педагогов",
      "4.2\tЧисленность педагогов, нуждающихся в прохождении курсов повышения квалификации",
      "4.3\tСписок педагогов с указанием курсов повышения квалификации",
      "5\tДети-инвалиды",
      "5.1\tЧисленность детей-инвалидов, обучающихся с применением дистанционных технологий, всего",
      "5.2\tИндивидуальные учебные планы (недельный)",
      "6\tРасписание занятий дистанционного обучения",
    ]);
    expect(SCHOOL_BLANK.content.columns.name).toBe("Нормативная документация БШ");
    expect(SCHOOL_BLANK.content.subjectCaption).toBe("(наименование МО и БШ)");
  });

  it("hold every row of the municipal coordinator's blank, with both rows numbered 1.1.1", () => {
    expect(rows(MUNICIPAL_BLANK)).toEqual([
      "1.\tНормативная документация МО",
      "1.1\tПриказы (иной документ, указать) МО об организации обучения детей-инвалидов",
      "1.1.1\t-об организации работы БШ",
      "1.1.1\t- о назначении муниципального координатора",
      "1.2\tПланирование работы по направлению:",
      "1.2.1\tПлан работы",
      "1.2.2\tОтчет о выполнении",
      "2.\tЭффективность организации деятельности",
      "2.1\tКоличество базовых школ в муниципалитете",
      "2.2\tБаза данных кандидатов",
      "2.3\tДанные об общем количестве детей-инвалидов, в т.ч. выпускников",
      "2.3.1\tЛичные дела обучающихся",
      "2.3.2\tОбучающиеся ДОТ в ВУЗах/СПО",
    ]);
    const section2 = MUNICIPAL_BLANK.content.items[1]!;
    expect(section2.columns).toEqual({
      number: "№ п/п",
      name: "Критерий",
      value: "Наличие/ численность",
      match: "Соответствие официальным данным",
    });
  });

  it("carry the legal references exactly, inherited by the items of a section", () => {
    const school = SCHOOL_BLANK.content;
    const item = (number: string) => answerableItems(school).find((i) => i.number === number)!;
    expect(effectiveLegalBasis(school, item("1.2").key).map((b) => b.text)).toEqual(["Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6"]);
    expect(effectiveLegalBasis(school, item("3.2").key)[0]).toEqual({
      text: "Приказ МОНМТ КК от 22.07.2021 №2378 п. 5.5 п. 5.8 п. 5.7",
      document: "Приказ МОНМТ КК",
      date: "2021-07-22",
      number: "2378",
      clauses: ["5.5", "5.8", "5.7"],
    });
    expect(effectiveLegalBasis(school, item("5.2").key)[0]!.text).toBe(
      "Приказ МОНМТ КК от 22.07.2021 №2378 п. 5.3, п. 5.8, п. 5.13, п. 5.14",
    );
    const municipal = MUNICIPAL_BLANK.content;
    const second111 = answerableItems(municipal).filter((i) => i.number === "1.1.1")[1]!;
    expect(effectiveLegalBasis(municipal, second111.key)[0]!.text).toBe("Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6 п. 3.7");
  });

  it("mark the footnotes and the annual-update rule where the seed has them", () => {
    const marked = [...walkItems(SCHOOL_BLANK.content.items)].filter(({ item }) => item.footnotes.length).map(({ item }) => item.number);
    expect(marked).toEqual(["1.1", "5.2"]);
    const annual = answerableItems(MUNICIPAL_BLANK.content)
      .filter((i) => i.annualUpdate)
      .map((i) => i.number);
    expect(annual).toEqual(["2.2"]);
  });

  it("have unique, stable item keys", () => {
    const keys = [...walkItems(MUNICIPAL_BLANK.content.items)].map(({ item }) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[2]).not.toBe(keys[3]);
  });
});
