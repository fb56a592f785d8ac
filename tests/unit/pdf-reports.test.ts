import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { describe, expect, it } from "vitest";
import { ROADMAP_COLUMNS, ROADMAP_HINTS, roadmapTitle } from "@/lib/domain/plans/roadmap-table";
import { auditReportDefinition } from "@/lib/domain/reports/pdf/audit-report";
import { campaignReportDefinition } from "@/lib/domain/reports/pdf/campaign-report";
import { recordsReportDefinition, type RecordsReportData } from "@/lib/domain/reports/pdf/records-report";
import { roadmapReportDefinition } from "@/lib/domain/reports/pdf/roadmap-report";
import { signatureBlock } from "@/lib/domain/reports/pdf/signature";
import { MUNICIPAL_BLANK } from "@/lib/seed-data/blanks";
import { audit, BASE, campaign, counts, records, seedRecords, tablesOf } from "../support/report-samples";
import { reportFileName } from "@/lib/server/reports/build-report";
import { countPdfPages, renderPdf } from "@/lib/server/reports/render-pdf";

/** All the text a definition's content holds. */
const textOf = (content: Content) => JSON.stringify(content);

describe("the report frame", () => {
  const def = auditReportDefinition(audit());

  it("is A4 with the fonts shipped, Russian metadata, and the issuer and the date atop every page", () => {
    expect(def.pageSize).toBe("A4");
    expect(def.pageOrientation).toBe("portrait");
    expect(def.defaultStyle?.font).toBe("LiberationSans");
    expect(def.language).toBe("ru");
    expect(def.info).toMatchObject({
      author: BASE.issuer.organizationName,
      creator: "Методаудит",
      subject: expect.stringContaining("Славянский район"),
    });
    const header = (def.header as (page: number, pages: number, size: unknown) => Content)(2, 3, { width: 595.28, height: 841.89 });
    expect(textOf(header)).toContain(BASE.issuer.organizationName);
    expect(textOf(header)).toContain("350080, г. Краснодар, ул. Сормовская, 167");
    expect(textOf(header)).toContain("06.12.2022");
    const footer = (def.footer as (page: number, pages: number) => Content)(2, 3);
    expect(textOf(footer)).toContain("Стр. 2 из 3");
  });

  it("makes room for a longer header and embeds the logo from its data URL only", () => {
    const top = (d: TDocumentDefinitions) => (d.pageMargins as number[])[1]!;
    const longer = auditReportDefinition({ ...audit(), issuer: { ...BASE.issuer, details: "1\n2\n3\n4" } });
    expect(top(longer)).toBeGreaterThan(top(def));
    const logo = "data:image/png;base64,iVBORw0KGgo=";
    const withLogo = auditReportDefinition({ ...audit(), issuer: { ...BASE.issuer, logoDataUrl: logo } });
    expect(withLogo.images).toEqual({ logo });
    expect(def.images).toEqual({});
  });

  it("gives every table of every report header rows, so they repeat on each page", async () => {
    const definitions = [
      def,
      campaignReportDefinition(campaign()),
      roadmapReportDefinition({ ...BASE, title: roadmapTitle("2020/2021"), owner: "город Краснодар", records: await seedRecords() }),
      recordsReportDefinition(records()),
    ];
    for (const definition of definitions) {
      const tables = tablesOf(definition.content);
      expect(tables.length).toBeGreaterThan(0);
      for (const t of tables) expect(t.table.headerRows).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("the signature block", () => {
  it("names the date, number, executor and signature: filled when known, lines to fill otherwise", () => {
    const empty = textOf(signatureBlock({ date: null, number: null, executor: { position: null, name: null } }));
    for (const label of [
      "Дата:",
      "№:",
      "Исполнитель:",
      "Подпись:",
      "(дата)",
      "(номер)",
      "(должность)",
      "(подпись)",
      "(фамилия, инициалы)",
    ]) {
      expect(empty).toContain(label);
    }
    const filled = textOf(
      signatureBlock({
        date: "2021-06-30",
        number: "12-од",
        executor: { position: "Начальник отдела мониторинга системы образования МКУ КНМЦ", name: "О.А.Саркисян" },
      }),
    );
    expect(filled).toContain("30.06.2021");
    expect(filled).toContain("12-од");
    expect(filled).toContain("Начальник отдела мониторинга системы образования МКУ КНМЦ");
    expect(filled).toContain("О.А.Саркисян");
  });
});

describe("the audit report", () => {
  it("prints the blank's rows with answers, marks, legal basis and footnotes, then the score and findings", () => {
    const data = audit();
    data.content = {
      ...data.content,
      items: data.content.items.map((item, i) => (i === 0 ? { ...item, footnotes: [{ mark: "¹", text: "по каждой школе" }] } : item)),
    };
    const text = textOf(auditReportDefinition(data).content);
    for (const needle of [
      "Результаты методического аудита: бланк соответствия критериям оценки деятельности работы школьного координатора",
      "БЛАНК СООТВЕТВИЯ",
      "критериям оценки деятельности работы школьного координатора Славянский район, МБОУ СОШ № 1",
      "Реквизиты документа / численность",
      "Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6",
      "Соглашение от 17.11.2021 №149-од «О сетевом взаимодействии между БШ и школами по месту жительства»",
      "соответствует",
      "¹ по каждой школе",
      "87,5 %",
      "частично соответствует",
      "отсутствует",
      "высокая",
      "01.01.2023",
      "не устранено",
    ]) {
      expect(text, needle).toContain(needle);
    }
  });

  it("says so when the blank is not yet scored and has no findings", () => {
    const text = textOf(auditReportDefinition({ ...audit(), status: "IN_PROGRESS", score: null, findings: [] }).content);
    expect(text).toContain("оценка не выставлена");
    expect(text).toContain("Замечаний нет.");
  });

  it("takes a municipal blank's own column headers for its second section", () => {
    const content = MUNICIPAL_BLANK.content;
    const text = textOf(auditReportDefinition({ ...audit(), content, answers: {} }).content);
    expect(text).toContain("Наличие/ численность");
    expect(text).toContain("Критерий");
  });
});

describe("the campaign report", () => {
  it("lists the audited, the non-submitters and the typical errors with their shares", () => {
    const text = textOf(campaignReportDefinition(campaign()).content);
    for (const needle of [
      "Муниципальные образования, прошедшие аудит",
      "МО, не предоставившие информацию",
      "Белоглинский район",
      "ТИПИЧНЫЕ ОШИБКИ",
      "Муниципальных координаторов",
      "Школьных координаторов",
      "60 %",
      "Диаграмма оценок",
    ]) {
      expect(text, needle).toContain(needle);
    }
  });

  it("draws a bar per scored municipality, as long as its score, coloured by its grade", () => {
    const definition = campaignReportDefinition(campaign());
    const chart = tablesOf(definition.content).find((t) => JSON.stringify(t).includes('"canvas"'))!;
    const bars = chart.table.body.slice(1).map((row) => (row[1] as { canvas: Array<{ type: string; w?: number; color?: string }> }).canvas);
    expect(bars).toHaveLength(2);
    const [track, bar] = bars[0]!;
    expect(bar!.w! / track!.w!).toBeCloseTo(0.889, 3);
    expect(bars[1]![1]!.w! / bars[1]![0]!.w!).toBeCloseTo(0.5, 3);
    expect(bar!.color).not.toBe(bars[1]![1]!.color);
  });

  it("before the deadline says the non-submitters are not yet known", () => {
    const data = campaign();
    const text = textOf(campaignReportDefinition({ ...data, notSubmitted: [], campaign: { ...data.campaign, overdue: false } }).content);
    expect(text).toContain("ещё не истёк");
  });
});

describe("the roadmap report", () => {
  it("is landscape, with seed 002's title and exactly its eight columns and hints", async () => {
    const def = roadmapReportDefinition({
      ...BASE,
      title: roadmapTitle("2020/2021"),
      owner: "город Краснодар",
      records: await seedRecords(),
    });
    expect(def.pageOrientation).toBe("landscape");
    expect(textOf(def.content)).toContain(
      "Отчет о выполнении мероприятий муниципальной дорожной карты на 2020-2021 учебный год по сопровождению школам с низкими образовательными результатами и/или школ, функционирующих в сложных социальных условиях",
    );
    const [table] = tablesOf(def.content);
    const [header, hints, first] = table!.table.body;
    expect(header!.map((cell) => (cell as { text: string }).text)).toEqual(ROADMAP_COLUMNS.map((c) => c.header));
    expect(hints!.map((cell) => (cell as { text: string }).text)).toEqual(ROADMAP_COLUMNS.map((c) => ROADMAP_HINTS[c.id]));
    expect(first!.map((cell) => (cell as { text: string }).text).slice(0, 2)).toEqual(["23", "Краснодар"]);
    expect(table!.table.body).toHaveLength(2 + 15);
    // The seed's events fit a page each: they are kept whole.
    expect(table!.table.dontBreakRows).toBe(true);
  });

  it("lets an event too long for one page break across pages rather than lose its end", async () => {
    const [event] = await seedRecords();
    const def = roadmapReportDefinition({
      ...BASE,
      title: "Отчет",
      owner: "город Краснодар",
      records: [{ ...event!, description: "очень длинное описание ".repeat(300) }],
    });
    expect(tablesOf(def.content)[0]!.table.dontBreakRows).toBe(false);
  });
});

describe("the records report", () => {
  it("prints counts only: names given along with the counts never reach the document", () => {
    const names = ["Иванов Иван Иванович", "Петрова Мария", "Учитель Кузнецова"];
    const data = {
      ...records(),
      students: names.map((fullName) => ({ fullName, birthDate: "2010-01-01" })),
      teachers: [{ fullName: names[2] }],
      parts: [{ name: "МБОУ СОШ № 1", counts: counts(4), students: [{ fullName: names[0] }] }],
    } as unknown as RecordsReportData;
    const definition = recordsReportDefinition(data);
    const all = JSON.stringify(definition);
    for (const name of names) expect(all).not.toContain(name);
    expect(all).toContain("МБОУ СОШ № 1");
    expect(all).toContain("Славянский район");
  });

  it("has no parts table for a school", () => {
    const text = textOf(
      recordsReportDefinition({ ...records(), area: { level: "school", name: "МБОУ СОШ № 1", parent: "Славянский район" }, parts: [] })
        .content,
    );
    expect(text).not.toContain("По школам");
    expect(text).toContain("Образовательная организация: МБОУ СОШ № 1 (Славянский район)");
  });
});

describe("file names", () => {
  it("are Russian, readable, and safe for any file system", () => {
    expect(reportFileName(["Аудит", "Славянский район", "2022-12-06"], "pdf")).toBe("Аудит — Славянский район — 2022-12-06.pdf");
    expect(reportFileName(["Учёт ДОТ", 'МБОУ "СОШ" № 1', "2022/2023"], "pdf")).toBe("Учёт ДОТ — МБОУ -СОШ- № 1 — 2022-2023.pdf");
    expect(reportFileName(["План", "../../etc/passwd"], "pdf")).toBe("План — ..-..-etc-passwd.pdf");
    expect(reportFileName(["Аудит", "x".repeat(300)], "pdf").endsWith(".pdf")).toBe(true);
    expect(reportFileName(["Аудит", "x".repeat(300)], "docx").endsWith(".docx")).toBe(true);
    expect(reportFileName(["Итоги аудита", "Кампания 2022"], "docx")).toBe("Итоги аудита — Кампания 2022.docx");
  });
});

describe("rendering", () => {
  it("makes a valid PDF of every report with the shipped fonts", async () => {
    for (const definition of [
      auditReportDefinition(audit()),
      campaignReportDefinition(campaign()),
      roadmapReportDefinition({ ...BASE, title: roadmapTitle("2020/2021"), owner: "город Краснодар", records: await seedRecords() }),
      recordsReportDefinition(records()),
    ]) {
      const bytes = await renderPdf(definition);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(bytes.toString("latin1")).toContain("LiberationSans");
      expect(countPdfPages(bytes)).toBeGreaterThanOrEqual(1);
    }
  });

  it("never reads a local file or a URL a document names", async () => {
    const withImage = (image: string): TDocumentDefinitions => ({ ...recordsReportDefinition(records()), content: [{ image }] });
    await expect(renderPdf(withImage("/etc/passwd"))).rejects.toThrow(/denied/);
    await expect(renderPdf(withImage("lib/domain/reports/fonts/LiberationSans-Regular.ttf"))).rejects.toThrow(/denied/);
    await expect(renderPdf({ ...withImage("logo"), images: { logo: "http://127.0.0.1:9/logo.png" } })).rejects.toThrow(/denied/);
  });
});
