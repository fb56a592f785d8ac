import type { ImportAction, TImportCounts, TImportNotice, TImportProblem, TImportResult } from "@/lib/schemas/import";

/** What the reader told about the file: notices for the preview, and the sheets to choose from when it asks. */
export interface FileReport {
  notices?: TImportNotice[];
  sheets?: string[];
}

/** The answer to a file refused for its problems: nothing written, nothing counted. */
export function refusedRecords(dryRun: boolean, errors: TImportProblem[], report: FileReport = {}) {
  return {
    dryRun,
    created: 0,
    updated: 0,
    unchanged: 0,
    rows: [],
    errors,
    notices: report.notices ?? [],
    sheets: report.sheets ?? [],
  } satisfies TImportResult & TImportCounts;
}

/** The answer to a file imported (or, with `dryRun`, previewed): its rows, counted by what each does. */
export function countedRecords<Row extends { row: number; action: ImportAction }>(
  dryRun: boolean,
  rows: Row[],
  notices: TImportNotice[] = [],
) {
  const count = (action: ImportAction) => rows.filter((r) => r.action === action).length;
  return {
    dryRun,
    created: count("create"),
    updated: count("update"),
    unchanged: count("unchanged"),
    rows,
    errors: [],
    notices,
    sheets: [],
  } satisfies TImportResult & TImportCounts;
}
