import { describe, expect, it } from "vitest";
import { entryNameKey, entryNameProblem, entryNameRefusal, entryNamesProblem } from "@/lib/domain/files/zip-entry-names";
import { checkZip, readZipDirectory } from "@/lib/domain/files/zip-guard";
import { buildZip } from "./property/hostile-samples";

describe("part names: one canonical spelling", () => {
  it("accepts the names Office and LibreOffice write", () => {
    for (const name of [
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
      "xl/",
      "word/media/image 1.png",
      "customXml/item1.xml",
      "docProps/Отчёт.xml",
    ]) {
      expect(entryNameProblem(name), name).toBeNull();
    }
  });

  it("refuses paths: a leading slash or backslash, backslashes, drive letters, '.', '..', empty segments, trailing dots, encoded slashes", () => {
    for (const name of [
      "/xl/worksheets/sheet1.xml",
      "\\xl\\worksheets\\sheet1.xml",
      "xl\\worksheets\\sheet1.xml",
      "C:/xl/worksheets/sheet1.xml",
      "c:xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet1.xml:stream",
      "./xl/worksheets/sheet1.xml",
      "xl/./worksheets/sheet1.xml",
      "xl/media/../worksheets/sheet1.xml",
      "../xl/worksheets/sheet1.xml",
      "xl//worksheets/sheet1.xml",
      "xl/worksheets//",
      "xl/worksheets/sheet1.xml.",
      "xl/worksheets/sheet1.xml ",
      "xl%2Fworksheets%2Fsheet1.xml",
      "xl/worksheets/%2e%2e/sheet1.xml",
      "",
    ]) {
      expect(entryNameProblem(name), JSON.stringify(name)).toBe("path");
    }
  });

  it("refuses control and invisible characters, and bytes that are no text", () => {
    expect(entryNameProblem("xl/worksheets/sheet1.xml\u0000.txt")).toBe("invisible");
    expect(entryNameProblem("xl/worksheets/sheet1.xml\n")).toBe("invisible");
    expect(entryNameProblem("xl/worksheets/sheet1\u200b.xml")).toBe("invisible");
    expect(entryNameProblem("xl/worksheets/\u202elmx.1teehs")).toBe("invisible");
    expect(entryNameProblem("xl/worksheets/sheet\ufffd.xml")).toBe("undecodable");
  });

  it("takes names that differ in case or Unicode normalisation for one part", () => {
    expect(entryNameKey("XL/Worksheets/Sheet1.XML")).toBe(entryNameKey("xl/worksheets/sheet1.xml"));
    expect(entryNameKey("docProps/\u0438\u0306.xml")).toBe(entryNameKey("docProps/\u0439.xml"));
    expect(entryNamesProblem(["xl/workbook.xml", "xl/worksheets/sheet1.xml"])).toBeNull();
    expect(entryNamesProblem(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"])).toBe("duplicate");
    expect(entryNamesProblem(["xl/worksheets/sheet1.xml", "XL/worksheets/SHEET1.xml"])).toBe("duplicate");
    expect(entryNamesProblem(["docProps/\u0438\u0306.xml", "docProps/\u0439.xml"])).toBe("duplicate");
  });

  it("says each refusal in Russian", () => {
    for (const problem of ["path", "invisible", "undecodable", "duplicate", "mismatch"] as const) {
      expect(entryNameRefusal(problem)).toMatch(/^Файл устроен не так, как документы Excel и Word: [а-яё]/u);
    }
  });
});

describe("part names in the archive", () => {
  const refusedWith = (bytes: Uint8Array, problem: Parameters<typeof entryNameRefusal>[0]) =>
    expect(readZipDirectory(bytes)).toEqual({ ok: false, message: entryNameRefusal(problem) });

  it("are read from the central directory and must be canonical and unique", () => {
    expect(
      readZipDirectory(
        buildZip([
          { name: "a.xml", data: "<a/>" },
          { name: "b/c.xml", data: "<c/>" },
        ]),
      ),
    ).toMatchObject({ ok: true });
    refusedWith(buildZip([{ name: "/a.xml", data: "<a/>" }]), "path");
    refusedWith(
      buildZip([
        { name: "a.xml", data: "<a/>" },
        { name: "A.XML", data: "<a/>" },
      ]),
      "duplicate",
    );
  });

  it("must be the same in each part's local header, which JSZip (under exceljs) reads", () => {
    refusedWith(buildZip([{ name: "docProps/custom.xml", localName: "xl/worksheets/sheet1.xml", data: "<a/>" }]), "mismatch");
    // The same length, one letter's case apart.
    refusedWith(buildZip([{ name: "a.xml", localName: "A.xml", data: "<a/>" }]), "mismatch");
  });

  it("may not be overridden by a Unicode Path extra field naming another part", () => {
    const zip = buildZip([{ name: "a.xml", data: "<a/>" }]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const path = Buffer.from("xl/worksheets/sheet1.xml", "utf8");
    const field = Buffer.alloc(9 + path.length);
    field.writeUInt16LE(0x7075, 0);
    field.writeUInt16LE(5 + path.length, 2);
    field.writeUInt8(1, 4);
    path.copy(field, 9);
    const nameEnd = central + 46 + "a.xml".length;
    const patched = Buffer.concat([zip.subarray(0, nameEnd), field, zip.subarray(nameEnd)]);
    patched.writeUInt16LE(field.length, central + 30);
    // The end record: the directory grew by the field.
    const end = patched.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    patched.writeUInt32LE(patched.readUInt32LE(end + 12) + field.length, end + 12);
    expect(readZipDirectory(patched)).toEqual({ ok: false, message: entryNameRefusal("mismatch") });
  });

  it("are all listed: a directory holding more records than its end record declares is refused", async () => {
    // JSZip reads records as long as their signature follows, so an undeclared second part would be loaded unseen.
    const zip = buildZip(
      [
        { name: "a.xml", data: "<a/>" },
        { name: "xl/worksheets/sheet1.xml", data: "<x/>" },
      ],
      { entryCount: 1 },
    );
    expect(readZipDirectory(zip).ok).toBe(false);
    expect((await checkZip(zip)).ok).toBe(false);
  });
});
