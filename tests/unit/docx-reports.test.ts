import { Packer } from "docx";
import { PNG } from "pngjs";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { describe, expect, it } from "vitest";
import { docxDocument } from "@/lib/domain/reports/docx/document";
import { fitWords } from "@/lib/domain/reports/docx/fit-words";
import { wordSize } from "@/lib/domain/reports/docx/style";
import { roadmapTitle } from "@/lib/domain/plans/roadmap-table";
import { auditReportDefinition } from "@/lib/domain/reports/pdf/audit-report";
import { campaignReportDefinition } from "@/lib/domain/reports/pdf/campaign-report";
import { dataTable, reportDocument, th } from "@/lib/domain/reports/pdf/frame";
import { roadmapReportDefinition } from "@/lib/domain/reports/pdf/roadmap-report";
import { signatureBlock } from "@/lib/domain/reports/pdf/signature";
import { renderPdf } from "@/lib/server/reports/render-pdf";
import { audit, BASE, campaign, seedRecords } from "../support/report-samples";
import { unzip } from "../support/zip";

/** A 2×1 red PNG as the logo setting keeps it. */
const LOGO = (() => {
  const png = new PNG({ width: 2, height: 1 });
  png.data.set([255, 0, 0, 255, 255, 0, 0, 255]);
  return `data:image/png;base64,${PNG.sync.write(png).toString("base64")}`;
})();

/** The parts of the DOCX made of a definition. */
async function partsOf(definition: TDocumentDefinitions): Promise<Map<string, string> & { media: Buffer[] }> {
  const parts = unzip(await Packer.toBuffer(docxDocument(definition)));
  const text = new Map([...parts].filter(([name]) => name.endsWith(".xml")).map(([name, bytes]) => [name, bytes.toString("utf8")]));
  return Object.assign(text, { media: [...parts].filter(([name]) => name.startsWith("word/media/")).map(([, bytes]) => bytes) });
}

/** A report of just this content, in the common frame. */
const report = (content: Content[], issuer = BASE.issuer) =>
  reportDocument({ issuer, date: BASE.date, title: "Проверка", subject: "Проверка DOCX", content });

const count = (xml: string | undefined, pattern: RegExp) => (xml?.match(pattern) ?? []).length;
const twips = (points: number) => Math.round(points * 20);
/** A4 portrait's text width between the frame's side margins (42 pt each), in twips. */
const PORTRAIT_TEXT = twips(595.28 - 2 * 42);

describe("the DOCX twin's tables", () => {
  const table = dataTable({
    widths: [34, "*", "*"],
    header: [[th("№"), th("Раздел"), th("Оценка")]],
    body: [
      [{ text: "1" }, { text: "Соглашения" }, { text: "50 %" }],
      [{ text: "Итого", colSpan: 2 }, {}, { text: "87,5 %" }],
      [{ text: "2", rowSpan: 2 }, { text: "Положения" }, { text: "100 %" }],
      [{}, { text: "Приказы" }, { text: "0 %" }],
    ],
    dontBreakRows: true,
  });

  it("marks the header rows to repeat on every page, and keeps each row whole when asked", async () => {
    const xml = (await partsOf(report([table]))).get("word/document.xml");
    expect(count(xml, /<w:tblHeader\/>/g)).toBe(1);
    expect(count(xml, /<w:cantSplit\/>/g)).toBeGreaterThanOrEqual(5);
    // The header's cells in the frame's header fill.
    expect(count(xml, /<w:shd [^>]*w:fill="EEEEEE"/g)).toBe(3);
  });

  it("keeps spans: two columns merged across, two rows merged down", async () => {
    const xml = (await partsOf(report([table]))).get("word/document.xml") ?? "";
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>[\s\S]*<w:vMerge w:val="continue"\/>/);
    expect(xml.indexOf("Итого")).toBeLessThan(xml.indexOf("87,5 %"));
  });

  it("takes fixed widths with their padding, and shares the rest of the line among '*' columns", async () => {
    const xml = (await partsOf(report([table]))).get("word/document.xml") ?? "";
    const grid = [...(/<w:tblGrid>(.*?)<\/w:tblGrid>/.exec(xml)?.[1] ?? "").matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    // 34 pt of text and 3 pt of padding each side.
    expect(grid[0]).toBe(twips(40));
    expect(grid[1]).toBe(grid[2]);
    expect(Math.abs(grid.reduce((a, b) => a + b, 0) - PORTRAIT_TEXT)).toBeLessThanOrEqual(2);
  });

  it("comes out the same after a PDF was made in the same process, though pdfmake rewrites shared widths in place", async () => {
    const grids = (xml: string | undefined) => [...(xml ?? "").matchAll(/<w:tblGrid>.*?<\/w:tblGrid>/g)].map((m) => m[0]);
    const before = grids((await partsOf(auditReportDefinition(audit()))).get("word/document.xml"));
    await renderPdf(auditReportDefinition(audit()));
    expect(grids((await partsOf(auditReportDefinition(audit()))).get("word/document.xml"))).toEqual(before);
  });

  it("draws the thin grey lines of the frame's layout on every cell", async () => {
    const xml = (await partsOf(report([table]))).get("word/document.xml") ?? "";
    // Half a point is 4 eighths.
    expect(xml).toMatch(/<w:top w:val="single" w:color="8C8C8C" w:sz="4"/);
    expect(xml).toMatch(/<w:left w:val="single" w:color="8C8C8C" w:sz="4"/);
  });

  it("gives a column the room its longest word needs, taken from the roomy ones", () => {
    const label = (text: string) => ({
      blocks: [
        {
          kind: "p" as const,
          runs: [{ text, size: 12, bold: false, italics: false, color: null }],
          alignment: "left" as const,
          size: 12,
          before: 0,
          after: 0,
          left: 0,
          right: 0,
        },
      ],
      colSpan: 1,
      rowSpan: 1,
      fill: null,
      borders: { top: null, bottom: null, left: null, right: null },
      padding: { left: 0, right: 0, top: 0, bottom: 0 },
    });
    const row = {
      cells: [
        { ...label("Исполнитель:"), column: 0 },
        { ...label("подпись"), column: 1 },
      ],
      header: false,
      cantSplit: false,
    };
    const [narrow, wide] = fitWords([40, 200], [row]) as [number, number];
    expect(narrow).toBeGreaterThan(70);
    expect(narrow + wide).toBeCloseTo(240);
    expect(fitWords([100, 200], [row])).toEqual([100, 200]);
  });
});

describe("the DOCX twin's text", () => {
  it("sets Times New Roman in Russian, the body at 12 pt, the tables at 10–10.5 pt, titles at 14 pt", async () => {
    expect([9.5, 8.5, 8, 13, 11, 7, 4].map(wordSize)).toEqual([12, 10.5, 10, 14, 14, 9, 8]);
    const parts = await partsOf(campaignReportDefinition(campaign()));
    const styles = parts.get("word/styles.xml") ?? "";
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('<w:lang w:val="ru-RU"/>');
    expect(parts.get("word/document.xml")).toContain('<w:sz w:val="24"/>');
    expect(parts.get("word/document.xml")).toContain('<w:sz w:val="21"/>');
  });

  it("numbers an ol with Word's numbering, each list from 1, and bullets a ul", async () => {
    const parts = await partsOf(campaignReportDefinition(campaign()));
    const xml = parts.get("word/document.xml") ?? "";
    const lists = new Set([...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]));
    // The tasks (ul), the audited and the non-submitters (two ol): three lists.
    expect(lists.size).toBe(3);
    const numbering = parts.get("word/numbering.xml") ?? "";
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
    expect(numbering).toContain('<w:lvlText w:val="%1."/>');
    expect(numbering).toContain('<w:lvlText w:val="•"/>');
  });

  it("keeps a section heading with what follows it, as a level of the document's outline", async () => {
    const xml = (await partsOf(campaignReportDefinition(campaign()))).get("word/document.xml") ?? "";
    const heading = /<w:p>(?:(?!<\/w:p>).)*ТИПИЧНЫЕ ОШИБКИ/.exec(xml)?.[0] ?? "";
    expect(heading).toContain("<w:keepNext/>");
    expect(heading).toContain('<w:outlineLvl w:val="0"/>');
  });

  it("keeps a table's caption and its note with the table, a level under the section's heading", async () => {
    const xml = (await partsOf(campaignReportDefinition(campaign()))).get("word/document.xml") ?? "";
    const caption = /<w:p>(?:(?!<\/w:p>).)*Муниципальных координаторов/.exec(xml)?.[0] ?? "";
    const note = /<w:p>(?:(?!<\/w:p>).)*Доля — от представленных бланков/.exec(xml)?.[0] ?? "";
    expect(caption).toContain("<w:keepNext/>");
    expect(caption).toContain('<w:outlineLvl w:val="1"/>');
    expect(note).toContain("<w:keepNext/>");
    expect(note).not.toContain("<w:outlineLvl");
  });

  it("draws the signature block's lines as paragraph rules under the date, number, position, signature and name", async () => {
    const xml = (await partsOf(report([signatureBlock(BASE.signature)]))).get("word/document.xml") ?? "";
    expect(count(xml, /<w:pBdr><w:bottom w:val="single"/g)).toBe(5);
    // Kept on one page as the PDF keeps it: its two rows of columns inside one table row that may not split.
    expect(xml).toMatch(/<w:body><w:tbl>(?:(?!<\/w:tr>).)*?<w:cantSplit\/>(?:(?!<\/w:tr>).)*?<w:tbl>.*Дата:.*Исполнитель:/);
    for (const caption of ["(дата)", "(номер)", "(должность)", "(подпись)", "(фамилия, инициалы)", "Исполнитель:", "06.12.2022"]) {
      expect(xml).toContain(caption);
    }
  });

  it("underlines, strikes out and raises runs, and takes a margin given side by side", async () => {
    const xml =
      (
        await partsOf(
          report([
            {
              text: [
                "Срок: ",
                { text: "до 01.09", decoration: "underline" },
                { text: "1", sup: true },
                { text: "старое", decoration: "lineThrough" },
              ],
            },
            { text: "Раздел", marginTop: 30, pageBreak: "before" },
            { pageBreak: "after", margin: [0, 4] } as Content,
          ]),
        )
      ).get("word/document.xml") ?? "";
    expect(xml).toMatch(/<w:u w:val="single"\/>(?:(?!<\/w:r>).)*до 01\.09/);
    expect(xml).toMatch(/<w:vertAlign w:val="superscript"\/>(?:(?!<\/w:r>).)*>1</);
    expect(xml).toMatch(/<w:strike\/>(?:(?!<\/w:r>).)*старое/);
    expect(xml).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*w:before="600"(?:(?!<\/w:p>).)*Раздел/);
  });

  it("refuses pdfmake content it does not translate, rather than drop it", () => {
    expect(() => docxDocument(report([{ qr: "https://example.org" } as Content]))).toThrow(/not translated: qr/);
  });
});

describe("the DOCX twin's page", () => {
  it("is A4 in the definition's orientation and margins, a landscape roadmap too", async () => {
    const roadmap = roadmapReportDefinition({
      ...BASE,
      title: roadmapTitle("2022/2023"),
      owner: "Краснодар",
      records: await seedRecords(),
    });
    const xml = (await partsOf(roadmap)).get("word/document.xml") ?? "";
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const [left, top, right, bottom] = roadmap.pageMargins as number[];
    expect(xml).toContain(`w:top="${twips(top!)}" w:right="${twips(right!)}" w:bottom="${twips(bottom!)}" w:left="${twips(left!)}"`);
    // Every event of the seed is a row, after the header and hints rows.
    expect(count(xml, /<w:tr>/g)).toBeGreaterThanOrEqual((await seedRecords()).length + 2);
  });

  it("heads every page with the issuer, their logo and the date, and numbers pages «Стр. N из M» with Word's fields", async () => {
    const parts = await partsOf(report(["Текст"], { ...BASE.issuer, logoDataUrl: LOGO }));
    const header = parts.get("word/header1.xml") ?? "";
    expect(header).toContain(BASE.issuer.organizationName);
    expect(header).toContain("350080, г. Краснодар, ул. Сормовская, 167");
    expect(header).toContain("06.12.2022");
    expect(header).toContain("<a:blip");
    expect(parts.media.some((bytes) => bytes.equals(Buffer.from(LOGO.split(",")[1]!, "base64")))).toBe(true);
    const footer = (parts.get("word/footer1.xml") ?? "").replace(/<[^>]+>/g, " ");
    expect(footer).toMatch(/Стр\.\s+PAGE\s+.*из\s+NUMPAGES/);
  });

  it("carries the title, subject, creator «Методаудит» in the document's properties", async () => {
    const core = (await partsOf(campaignReportDefinition(campaign()))).get("docProps/core.xml") ?? "";
    expect(core).toContain("<dc:title>Результаты методического аудита: ");
    expect(core).toContain(`<dc:subject>${campaign().campaign.name}</dc:subject>`);
    expect(core).toContain("<dc:creator>Методаудит</dc:creator>");
  });

  it("paints the campaign chart's bars as pictures, three pixels to the point, as large as the bars", async () => {
    const parts = await partsOf(campaignReportDefinition(campaign()));
    const pngs = parts.media.map((bytes) => PNG.sync.read(bytes));
    // Two scored municipalities' bars and three legend squares.
    expect(pngs.length).toBe(5);
    const widest = Math.max(...pngs.map((png) => png.width));
    const bars = pngs.filter((png) => png.width === widest);
    const xml = parts.get("word/document.xml") ?? "";
    const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => Number(m[1]) / 12700);
    // Word counts 12700 EMU a point: the PNG has three pixels for each.
    expect(Math.abs(widest / Math.max(...extents) - 3)).toBeLessThan(0.05);
    // Coloured by grade from the left: Павловский's (88,9 %, partly) orange, Славянский's (50 %, not) red.
    const leftColour = (png: PNG) => [...png.data.subarray((Math.floor(png.height / 2) * png.width + 10) * 4).subarray(0, 3)];
    expect(bars.map(leftColour).sort()).toEqual([
      [0xc6, 0x28, 0x28],
      [0xe0, 0xa1, 0x00],
    ]);
  });
});
