/**
 * What an upload to /api/files may be: its kinds and its size. One object, read by the
 * server that refuses (app/api/files/route.ts, checkFile) and by the upload fields that
 * name it in their labels and refuse an oversized file before it is sent; the label and
 * the errors list the kinds in the same words. A fixed rule, not configuration: no env. Pure.
 */
import { ALL_FILE_KINDS, type FileKind, kindsText, MAX_FILE_BYTES } from "./detect-file-type";

export interface UploadRules {
  kinds: readonly FileKind[];
  maxBytes: number;
}

export const FILE_UPLOAD: UploadRules = { kinds: ALL_FILE_KINDS, maxBytes: MAX_FILE_BYTES };

/** A blank's attachment: a document or its scan, not a workbook (a blank's counts are typed in). */
export const BLANK_ATTACHMENT_UPLOAD: UploadRules = { kinds: ["PDF", "DOCX", "JPG", "PNG"], maxBytes: MAX_FILE_BYTES };

/** A filled Word blank loaded into a blank's answers (app/api/blanks/[id]/docx-import). */
export const BLANK_DOCX_IMPORT: UploadRules = { kinds: ["DOCX"], maxBytes: MAX_FILE_BYTES };

const EXTENSIONS: Record<FileKind, readonly string[]> = {
  PDF: [".pdf"],
  DOCX: [".docx"],
  XLSX: [".xlsx"],
  JPG: [".jpg", ".jpeg"],
  PNG: [".png"],
};

const megabytes = (bytes: number) => `${new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} МБ`;

/** «PDF, DOCX, XLSX, JPG, PNG до 20 МБ», as the labels and the errors say it */
export const rulesText = (rules: UploadRules) => `${kindsText(rules.kinds)} до ${megabytes(rules.maxBytes)}`;

/** The file input's `accept`: the browser's picker offers these kinds first. */
export const acceptOf = (rules: UploadRules) => rules.kinds.flatMap((kind) => EXTENSIONS[kind]).join(",");

/**
 * Why the browser need not send this file (empty, too large); null to send it. Its kind
 * is left to the server, which reads the content: a name proves nothing either way.
 */
export function uploadProblem(file: { name: string; size: number }, rules: UploadRules): string | null {
  if (file.size === 0) return `Файл «${file.name}» пустой.`;
  if (file.size > rules.maxBytes)
    return `Файл «${file.name}» весит ${megabytes(file.size)}, а можно не больше ${megabytes(rules.maxBytes)}. Допустимы файлы ${rulesText(rules)}.`;
  return null;
}
