import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvLine, type CsvSeparator } from "@/lib/domain/directory/csv";
import { readSchoolFile } from "@/lib/domain/directory/school-file";
import { decodeText } from "@/lib/domain/files/decode-text";
import { readCsvText } from "@/lib/domain/files/read-csv";
import { readRoadmapFile } from "@/lib/domain/plans/roadmap-file";
import { CYRILLIC, SEED } from "./property-config";

/**
 * The CSV reader every table import shares (csv-parse behind decodeText and
 * readCsvText): every table a spreadsheet writes reads back cell for cell, in each
 * separator and encoding; any bytes get records or a refusal in Russian, never a
 * throw; and no quadratic time on a long field full of quotes (a JSON text uploaded
 * as a table: minutes for the hand-written reader it replaced).
 */

const HEADER = ["Первый", "Второй", "Третий"];
const isHeader = (cells: readonly string[]) => cells.join("|") === HEADER.join("|");

/** Cells of the characters that make CSV hard: quotes, separators, line breaks, spaces, formula starts. */
const cell = fc.string({
  unit: fc.constantFrom('"', ";", ",", "\t", " ", "\u00a0", "\u2028", "\r", "\n", "a", "«", "=", "Ж"),
  maxLength: 12,
});
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 });

const ENCODINGS: Record<string, (text: string) => Uint8Array | null> = {
  "UTF-8 with a byte order mark": (text) => Buffer.from(`${CSV_BOM}${text}`, "utf8"),
  "UTF-8": (text) => Buffer.from(text, "utf8"),
  "UTF-16 LE": (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]),
  "UTF-16 BE": (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf16be")]),
  // Windows-1251 has no «\u2028»; every other character of the tables it has.
  "Windows-1251": (text) => (text.includes("\u2028") ? null : iconv.encode(text, "win1251")),
};

describe("CSV reader", () => {
  it("reads back every table written in each separator and encoding, cell for cell", () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom<CsvSeparator>(";", ",", "\t"),
        fc.constantFrom(...Object.keys(ENCODINGS)),
        (rows, separator, encoding) => {
          const bytes = ENCODINGS[encoding]!([HEADER, ...rows].map((row) => csvLine(row, separator)).join(""));
          if (bytes === null) return;
          const text = decodeText(bytes);
          expect(text).toMatchObject({ ok: true });
          if (!text.ok) return;
          // Valid UTF-8 is read as UTF-8 first; the byte order marks name their encoding.
          if (encoding.startsWith("UTF-16")) expect(text.encoding).toBe(encoding);
          const read = readCsvText(text.text, isHeader);
          expect(read).toMatchObject({ ok: true, separator });
          if (read.ok) expect(read.records).toEqual([HEADER, ...rows]);
        },
      ),
      { seed: SEED, numRuns: 1_500 },
    );
  });

  it("never throws on bytes, and refuses in Russian", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        const text = decodeText(bytes);
        if (!text.ok) return;
        const read = readCsvText(text.text, isHeader);
        if (!read.ok) expect(read.message).toMatch(CYRILLIC);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("never throws on text, and refuses in Russian", () => {
    const text = fc.string({ unit: fc.constantFrom('"', ";", ",", "\t", " ", "\r", "\n", "a", "«", "="), maxLength: 40 });
    fc.assert(
      fc.property(text, (csv) => {
        const read = readCsvText(csv, isHeader);
        if (!read.ok) expect(read.message).toMatch(CYRILLIC);
      }),
      { seed: SEED, numRuns: 3_000 },
    );
  });

  it("takes linear time on 300 KB of quotes inside unquoted fields", async () => {
    // The quadratic reader took minutes on these; csv-parse well under a second.
    for (const text of ['{"a":['.repeat(50_000), `x${'"'.repeat(300_000)}`, `${" ".repeat(150_000)}"${"a".repeat(150_000)}`]) {
      const started = performance.now();
      const read = readCsvText(text);
      if (!read.ok) expect(read.message).toMatch(CYRILLIC);
      const school = await readSchoolFile(Buffer.from(text));
      if (!school.ok) for (const p of school.problems) expect(p.message).toMatch(CYRILLIC);
      const roadmap = await readRoadmapFile(Buffer.from(text), "отчет.csv");
      for (const p of roadmap.problems) expect(p.message).toMatch(CYRILLIC);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  }, 60_000);
});
