/**
 * What an uploaded file really is, judged by its bytes only: the name and the
 * MIME type the browser claims are never consulted, so a renamed executable or
 * an HTML page called "отчёт.pdf" is refused.
 */
import { fileTypeFromBuffer } from "file-type/core";
import { AppError } from "@/lib/errors";

/** The kinds we accept, with the one MIME type each is stored and served with. */
export const FILE_KINDS = {
  PDF: { label: "PDF", mime: "application/pdf" },
  DOCX: { label: "DOCX", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  XLSX: { label: "XLSX", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  JPG: { label: "JPG", mime: "image/jpeg" },
  PNG: { label: "PNG", mime: "image/png" },
} as const;

export type FileKind = keyof typeof FILE_KINDS;

export const ALL_FILE_KINDS = Object.keys(FILE_KINDS) as FileKind[];

/** «PDF, DOCX, XLSX, JPG, PNG»: the kinds as upload fields' labels and the errors list them. */
export const kindsText = (kinds: readonly FileKind[]) => kinds.map((kind) => FILE_KINDS[kind].label).join(", ");

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The refusal of a file over a limit, the same wherever a limit is checked (uploads, imports). */
export const fileTooLarge = (maxBytes: number) => `Файл больше ${maxBytes / 1024 / 1024} МБ.`;

/**
 * The kind of the content, or null for anything else. DOCX and XLSX are ZIP
 * archives: file-type names them only when the archive's [Content_Types].xml
 * declares a Word or Excel main part, so a plain ZIP (or a macro-enabled
 * DOCM/XLSM, which has a MIME type of its own) is not one of them.
 */
export async function detectFileType(bytes: Uint8Array): Promise<FileKind | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected) return null;
  return ALL_FILE_KINDS.find((kind) => FILE_KINDS[kind].mime === detected.mime) ?? null;
}

/** Refuses an empty or too large file, or one whose content is not an allowed kind; returns the kind. */
export function checkFile(input: { size: number; kind: FileKind | null; allowed: readonly FileKind[] }): FileKind {
  const refuse = (message: string) => new AppError("VALIDATION", message, { file: [message] });
  if (input.size === 0) throw refuse("Файл пустой.");
  if (input.size > MAX_FILE_BYTES) throw refuse(fileTooLarge(MAX_FILE_BYTES));
  if (input.kind === null || !input.allowed.includes(input.kind)) {
    throw refuse(`Допустимы файлы ${kindsText(input.allowed)}; содержимое этого файла — не один из них.`);
  }
  return input.kind;
}

/** Word's archives by their main part: a document or a template, macro-enabled or not. */
const WORD_ARCHIVES = new Set(["docx", "docm", "dotx", "dotm"]);

/** Which of Word's archives the bytes are («docx», «docm», «dotx», «dotm»), or null for none of them. */
export async function wordArchiveOf(bytes: Uint8Array): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected !== undefined && WORD_ARCHIVES.has(detected.ext) ? detected.ext : null;
}

/**
 * Whether the bytes are a Word archive of any variant, a macro-enabled one
 * included (which detectFileType does not call DOCX): so that a .docm is refused
 * for its macros by the Word reader, not as an unreadable workbook.
 */
export async function detectWordArchive(bytes: Uint8Array): Promise<boolean> {
  return (await wordArchiveOf(bytes)) !== null;
}
