import { PARSE_LIMITS, parseWorkbook, WORKBOOK_TOO_HEAVY, WORKBOOK_TOO_SLOW, type ParseLimits } from "./parse-workbook";
import type { WorkbookData } from "./workbook-data";
import { checkXlsx, ZIP_DAMAGED, type SheetLimits, type ZipLimits } from "./zip-guard";

/** An imported workbook of at most 5 MB unpacks to a few megabytes; 50 MB leaves room for any real one. */
export const IMPORT_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxTotalBytes: 50 * 1024 * 1024 };

export const NOT_A_WORKBOOK = "Файл не читается как книга Excel (.xlsx).";

const REFUSALS = { unreadable: NOT_A_WORKBOOK, heavy: WORKBOOK_TOO_HEAVY, slow: WORKBOOK_TOO_SLOW } as const;

/**
 * An uploaded XLSX workbook as plain data (lib/domain/files/workbook-data.ts), after
 * lib/domain/files/zip-guard.ts has found it safe to inflate and load, parsed by exceljs
 * in a bounded worker thread (lib/domain/files/parse-workbook.ts); otherwise the Russian
 * reason it is refused. Every reader of imported workbooks goes through here.
 * Throws AppError RATE_LIMITED while the server is busy parsing other files.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  options: { sheetLimits?: SheetLimits; parseLimits?: ParseLimits } = {},
): Promise<{ ok: true; workbook: WorkbookData } | { ok: false; message: string }> {
  const guard = await checkXlsx(bytes, { limits: IMPORT_ZIP_LIMITS, sheetLimits: options.sheetLimits });
  // A damaged archive is said the way a workbook exceljs cannot read is; bombs and limits say what they are.
  if (!guard.ok) return { ok: false, message: guard.message === ZIP_DAMAGED ? NOT_A_WORKBOOK : guard.message };
  const parsed = await parseWorkbook(bytes, options.parseLimits ?? PARSE_LIMITS);
  return parsed.ok ? parsed : { ok: false, message: REFUSALS[parsed.reason] };
}
