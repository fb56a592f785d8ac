import "server-only";
import { buffer } from "node:stream/consumers";
import { AppError } from "@/lib/errors";
import { type DocxImportPreview, previewDocxImport } from "@/lib/domain/blanks/docx-import/preview";
import { readDocx } from "@/lib/domain/files/read-docx";
import type { Scope } from "@/lib/scope";
import { ZBlankAnswer } from "@/lib/schemas/blank";
import { getFile } from "@/lib/server/files/get-file";
import type { FileOwner } from "@/lib/server/files/store-file";
import { FILLABLE_STATUSES, importerWhere } from "./blank-access";
import { loadBlankFor } from "./internal/load-blank-for";

export const NOT_FILLABLE_MESSAGE = "Бланк отправлен на проверку или принят: загрузить ответы из Word нельзя.";

const refused = (message: string) => new AppError("VALIDATION", message, { file: [message] });

type Source = { bytes: Uint8Array } | { fileId: string };

/** The Word file's bytes: an upload's, or a stored file's that the caller may read (by the privacy rule of its owner). */
async function sourceOf(scope: Scope, source: Source): Promise<{ bytes: Uint8Array; fileName: string | null }> {
  if ("bytes" in source) return { bytes: source.bytes, fileName: null };
  const file = await getFile({ scope, id: source.fileId });
  return { bytes: new Uint8Array(await buffer(await file.read())), fileName: file.name };
}

/**
 * What a filled Word blank would change in a blank: read in the bounded worker (readDocx), matched
 * and read item by item (lib/domain/blanks/docx-import). Nothing changes. The source is an upload's
 * bytes (the route reads them before keeping the file) or a stored file the caller may read (the
 * confirmation reads it again). Its participant, or the region's staff on their behalf, while the
 * blank can be filled in; anyone else: not found.
 */
export async function previewBlankDocx(options: {
  scope: Scope;
  blankId: string;
  source: Source;
}): Promise<{ preview: DocxImportPreview; version: number; owner: FileOwner; fileName: string | null }> {
  const { blank, content } = await loadBlankFor(options.blankId, importerWhere(options.scope));
  if (!(FILLABLE_STATUSES as readonly string[]).includes(blank.status)) throw new AppError("CONFLICT", NOT_FILLABLE_MESSAGE);
  const { bytes, fileName } = await sourceOf(options.scope, options.source);
  const read = await readDocx(bytes);
  if (!read.ok) throw refused(read.message);
  const current = new Map(blank.answers.map((a) => [a.itemKey, a.value === null ? null : ZBlankAnswer.parse(a.value)]));
  const previewed = previewDocxImport(read.document, content, current);
  if (!previewed.ok) throw refused(previewed.message);
  return {
    preview: previewed.preview,
    version: blank.version,
    owner: { regionId: blank.regionId, municipalityId: blank.municipalityId, organizationId: blank.organizationId },
    fileName,
  };
}
