import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attributeOfElements,
  decodeXmlText,
  definedNameArea,
  definedNameRanges,
  highestColumn,
  mergeArea,
  rangeArea,
  readAddress,
  textOfElements,
} from "@/lib/domain/files/sheet-expansion";
import { buildZip, minimalXlsx, sheetXml } from "./hostile-samples";
import { SEED } from "./property-config";

describe("references read as exceljs reads them", () => {
  it("addresses: upper-case letters before the digits, anything else skipped until both are seen", () => {
    expect(readAddress("XFD1048576")).toEqual({ column: 16384, row: 1048576 });
    expect(readAddress("$A$1")).toEqual({ column: 1, row: 1 });
    expect(readAddress("X-F-D1048576")).toEqual({ column: 16384, row: 1048576 });
    expect(readAddress("1-0-4")).toEqual({ row: 104 });
    expect(readAddress("a1")).toEqual({ row: 1 });
    expect(readAddress("B2 C3")).toEqual({ column: 2, row: 2 });
    expect(readAddress("")).toEqual({});
  });

  it("ranges: sheet prefixes dropped, whole rows and columns counted as Excel means them", () => {
    expect(rangeArea("A1")).toBe(1);
    expect(rangeArea("L!A1:B2")).toBe(4);
    expect(rangeArea("'Лист1'!A1:XFD1048576")).toBe(16384 * 1048576);
    expect(rangeArea("A1:C3:E9")).toBe(9);
    expect(rangeArea("1:3")).toBe(3 * 16384);
    expect(rangeArea("A:C")).toBe(3 * 1048576);
    expect(rangeArea("1:3 A1")).toBe(3 * 16384 + 1);
    // A merged range is one reference to exceljs, whatever the spaces: counted both ways.
    expect(rangeArea("A1 :XFD1048576")).toBe(2);
    expect(mergeArea("A1 :XFD1048576")).toBe(16384 * 1048576);
  });

  it("defined names: split at commas outside quoted sheet names; whole rows or columns are one entry", () => {
    expect(definedNameRanges("'Лист, 1'!$A$1:$B$2,Лист2!$C$3")).toEqual(["'Лист, 1'!$A$1:$B$2", "Лист2!$C$3"]);
    expect(definedNameArea("'a,XFD1048575'!A1:XFD1048576")).toBe(16384 * 1048576);
    expect(definedNameArea("Лист1!$A$1:$B$2,Лист1!$C$3")).toBe(5);
    expect(definedNameArea("Лист1!$1:$2,Лист1!$A:$B")).toBe(2);
  });

  it("XML text: character references and the predefined entities decoded, as the parser hands text on", () => {
    expect(decodeXmlText("A1:&#88;F&#x44;1048576 &amp;&lt;&gt;&quot;&apos;&nbsp;")).toBe("A1:XFD1048576 &<>\"'&nbsp;");
  });

  it("attributes: '>' inside a quoted value, several spellings of one attribute, the element's name in text before it", () => {
    expect([...attributeOfElements('<mergeCell note=">" ref="A1:B2"/>', "mergeCell", "ref")]).toEqual(["A1:B2"]);
    expect([...attributeOfElements("<mergeCell ref='A1' ref=\"A1:XFD1\"/>", "mergeCell", "ref")]).toEqual(["A1", "A1:XFD1"]);
    expect([...attributeOfElements('<mergeCells>mergeCell<mergeCell ref="C1:C3"/></mergeCells>', "mergeCell", "ref")]).toEqual(["C1:C3"]);
    expect([...attributeOfElements('<x:mergeCell ref="A1:&#66;2"/>', "mergeCell", "ref")]).toEqual(["A1:B2"]);
  });

  it("element text: comments, CDATA and tags left out, references decoded", () => {
    const xml =
      '<definedNames><definedName name="a">L!A1:<!-- x -->&#88;FD9<![CDATA[junk]]></definedName><definedName name="b"/></definedNames>';
    expect([...textOfElements(xml, "definedName")]).toEqual(["L!A1:XFD9", ""]);
  });

  it("columns: the highest a <col> names by its min or max", () => {
    expect(highestColumn('<cols><col min="1" max="3"/><col min="900000" max="1"/></cols>')).toBe(900000);
    expect(highestColumn('<cols><col min="1" max="&#57;&#57;"/></cols>')).toBe(99);
  });
});

/* Differential: the guard never counts fewer cells than exceljs really creates. */

const CHARS = ["A", "B", "C", "D", "a", "1", "2", "3", "9", "$", ":", " ", "-", "!", "'", ","];
const reference = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 12 }).map((chars) => chars.join(""));
const escapeAttribute = (text: string) => text.replace(/&/gu, "&amp;").replace(/"/gu, "&quot;").replace(/</gu, "&lt;");

const WORKBOOK_WITH_NAME = (text: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="L" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="Имя">${escapeAttribute(text)}</definedName></definedNames></workbook>`;

async function load(bytes: Buffer): Promise<ExcelJS.Workbook | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    return workbook;
  } catch {
    return null;
  }
}

/** The cells exceljs indexed a validation for (its typings leave the model out). */
const validations = (workbook: ExcelJS.Workbook) =>
  Object.keys((workbook.worksheets[0] as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model).length;

function mergedCells(workbook: ExcelJS.Workbook): number {
  let count = 0;
  workbook.worksheets[0]?.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => void (cell.isMerged && count++)),
  );
  return count;
}

describe("the guard's count against exceljs's", () => {
  it("merged ranges, validations and defined names: never fewer cells than exceljs creates", async () => {
    await fc.assert(
      fc.asyncProperty(reference, async (text) => {
        const merged = await load(
          minimalXlsx(sheetXml([["x"]], `<mergeCells count="1"><mergeCell ref="${escapeAttribute(text)}"/></mergeCells>`)),
        );
        if (merged) expect(mergeArea(text), `merge ${text}`).toBeGreaterThanOrEqual(mergedCells(merged));
        const validated = await load(
          minimalXlsx(
            sheetXml(
              [["x"]],
              `<dataValidations count="1"><dataValidation type="list" sqref="${escapeAttribute(text)}"><formula1>"a"</formula1></dataValidation></dataValidations>`,
            ),
          ),
        );
        if (validated) expect(rangeArea(text), `validation ${text}`).toBeGreaterThanOrEqual(validations(validated));
        const named = await load(
          buildZip([
            {
              name: "[Content_Types].xml",
              data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            },
            { name: "xl/workbook.xml", data: WORKBOOK_WITH_NAME(text) },
            { name: "xl/worksheets/sheet1.xml", data: sheetXml([["x"]]) },
          ]),
        );
        if (named) {
          let indexed = 0;
          const matrix = (named.definedNames as unknown as { matrixMap: Record<string, { forEach(callback: () => void): void }> }).matrixMap
            .Имя;
          matrix?.forEach(() => void indexed++);
          expect(definedNameArea(text), `defined name ${text}`).toBeGreaterThanOrEqual(indexed);
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  }, 120_000);
});
