/**
 * A DOCX as an office suite shows it: LibreOffice (another tool than the one
 * that wrote it) converts it to PDF, poppler reads the PDF back — its text as
 * laid out, its page count — and page 1 is kept as a PNG in
 * test-results/docx/<name>.png to look at, and attached to the running test's
 * report (context.annotate: the JSON report names it, its file is copied to
 * test-results/attachments). Each call has its own LibreOffice profile, so test
 * files converting at once do not wait on one another's lock.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, type TestContext } from "vitest";
import { pdfInfo } from "./pdf-text";

export interface OfficeRendering {
  /** The PDF LibreOffice made. */
  pdf: Buffer;
  /** `pdftotext -layout` of every page, in order. */
  pages: string[];
  /** All pages' text. */
  text: string;
  /** pdfinfo's fields: «Title», «Page size», … */
  info: Record<string, string>;
  /** Page 1 as a PNG, at 60 dpi. */
  png: string;
}

const PNG_DIR = path.join(process.cwd(), "test-results", "docx");

/** The running test's annotate: set before each test of a file that imports this module. */
let annotateRunning: TestContext["annotate"] | null = null;
beforeEach((context) => {
  annotateRunning = context.annotate;
});

export function officeToPdf(docx: Uint8Array, name: string): OfficeRendering {
  const dir = mkdtempSync(path.join(os.tmpdir(), "metodaudit-office-"));
  try {
    const input = path.join(dir, `${name}.docx`);
    writeFileSync(input, docx);
    execFileSync(
      "soffice",
      ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, input],
      { timeout: 120_000, stdio: "ignore" },
    );
    const pdf = path.join(dir, `${name}.pdf`);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    mkdirSync(PNG_DIR, { recursive: true });
    const png = path.join(PNG_DIR, name);
    execFileSync("pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, png]);
    // Vitest awaits the annotation before the test ends.
    void annotateRunning?.(`page 1 of ${name}.docx as LibreOffice renders it`, { path: `${png}.png`, contentType: "image/png" });
    // pdftotext ends every page with a form feed.
    return { pdf: readFileSync(pdf), pages: text.split("\f").slice(0, -1), text, info: pdfInfo(pdf), png: `${png}.png` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
