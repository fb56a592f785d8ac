import { wordArchiveOf } from "./detect-file-type";
import type { DocxDocument } from "./docx-data";
import { oleKind } from "./ole-file";
import { PARSE_LIMITS, parseDocxXml, type ParseLimits } from "./parse-workbook";
import { IMPORT_ZIP_LIMITS } from "./read-workbook";
import { checkDocx, NOT_A_DOCX, ZIP_DAMAGED } from "./zip-guard";
import { entryNameKey } from "./zip-entry-names";

/**
 * The body of a Word document of 20 MB (the largest upload) is a few megabytes of
 * XML; a filled blank's, a few hundred kilobytes. 20 MB of it leaves room for any
 * real one, and far less than the memory its parse may take.
 */
export const MAX_DOCX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export const DOCX_WITH_MACROS = "Файл с макросами (.docm) не принимается: сохраните документ как .docx без макросов.";
export const DOCX_ENCRYPTED = "Файл защищён паролем: снимите пароль и загрузите снова.";
export const LEGACY_DOC = "Формат .doc не поддерживается: сохраните документ как .docx.";
export const OLE_NOT_WORD = "Это файл старого формата Office (Excel 97–2003 или другой), а не документ Word (.docx).";
export const DOCX_TOO_HEAVY =
  "Документ слишком велик или сложен: его разбор не уложился в отведённую память. Удалите из него лишнее (рисунки, вложенные таблицы) или разделите его на части и загрузите снова.";
export const DOCX_TOO_SLOW =
  "Документ разбирается слишком долго, и разбор остановлен. Удалите из него лишнее или разделите его на части и загрузите снова.";

const REFUSALS = { unreadable: NOT_A_DOCX, heavy: DOCX_TOO_HEAVY, slow: DOCX_TOO_SLOW } as const;

const OLE_REFUSALS = { encrypted: DOCX_ENCRYPTED, doc: LEGACY_DOC, other: OLE_NOT_WORD } as const;

/** The main part's content type a Word document declares; a template (.dotx) reads the same. */
const WORD_MAIN = /application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.(?:document|template)\.main\+xml/u;

/**
 * Why a Word archive is refused for what it holds, or null: macros (a .docm or
 * .dotm declares a macro-enabled main part; any part named vbaProject.bin is a
 * macro project whatever the declaration), or no Word main part at all (a
 * workbook, a presentation).
 */
export function docxContentProblem(parts: { names: readonly string[]; contentTypes: string }): string | null {
  const macros =
    /macroEnabled/iu.test(parts.contentTypes) || parts.names.some((name) => entryNameKey(name).split("/").at(-1) === "vbaproject.bin");
  if (macros) return DOCX_WITH_MACROS;
  if (!WORD_MAIN.test(parts.contentTypes)) return NOT_A_DOCX;
  return null;
}

/**
 * Why a file that is not a DOCX still looks like a Word file, or null: a
 * password-protected or legacy .doc file, or a macro-enabled archive (.docm, .dotm).
 * The uploads that take a DOCX (a blank's attachment) say this rather than «not an
 * allowed kind», which would leave the person wondering why their Word file is not one.
 */
export async function wordLookalikeProblem(bytes: Uint8Array): Promise<string | null> {
  const ole = oleKind(bytes);
  if (ole === "encrypted" || ole === "doc") return OLE_REFUSALS[ole];
  const archive = await wordArchiveOf(bytes);
  return archive === "docm" || archive === "dotm" ? DOCX_WITH_MACROS : null;
}

/**
 * An uploaded DOCX file as plain data (lib/domain/files/docx-data.ts): refused,
 * with the Russian reason, when it is a password-protected or legacy .doc file
 * (an OLE compound file), not a ZIP archive, a zip bomb or a document over the
 * limits (lib/domain/files/zip-guard.ts checkDocx, from the archive's directory
 * before inflating), a .docm or no Word document; otherwise its body is parsed in
 * the bounded worker thread that parses workbooks (lib/domain/files/parse-workbook.ts),
 * with the same memory and time limits and slots. Every reader of uploaded Word
 * documents goes through here.
 * Throws AppError RATE_LIMITED while the server is busy parsing other files.
 */
export async function readDocx(
  bytes: Uint8Array,
  options: { maxDocumentBytes?: number; parseLimits?: ParseLimits } = {},
): Promise<{ ok: true; document: DocxDocument } | { ok: false; message: string }> {
  const ole = oleKind(bytes);
  if (ole) return { ok: false, message: OLE_REFUSALS[ole] };
  const guard = await checkDocx(bytes, {
    limits: IMPORT_ZIP_LIMITS,
    maxDocumentBytes: options.maxDocumentBytes ?? MAX_DOCX_DOCUMENT_BYTES,
  });
  if (!guard.ok) return { ok: false, message: guard.message === ZIP_DAMAGED ? NOT_A_DOCX : guard.message };
  const problem = docxContentProblem(guard.parts);
  if (problem) return { ok: false, message: problem };
  const parsed = await parseDocxXml(guard.parts.document, options.parseLimits ?? PARSE_LIMITS);
  return parsed.ok ? parsed : { ok: false, message: REFUSALS[parsed.reason] };
}
