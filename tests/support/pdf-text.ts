import { execFileSync } from "node:child_process";
import { expect } from "vitest";

/** The text of a PDF file as `pdftotext -layout` lays it out, of all pages or of one. */
export function pdfText(file: string, page?: number): string {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", ["-layout", ...range, file, "-"], { encoding: "utf8" });
}

/** What `pdfinfo` says of a PDF file: «Pages», «Title», «Page size», … */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Object.fromEntries(
    out
      .split("\n")
      .filter((l) => l.includes(":"))
      .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()]),
  );
}

/** Each needle found after the previous one. */
export function expectInOrder(text: string, needles: Array<string | RegExp>) {
  let from = 0;
  for (const needle of needles) {
    const rest = text.slice(from);
    const match =
      typeof needle === "string"
        ? { index: rest.indexOf(needle), length: needle.length }
        : (() => {
            const m = needle.exec(rest);
            return { index: m ? m.index : -1, length: m ? m[0].length : 0 };
          })();
    expect(match.index, `«${String(needle)}» after position ${from}`).toBeGreaterThanOrEqual(0);
    from += match.index + match.length;
  }
}
