import { describe, expect, it } from "vitest";
import type { DocxCell, DocxDocument } from "@/lib/domain/files/docx-data";
import { normalizeTitle, similarity } from "@/lib/domain/blanks/docx-import/normalize";
import { answersToApply, previewDocxImport, type PreviewItem } from "@/lib/domain/blanks/docx-import/preview";
import { markOf, readAnswer } from "@/lib/domain/blanks/docx-import/read-answer";
import type { TBlankAnswer } from "@/lib/schemas/blank";
import { MUNICIPAL_BLANK, SCHOOL_BLANK } from "@/lib/seed-data/blanks";

/** A cell; «>n» at the start merges it across n grid columns. */
const cell = (text: string): DocxCell => {
  const span = /^>(\d)/.exec(text);
  return { text: span ? text.slice(2) : text, gridSpan: span ? Number(span[1]) : 1, vMergeContinue: false, italic: false };
};
const table = (...rows: string[][]) => ({ rows: rows.map((r) => r.map(cell)), before: "", at: 0 });
const docx = (...tables: ReturnType<typeof table>[]): DocxDocument => ({ paragraphs: [], tables });

const SCHOOL_HEADER = ["№ п/п", "Нормативная документация БШ", "Реквизиты документа / численность", "Соответствие официальным данным"];
const MUNICIPAL_HEADER = ["№ п/п", "Наименование документа", "Реквизиты документа", "Соответствие официальным данным"];
const CRITERIA_HEADER = ["№ п/п", "Критерий", "Наличие/ численность", "Соответствие официальным данным"];

const keyOf = (content: typeof SCHOOL_BLANK.content, number: string, title?: string) => {
  const stack = [...content.items];
  for (let item = stack.shift(); item; item = stack.shift()) {
    if (item.number === number && (!title || item.title.includes(title))) return item.key;
    stack.push(...item.children);
  }
  throw new Error(`no item ${number}`);
};

function preview(document: DocxDocument, content = SCHOOL_BLANK.content, current = new Map<string, TBlankAnswer | null>()) {
  const result = previewDocxImport(document, content, current);
  if (!result.ok) throw new Error(result.message);
  return result.preview;
}
const itemOf = (items: PreviewItem[], number: string, title?: string) => {
  const found = items.find((i) => i.number === number && (!title || i.title.includes(title)));
  if (!found) throw new Error(`item ${number} not in the preview`);
  return found;
};

describe("normalising titles", () => {
  it.each([
    ["- между БШ и школами по месту жительства ¹", "между бш и школами по месту жительства"],
    ["-об организации работы БШ", "об организации работы бш"],
    ["  – О назначении   «координатора»*", "о назначении координатора"],
    ["Отчёт о выполнении", "отчет о выполнении"],
    ["Обучающиеся ДОТ в ВУЗах — СПО", "обучающиеся дот в вузах-спо"],
    ["Планирование работы по направлению:", "планирование работы по направлению"],
  ])("%s → %s", (text, normalised) => expect(normalizeTitle(text)).toBe(normalised));

  it("a typo keeps titles alike, another item does not", () => {
    expect(similarity(normalizeTitle("Численность педагогв"), normalizeTitle("Численность педагогов"))).toBeGreaterThan(0.8);
    expect(similarity(normalizeTitle("План работы"), normalizeTitle("Отчет о выполнении"))).toBeLessThan(0.4);
  });
});

describe("reading a cell by the item's kind", () => {
  const read = (kind: "DOCUMENT" | "COUNT" | "PRESENCE" | "TEXT", value: string, presence: string | null = null) =>
    readAnswer(kind, { value, presence });

  it.each(["✓", "✔", "☒", "+", "да", "Да", "есть", "имеется", "в наличии", "Имеется."])("«%s» means present", (mark) => {
    expect(read("PRESENCE", mark).value).toEqual({ kind: "PRESENCE", present: true });
  });
  it.each(["нет", "Нет", "отсутствует", "Отсутствует.", "☐", "-", "—", "–"])("«%s» means absent", (mark) => {
    expect(read("PRESENCE", mark).value).toEqual({ kind: "PRESENCE", present: false });
  });
  it("an empty presence cell is not answered, and nothing is wrong with it", () => {
    expect(read("PRESENCE", "  ")).toEqual({ value: null, problems: [] });
    expect(markOf("")).toBeNull();
  });
  it("a presence cell that is no mark says why it was not read", () => {
    const reading = read("PRESENCE", "частично");
    expect(reading.value).toBeNull();
    expect(reading.problems[0]).toContain("«частично»");
  });

  it.each([
    ["12", 12],
    ["12 чел.", 12],
    ["12 человек", 12],
    ["1 250", 1250],
    ["0", 0],
    ["7 (семь)", 7],
    ["✓\n15", 15],
  ])("count «%s» → %i", (text, count) => {
    expect(read("COUNT", text).value).toEqual({ kind: "COUNT", count });
  });
  it.each([
    ["двенадцать", "«двенадцать»"],
    ["12,5", "целое число"],
    ["около 20", "«около 20»"],
    ["✓", "Стоит отметка"],
  ])("count «%s» is not read", (text, why) => {
    const reading = read("COUNT", text);
    expect(reading.value).toBeNull();
    expect(reading.problems.join(" ")).toContain(why);
  });

  it("requisites go through the requisites parser", () => {
    expect(read("DOCUMENT", "Приказ МОНМТ КК от 22.07.2021 №2378 «Об организации обучения»").value).toMatchObject({
      kind: "DOCUMENT",
      present: true,
      docType: "Приказ",
      issuer: "МОНМТ КК",
      date: "2021-07-22",
      number: "2378",
      title: "Об организации обучения",
    });
  });
  it("requisites with a presence mark before them and on two lines", () => {
    expect(read("DOCUMENT", "✓ Положение о центре дистанционного образования\nот 01.09.2021 № 12").value).toMatchObject({
      present: true,
      docType: "Положение",
      date: "2021-09-01",
      number: "12",
    });
  });
  it.each(["✓", "да", "имеется"])("a mark alone in the requisites cell: the document is there, without requisites («%s»)", (mark) => {
    expect(read("DOCUMENT", mark).value).toMatchObject({ kind: "DOCUMENT", present: true, docType: "", number: "" });
  });
  it.each(["нет", "отсутствует", "—"])("«%s» in the requisites cell: no document", (mark) => {
    expect(read("DOCUMENT", mark).value).toMatchObject({ kind: "DOCUMENT", present: false });
  });
  it("a presence column beside empty requisites", () => {
    expect(read("DOCUMENT", "", "✓").value).toMatchObject({ present: true });
    expect(read("DOCUMENT", "", "☐").value).toMatchObject({ present: false });
    expect(read("DOCUMENT", "", "").value).toBeNull();
  });
  it("requisites that name no document kind are not read, with why", () => {
    const reading = read("DOCUMENT", "утверждено директором в сентябре");
    expect(reading.value).toBeNull();
    expect(reading.problems[0]).toMatch(/Реквизиты не разобраны .*«утверждено директором в сентябре»/);
  });
  it("a date in the future is refused as the form refuses it", () => {
    const reading = read("DOCUMENT", "Приказ МОНМТ КК от 22.07.2099 № 1");
    expect(reading.value).toBeNull();
    expect(reading.problems).toContain("Дата документа не может быть в будущем.");
  });
  it("text is kept as written", () => {
    expect(read("TEXT", "  Работа ведётся по плану.  ").value).toEqual({ kind: "TEXT", text: "Работа ведётся по плану." });
  });
});

describe("the school blank as seed 000 prints it, filled", () => {
  const filled = docx(
    table(
      SCHOOL_HEADER,
      ["1. Соглашения", "", "", "Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6"],
      ["1.1", "- между БШ и школами по месту жительства ¹", "Соглашение № 5 от 01.09.2022 о сетевом взаимодействии", ""],
      ["1.2", "– между МЦДО и ГБОУ ИРО КК", "нет", ""],
      [">4" + "2 Положения регламентирующие деятельность по организации обучения детей-инвалидов на дому с использованием ДОТ"],
      ["2.1", "- о центре дистанционного образования базовой общеобразовательной организации", "✓", ""],
      ["3 Приказы (иной документ, указать) БШ", "", "", ""],
      [
        "3.1",
        "- об организации обучения детей-инвалидов",
        "Приказ МБОУ СОШ № 3 от 30.08.2022 № 145 «Об организации обучения детей-инвалидов»",
        "",
      ],
      ["3.2", "- О назначении школьного координатора", "", ""],
      ["4.1", "Численность педагогов", "12 чел.", ""],
      ["4.2", "Численность педагогов, нуждающихся в прохождении курсов повышения квалификаци", "двенадцать", ""],
      ["4.3", "Список педагогов с указанием курсов повышения квалификации", "✓", ""],
      ["5.1", "Численность детей-инвалидов, обучающихся с применением дистанционных технологий, всего", "7", ""],
      ["5.2", "Индивидуальные учебные планы (недельный) ¹", "☐", ""],
      ["", "Расписание занятий дистанционного обучения", "да", ""],
      ["7", "Журнал посещаемости", "✓", ""],
    ),
  );
  const content = SCHOOL_BLANK.content;

  it("reads each row into its item", () => {
    const { items } = preview(filled);
    expect(itemOf(items, "1.1").read).toMatchObject({ docType: "Соглашение", number: "5", date: "2022-09-01" });
    expect(itemOf(items, "1.2").read).toMatchObject({ present: false });
    expect(itemOf(items, "2.1").read).toMatchObject({ present: true });
    expect(itemOf(items, "3.1").read).toMatchObject({ docType: "Приказ", number: "145", date: "2022-08-30" });
    expect(itemOf(items, "3.2")).toMatchObject({ read: null, change: "empty", problems: [] });
    expect(itemOf(items, "4.1").read).toEqual({ kind: "COUNT", count: 12 });
    expect(itemOf(items, "4.3").read).toEqual({ kind: "PRESENCE", present: true });
    expect(itemOf(items, "5.1").read).toEqual({ kind: "COUNT", count: 7 });
    expect(itemOf(items, "5.2").read).toEqual({ kind: "PRESENCE", present: false });
  });
  it("a title with a typo is found by its number, with a warning; an unreadable count says why", () => {
    const item = itemOf(preview(filled).items, "4.2");
    expect(item.read).toBeNull();
    expect(item.problems).toEqual([
      expect.stringContaining("Наименование в файле отличается от бланка"),
      expect.stringContaining("«двенадцать»"),
    ]);
  });
  it("a row without a number is found by its title", () => {
    expect(itemOf(preview(filled).items, "6")).toMatchObject({ read: { kind: "PRESENCE", present: true }, problems: [] });
  });
  it("a row that is no item of the blank is listed with its text and why", () => {
    expect(preview(filled).unmatched).toEqual([
      { where: "таблица 1, строка 16", text: "7 | Журнал посещаемости | ✓", reason: "В бланке нет пункта 7 с таким наименованием." },
    ]);
  });
  it("the summary counts what will change, what stays, what was not read", () => {
    const current = new Map<string, TBlankAnswer | null>([
      [keyOf(content, "4.1"), { kind: "COUNT", count: 12 }],
      [keyOf(content, "5.1"), { kind: "COUNT", count: 5 }],
    ]);
    const result = preview(filled, content, current);
    expect(itemOf(result.items, "4.1").change).toBe("same");
    expect(itemOf(result.items, "5.1").change).toBe("changed");
    expect(itemOf(result.items, "1.1").change).toBe("new");
    expect(result.summary).toEqual({ toChange: 8, same: 1, unread: 1, empty: 1, missing: 1, unmatched: 1 });
  });
  it("applying writes the new and changed answers only, of the items kept", () => {
    const result = preview(filled);
    expect(answersToApply(result).map((a) => a.itemKey)).toHaveLength(9);
    expect(answersToApply(result, [keyOf(content, "4.1"), keyOf(content, "3.2")])).toEqual([
      { itemKey: keyOf(content, "4.1"), value: { kind: "COUNT", count: 12 } },
    ]);
  });
  it("a document read again keeps the scan attached to the answer", () => {
    const fileId = "0190a0a0-0000-7000-8000-000000000001";
    const current = new Map<string, TBlankAnswer | null>([
      [
        keyOf(content, "1.1"),
        {
          kind: "DOCUMENT",
          present: true,
          docType: "Соглашение",
          issuer: "",
          date: "2022-09-01",
          number: "5",
          title: "о сетевом взаимодействии",
          fileId,
        },
      ],
    ]);
    expect(itemOf(preview(filled, content, current).items, "1.1")).toMatchObject({ change: "same", read: { fileId } });
  });
  it("items the file does not have are named", () => {
    const short = docx(table(SCHOOL_HEADER, ["4.1", "Численность педагогов", "3", ""]));
    expect(preview(short).missing.map((m) => m.number)).toEqual([
      "1.1",
      "1.2",
      "2.1",
      "3.1",
      "3.2",
      "3.3",
      "4.2",
      "4.3",
      "5.1",
      "5.2",
      "6",
    ]);
  });
  it("a document without the blank's header is refused with what to look for", () => {
    const result = previewDocxImport(docx(table(["Мероприятие", "Срок"], ["1", "2"])), content, new Map());
    expect(result).toEqual({ ok: false, message: expect.stringContaining("не найдена таблица бланка") });
  });
});

describe("the municipal blank as seed 000 prints it: «1.1.1» twice, the criteria part restarting the header", () => {
  const content = MUNICIPAL_BLANK.content;
  const filled = docx(
    table(
      MUNICIPAL_HEADER,
      ["1. Нормативная документация МО", "", "", ""],
      [
        "1.1",
        "Приказы (иной документ, указать) МО об организации обучения детей-инвалидов",
        "",
        "Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6 п. 3.7",
      ],
      [
        "1.1.1",
        "- о назначении муниципального координатора",
        "Приказ УО от 01.09.2022 № 77 «О назначении муниципального координатора»",
        "",
      ],
      ["1.1.1", "-об организации работы БШ", "Приказ УО от 29.08.2022 № 70 «Об организации работы базовых школ»", ""],
      ["1.2 Планирование работы по направлению:", "", "", ""],
      ["1.2.1", "План работы", "✓", ""],
      ["1.2.2", "Отчёт о выполнении", "отсутствует", ""],
      ["2. Эффективность организации деятельности", "", "", ""],
    ),
    table(
      CRITERIA_HEADER,
      ["2.1", "Количество базовых школ в муниципалитете", "4", ""],
      ["2.2", "База данных кандидатов", "да", "ежегодное обновление"],
      ["2.3", "Данные об общем количестве детей-инвалидов, в т.ч. выпускников", "31", ""],
      ["2.3.1", "Личные дела обучающихся", "☒", ""],
    ),
    // Word split the table where the user cut it: no header, as wide as the blank.
    table(["2.3.2", "Обучающиеся ДОТ в ВУЗах/СПО", "2", ""]),
    // The signature block under the blank, as wide: no item of it.
    table(["Дата:", "(дата)", "№:", "(номер)"]),
  );

  it("the title decides between the two «1.1.1», whatever their order in the file", () => {
    const { items } = preview(filled, content);
    expect(itemOf(items, "1.1.1", "работы БШ").read).toMatchObject({ number: "70", title: "Об организации работы базовых школ" });
    expect(itemOf(items, "1.1.1", "муниципального координатора").read).toMatchObject({ number: "77" });
  });
  it("reads the criteria table after the restarted header and the continuation table", () => {
    const { items, unmatched, missing } = preview(filled, content);
    expect(itemOf(items, "2.1").read).toEqual({ kind: "COUNT", count: 4 });
    expect(itemOf(items, "2.2").read).toMatchObject({ kind: "DOCUMENT", present: true });
    expect(itemOf(items, "2.3").read).toEqual({ kind: "COUNT", count: 31 });
    expect(itemOf(items, "2.3.1").read).toEqual({ kind: "PRESENCE", present: true });
    expect(itemOf(items, "2.3.2").read).toEqual({ kind: "COUNT", count: 2 });
    expect(itemOf(items, "1.2.2").read).toMatchObject({ present: false });
    expect(unmatched).toEqual([]);
    expect(missing).toEqual([]);
  });
  it("a third «1.1.1» is not read twice", () => {
    const twice = docx(
      table(MUNICIPAL_HEADER, ["1.1.1", "-об организации работы БШ", "✓", ""], ["1.1.1", "- об организации работы БШ", "нет", ""]),
    );
    const result = preview(twice, content);
    expect(itemOf(result.items, "1.1.1", "работы БШ").read).toMatchObject({ present: true });
    expect(result.unmatched[0]?.reason).toBe("Пункт 1.1.1 уже прочитан из строки выше (таблица 1, строка 2).");
  });
  it("a number that is wrong is corrected by an exact title, with a warning", () => {
    const result = preview(docx(table(MUNICIPAL_HEADER, ["1.3", "План работы", "✓", ""])), content);
    expect(itemOf(result.items, "1.2.1").problems).toEqual(["Номер в файле 1.3, в бланке 1.2.1: пункт найден по наименованию."]);
  });
});

describe("a blank with a presence column of its own (the app's DOCX form)", () => {
  const header = [
    "№ п/п",
    "Наименование документа",
    "Реквизиты документа / численность",
    "Наличие",
    "Соответствие официальным данным",
    "Правовое основание",
  ];
  it("reads the presence column for documents and presence items, requisites from theirs", () => {
    const result = preview(
      docx(
        table(
          header,
          [">6" + "1. Соглашения"],
          ["1.1", "- между БШ и школами по месту жительства ¹", "", "✓", "", ""],
          ["1.2", "- между МЦДО и ГБОУ ИРО КК", "Соглашение от 10.01.2023 № 3-С", "", "", ""],
          ["4.3", "Список педагогов с указанием курсов повышения квалификации", "", "нет", "", ""],
        ),
      ),
    );
    expect(itemOf(result.items, "1.1").read).toMatchObject({ present: true, docType: "" });
    expect(itemOf(result.items, "1.2").read).toMatchObject({ present: true, number: "3-С" });
    expect(itemOf(result.items, "4.3").read).toEqual({ kind: "PRESENCE", present: false });
    expect(result.unmatched).toEqual([]);
  });
});
