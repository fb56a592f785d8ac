import type { ImportAction, TImportCounts, TImportProblem, TImportResult } from "@/lib/schemas/import";

/** The answer to a file refused for its problems: nothing written, nothing counted. */
export function refusedRecords(dryRun: boolean, errors: TImportProblem[]) {
  return { dryRun, created: 0, updated: 0, unchanged: 0, rows: [], errors, notices: [] } satisfies TImportResult & TImportCounts;
}

/** The answer to a file imported (or, with `dryRun`, previewed): its rows, counted by what each does. */
export function countedRecords<Row extends { row: number; action: ImportAction }>(dryRun: boolean, rows: Row[]) {
  const count = (action: ImportAction) => rows.filter((r) => r.action === action).length;
  return {
    dryRun,
    created: count("create"),
    updated: count("update"),
    unchanged: count("unchanged"),
    rows,
    errors: [],
    notices: [],
  } satisfies TImportResult & TImportCounts;
}
