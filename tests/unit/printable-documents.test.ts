import type { Content, ContentTable, TableCell } from "pdfmake/interfaces";
import { describe, expect, it } from "vitest";
import { blankFilledDefinition, type BlankFilledData } from "@/lib/domain/reports/pdf/blank-filled";
import { blankFormDefinition } from "@/lib/domain/reports/pdf/blank-form";
import type { ReportBase } from "@/lib/domain/reports/pdf/frame";
import { planReportDefinition, type PlanReportData } from "@/lib/domain/reports/pdf/plan-report";
import { walkItems, type TTemplateContent } from "@/lib/schemas/template";
import { MUNICIPAL_BLANK, SCHOOL_BLANK } from "@/lib/seed-data/blanks";
import { KALTAN_PROGRAMME, SLAVYANSKY_METHODICAL_PLAN } from "@/lib/seed-data/plans";
import { countPdfPages, renderPdf } from "@/lib/server/reports/render-pdf";
import { audit, BASE as SAMPLE_BASE, tablesOf } from "../support/report-samples";

const BASE: ReportBase = { ...SAMPLE_BASE, signature: { date: null, number: null, executor: { position: null, name: null } } };

/** A cell's text, however it is nested. */
function cellText(cell: TableCell | Content | undefined): string {
  if (cell === undefined || cell === null) return "";
  if (typeof cell === "string") return cell;
  if (Array.isArray(cell)) return cell.map((c) => cellText(c as Content)).join("");
  const c = cell as { text?: unknown; stack?: Content[] };
  if (c.stack) return c.stack.map(cellText).join("\n");
  return c.text === undefined ? "" : cellText(c.text as Content);
}

const rowsOf = (table: ContentTable) => table.table.body.map((row) => row.map((cell) => cellText(cell)));
const textOf = (content: unknown) => JSON.stringify(content);

/** The municipal blank with a footnote's text, as a template may give it. */
function municipalWithFootnote(): TTemplateContent {
  const content = structuredClone(MUNICIPAL_BLANK.content);
  const item = [...walkItems(content.items)].find((w) => w.item.number === "1.2.1")!.item;
  item.footnotes = [{ mark: "¹", text: "План работы на учебный год с отметкой об утверждении" }];
  return content;
}

describe("the empty blank", () => {
  const content = municipalWithFootnote();
  const def = blankFormDefinition({ ...BASE, templateName: MUNICIPAL_BLANK.name, version: 2, content });
  const [table] = tablesOf(def.content);
  const rows = rowsOf(table!);

  it("has the template's title and the line for the participant's name", () => {
    const text = textOf(def.content);
    expect(text).toContain("БЛАНК СООТВЕТВИЯ");
    expect(text).toContain("критериям оценки деятельности работы муниципального координатора _____");
    expect(text).toContain("(наименование МО)");
  });

  it("lists every item in the template's order with its number and title, «1.1.1» twice", () => {
    const numbered = rows.slice(1).filter((r) => r[0] !== "№ п/п");
    expect(numbered.map((r) => r[0])).toEqual([...walkItems(content.items)].map((w) => w.item.number));
    expect(numbered.filter((r) => r[0] === "1.1.1").map((r) => r[1])).toEqual([
      "-об организации работы БШ",
      "- о назначении муниципального координатора",
    ]);
    expect(rows[0]).toEqual(["№ п/п", "Наименование документа", "Реквизиты документа", "Наличие", "Соответствие официальным данным"]);
  });

  it("leaves the answer cells empty, spans section rows, puts the legal basis in their last column", () => {
    const planRow = rows.find((r) => r[0] === "1.2.1")!;
    expect(planRow.slice(2)).toEqual(["", "", ""]);
    const section = table!.table.body.find((row) => cellText(row[0]) === "1.1")!;
    expect((section[1] as { colSpan?: number }).colSpan).toBe(3);
    expect(cellText(section[4])).toBe("Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6 п. 3.7");
    expect(rows.find((r) => r[0] === "2.2")![4]).toBe("ежегодное обновление");
  });

  it("repeats the criteria part's own header where the seed restarts it", () => {
    const header = rows.findIndex((r) => r[1] === "Критерий");
    expect(rows[header]).toEqual(["№ п/п", "Критерий", "Наличие/ численность", "Наличие", "Соответствие официальным данным"]);
    expect(rows[header - 1]![1]).toBe("Эффективность организации деятельности");
    expect(table!.table.headerRows).toBe(1);
  });

  it("marks the footnote in the title and prints its text under the table, then the signature lines", () => {
    expect(rows.find((r) => r[0] === "1.2.1")![1]).toBe("План работы ¹");
    const text = textOf(def.content);
    expect(text).toContain("¹ План работы на учебный год с отметкой об утверждении");
    expect(text).toContain("(подпись)");
    expect(text.indexOf("¹ План работы на учебный год")).toBeGreaterThan(text.indexOf("Обучающиеся ДОТ в ВУЗах/СПО"));
  });
});

function filled(): BlankFilledData {
  const { score: _score, findings: _findings, ...blank } = audit();
  const items = [...walkItems(blank.content.items)].map((w) => w.item);
  const key = (number: string) => items.find((i) => i.number === number)!.key;
  return {
    ...blank,
    ...BASE,
    answers: {
      [key("1.1")]: {
        value: {
          kind: "DOCUMENT",
          present: true,
          docType: "Приказ",
          issuer: "",
          date: "2021-10-14",
          number: "123",
          title: "О сетевом взаимодействии",
          fileId: null,
        },
        mark: "MATCHES",
        markComment: null,
      },
      [key("1.2")]: {
        value: { kind: "DOCUMENT", present: false, docType: "", issuer: "", date: null, number: "", title: "", fileId: null },
        mark: "MISMATCH",
        markComment: "соглашение с ГБОУ ИРО КК не заключено",
      },
      [key("4.1")]: { value: { kind: "COUNT", count: 12 }, mark: "PARTIAL", markComment: null },
    },
    officialCounts: { [key("4.1")]: 14 },
    submitted: { date: "2022-11-20", by: "Иванова Мария Петровна" },
    accepted: { date: "2022-12-01", by: "Аудитор ИРО КК" },
    score: { total: 87.5, grade: "частично соответствует" },
  };
}

describe("the filled blank", () => {
  const def = blankFilledDefinition(filled());
  const rows = rowsOf(tablesOf(def.content)[0]!);

  it("says whose blank it is, its status, who sent and accepted it, its score", () => {
    const text = textOf(def.content);
    for (const needle of [
      "Участник: Славянский район, МБОУ СОШ № 1",
      "Статус бланка: принят",
      "Отправлен на проверку: 20.11.2022, Иванова Мария Петровна",
      "Принят: 01.12.2022, Аудитор ИРО КК",
      "Оценка: 87,5 % — частично соответствует",
      "критериям оценки деятельности работы школьного координатора Славянский район, МБОУ СОШ № 1",
    ]) {
      expect(text, needle).toContain(needle);
    }
  });

  it("fills each item's row with the answer and the auditor's mark and comment", () => {
    expect(rows.find((r) => r[0] === "1.1")).toEqual([
      "1.1",
      "- между БШ и школами по месту жительства ¹",
      "Приказ от 14.10.2021 №123 «О сетевом взаимодействии»",
      "",
      "соответствует",
    ]);
    expect(rows.find((r) => r[0] === "1.2")!.slice(2)).toEqual([
      "документ отсутствует",
      "—",
      "не соответствует — соглашение с ГБОУ ИРО КК не заключено",
    ]);
    expect(rows.find((r) => r[0] === "4.1")!.slice(2)).toEqual(["12\nпо данным учёта: 14", "", "частично"]);
    expect(rows.find((r) => r[0] === "5.2")!.slice(2)).toEqual(["", "", ""]);
  });

  it("calls a score before acceptance preliminary and leaves out who has not acted", () => {
    const text = textOf(blankFilledDefinition({ ...filled(), status: "SUBMITTED", accepted: null }).content);
    expect(text).toContain("Оценка (предварительная): 87,5 %");
    expect(text).not.toContain("Принят:");
  });
});

function methodicalPlan(): PlanReportData {
  const plan = SLAVYANSKY_METHODICAL_PLAN;
  return {
    ...BASE,
    kind: "METHODICAL_PLAN",
    title: plan.title,
    owner: "Славянский район",
    approvedBy: "Приказ УО от 18.09.2020 № 1006",
    period: { startsOn: plan.startsOn, endsOn: plan.endsOn },
    events: plan.sections.flatMap((s, i) =>
      s.events.map((e, j) => ({
        ...e,
        responsible: e.responsibleText,
        group: `${s.number}. ${s.title}`,
        status: i === 0 && j === 0 ? ("DONE" as const) : ("PLANNED" as const),
        overdue: i === 0 && j === 1,
        heldOn: i === 0 && j === 0 ? "2022-08-25" : null,
      })),
    ),
    indicators: plan.indicators,
  };
}

describe("a methodical work plan in seed 004's layout", () => {
  const def = planReportDefinition(methodicalPlan());
  const [events, targets, methods] = tablesOf(def.content);

  it("has the seed's five columns, a spanning row per section, the events in order", () => {
    const rows = rowsOf(events!);
    expect(rows[0]).toEqual([
      "№",
      "Наименование мероприятия",
      "Ожидаемый результат",
      "Сроки и периодичность проведения мероприятий",
      "Ответственный исполнитель",
    ]);
    expect(rows[1]![0]).toBe("1. Мероприятия по повышению квалификации и профессиональной переподготовки педагогов");
    expect((events!.table.body[1]![0] as { colSpan?: number }).colSpan).toBe(5);
    expect(rows[2]).toEqual([
      "1.1",
      SLAVYANSKY_METHODICAL_PLAN.sections[0]!.events[0]!.title,
      "Формирование действующего эффективного механизма муниципального управления в сфере повышения квалификации",
      "Ежегодно август\nПроведено 25.08.2022",
      "директор КМЦ, специалисты КМЦ",
    ]);
    expect(rows[3]![3]).toBe("Ежегодно в течение года\nПросрочено");
    const numbers = rows.map((r) => r[0]);
    expect(numbers.filter((n) => n === "2.3")).toHaveLength(2);
    expect(
      numbers.indexOf("2. Мероприятия, направленные на совершенствование профессионализма и повышение уровня педагогического мастерства"),
    ).toBe(numbers.indexOf("1.3") + 1);
  });

  it("lists the target indicators with their values and the methods of collecting them", () => {
    expect(rowsOf(targets!)[0]).toEqual(["№ п/п", "Показатель", "Значение показателя"]);
    expect(textOf(targets)).toContain("не менее 30 % от общего количества педагогов в год");
    expect(rowsOf(methods!)[0]).toEqual(["№ п/п", "Показатель", "Методы сбора информации", "результат"]);
    expect(textOf(def.content)).toContain("Утверждён: Приказ УО от 18.09.2020 № 1006");
  });
});

describe("a programme in seed 001's layout", () => {
  it("has the seed's columns with a row per stage and no indicators", () => {
    const plan = KALTAN_PROGRAMME;
    const def = planReportDefinition({
      ...methodicalPlan(),
      kind: "PROGRAMME",
      title: plan.title,
      approvedBy: null,
      events: plan.stages.flatMap((s, i) =>
        s.events.map((e) => ({
          ...e,
          responsible: "",
          group: `${"I".repeat(i + 1)} этап`,
          status: "PLANNED" as const,
          overdue: false,
          heldOn: null,
        })),
      ),
      indicators: [],
    });
    const tables = tablesOf(def.content);
    expect(tables).toHaveLength(1);
    const rows = rowsOf(tables[0]!);
    expect(rows[0]).toEqual(["№", "Задачи", "Сроки", "Продукт"]);
    expect(rows[1]![0]).toBe("I этап");
    expect(rows[2]).toEqual([
      "1.",
      "Назначить ответственного за реализацию направления в ОУ",
      "до 30 сентября 2013 г.",
      "Приказ ОУ о назначении ответственного",
    ]);
    expect(rows.filter((r) => /этап$/.test(r[0]!)).map((r) => r[0])).toEqual(["I этап", "II этап", "III этап"]);
  });
});

describe("rendering the printable documents", () => {
  it("leaves the next document's column widths alone (pdfmake rewrites a table's widths as it lays it out)", async () => {
    const form = () => blankFormDefinition({ ...BASE, templateName: SCHOOL_BLANK.name, version: 1, content: SCHOOL_BLANK.content });
    await renderPdf(form());
    expect(tablesOf(form().content)[0]!.table.widths).toEqual([34, "*", 118, 38, 128]);
  });

  it("makes valid PDFs with the shipped fonts", async () => {
    for (const definition of [
      blankFormDefinition({ ...BASE, templateName: SCHOOL_BLANK.name, version: 1, content: SCHOOL_BLANK.content }),
      blankFilledDefinition(filled()),
      planReportDefinition(methodicalPlan()),
    ]) {
      const bytes = await renderPdf(definition);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(countPdfPages(bytes)).toBeGreaterThanOrEqual(1);
    }
  });
});
