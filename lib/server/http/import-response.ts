import type { TImportResult } from "@/lib/schemas/import";

/** `dryRun` as a query or form value: "1" or "true" asks only for a preview. */
export const isDryRun = (value: string | null | undefined) => ["1", "true"].includes((value ?? "").trim().toLowerCase());

/**
 * A table import's answer (lib/schemas/import): 422 when the file is refused for its
 * problems, each by row and column, and nothing was written; 200 otherwise.
 */
export function importResponse(result: TImportResult): Response {
  return Response.json(result, { status: result.errors.length ? 422 : 200 });
}
