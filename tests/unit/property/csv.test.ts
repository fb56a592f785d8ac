import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvError, detectSeparator, parseCsv, readCsv, type CsvSeparator } from "@/lib/domain/directory/csv";
import { readRoadmapFile } from "@/lib/domain/plans/roadmap-file";
import { readSchoolFile } from "@/lib/domain/directory/school-file";
import { CYRILLIC, SEED } from "./property-config";

/**
 * The CSV reader every table import shares: the same records as before it was
 * made linear, whatever the text; a refusal in Russian; and no quadratic time on
 * a long unquoted field full of quotes (a JSON text uploaded as a table: minutes).
 */

/** parseCsv as it was, trimming the field at every quote: the reference the linear one must agree with. */
function referenceParseCsv(text: string, separator: CsvSeparator): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let started = false;
  let quoteOpenedAt = 0;
  const endField = () => {
    record.push(field);
    field = "";
    started = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (c === '"' && field.trim() === "") {
      field = "";
      quoted = true;
      started = true;
      quoteOpenedAt = records.length + 1;
    } else if (c === separator) endField();
    else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else {
      field += c;
      started = true;
    }
  }
  if (quoted) throw new CsvError(quoteOpenedAt, "не закрыта");
  if (started || record.length > 0) endRecord();
  return records;
}

const outcome = (parse: () => string[][]) => {
  try {
    return { records: parse() };
  } catch (error) {
    if (error instanceof CsvError) return { row: error.row };
    throw error;
  }
};

describe("CSV reader", () => {
  it("reads every text as the reference does", () => {
    const text = fc.string({
      unit: fc.constantFrom('"', ";", ",", "\t", " ", "\u00a0", "\u2028", "\r", "\n", "a", "«", "="),
      maxLength: 40,
    });
    fc.assert(
      fc.property(text, fc.constantFrom<CsvSeparator>(";", ",", "\t"), (csv, separator) => {
        expect(outcome(() => parseCsv(csv, separator))).toEqual(outcome(() => referenceParseCsv(csv, separator)));
      }),
      { seed: SEED, numRuns: 3_000 },
    );
  });

  it("never throws on bytes, and refuses in Russian", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        const read = readCsv(bytes);
        if ("error" in read) expect(read.error).toMatch(CYRILLIC);
        detectSeparator(Buffer.from(bytes).toString("latin1"));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("takes linear time on 300 KB of quotes inside unquoted fields", async () => {
    // The quadratic reader took minutes on these; the linear one well under a second.
    for (const text of ['{"a":['.repeat(50_000), `x${'"'.repeat(300_000)}`, `${" ".repeat(150_000)}"${"a".repeat(150_000)}`]) {
      const started = performance.now();
      try {
        parseCsv(text, ";");
      } catch (error) {
        expect(error).toBeInstanceOf(CsvError);
      }
      readCsv(Buffer.from(text));
      const school = await readSchoolFile(Buffer.from(text));
      for (const p of school.problems) expect(p.message).toMatch(CYRILLIC);
      const roadmap = await readRoadmapFile(Buffer.from(text), "отчет.csv");
      for (const p of roadmap.problems) expect(p.message).toMatch(CYRILLIC);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  }, 60_000);
});
