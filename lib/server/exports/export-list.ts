import "server-only";
import { PassThrough, Readable } from "node:stream";
import { earliestLocalToday } from "@/lib/dates";
import { AppError, notFound } from "@/lib/errors";
import { exportFileName, ZExportFormat, type ExportFormat } from "@/lib/domain/exports/export-format";
import { isListExportId } from "@/lib/domain/exports/list-ids";
import { writeCsvTable } from "@/lib/domain/exports/write-csv-table";
import { writeXlsxTable } from "@/lib/domain/exports/write-xlsx-table";
import { FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import { hasAnyRole, narrowScope, type Scope } from "@/lib/scope";
import { LIST_EXPORTS } from "./list-exports";
import { logger } from "@/lib/server/observability/logger";

const MIME_TYPES: Record<ExportFormat, string> = { xlsx: FILE_KINDS.XLSX.mime, csv: "text/csv; charset=utf-8" };

/**
 * A list as the caller sees it on its page, with the filters of `query` (the page's
 * URL parameters) and every row rather than one page, as an XLSX or CSV file. The
 * file is streamed: rows are read from the database a batch at a time while the
 * reader downloads, so no export holds the whole list in memory.
 */
export async function exportList(options: {
  scope: Scope;
  list: string;
  /** The page's URL parameters: the list's own schema reads them (list-exports.ts). */
  query: Record<string, string>;
  /** `?format=`: read here, after the list and the caller's roles are known to be right. */
  format?: string;
  batchSize?: number;
}): Promise<{ stream: ReadableStream<Uint8Array>; fileName: string; mimeType: string }> {
  if (!isListExportId(options.list)) throw notFound("Такого списка нет.");
  const entry = LIST_EXPORTS[options.list];
  if (!hasAnyRole(options.scope, entry.roles)) throw new AppError("FORBIDDEN", "Недостаточно прав.");
  const format = ZExportFormat.parse(options.format);
  const scope = narrowScope(options.scope, entry.roles);
  const table = entry.table({ scope, params: options.query, batchSize: options.batchSize });
  const output = new PassThrough();
  const write = format === "csv" ? writeCsvTable : writeXlsxTable;
  // The response has started by the time a batch fails: the download breaks off rather than ends short.
  write(table, output).catch((error: unknown) => {
    logger().error({ err: error, list: options.list }, "list export failed");
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return {
    stream: Readable.toWeb(output) as ReadableStream<Uint8Array>,
    fileName: exportFileName(table.title, format, earliestLocalToday()),
    mimeType: MIME_TYPES[format],
  };
}
