import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { FONT_FAMILY, FONT_FILES } from "@/lib/domain/reports/pdf/frame";

/**
 * The shipped fonts, by the working directory: the app always runs from its root
 * (npm scripts, the Next workers of lib/server/launch), and a path built this way is
 * the same under tsx, vitest and the Next server, where `new URL(…, import.meta.url)`
 * may be rewritten to a browser asset's address.
 */
const FONTS_DIR = path.join(process.cwd(), "lib", "domain", "reports", "fonts");

/** pdfmake's in-memory file system; its typings leave it out. */
type VirtualFs = { writeFileSync(name: string, content: Buffer): void };

let ready = false;

/**
 * Once per process: the fonts go into pdfmake's in-memory file system, and every
 * other way to a resource is shut, so nothing in a document (a text, an image
 * reference) can make the renderer fetch a URL or read a local file.
 */
function setUp() {
  if (ready) return;
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const file of Object.values(FONT_FILES)) vfs.writeFileSync(file, readFileSync(path.join(FONTS_DIR, file)));
  pdfmake.setFonts({ [FONT_FAMILY]: { ...FONT_FILES } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  setUp();
  return pdfmake.createPdf(definition).getBuffer();
}

/** The pages of a PDF pdfkit wrote: it writes each page's dictionary as a plain object. */
export function countPdfPages(bytes: Buffer): number {
  return bytes.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}
