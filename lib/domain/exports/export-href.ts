import type { ExportFormat } from "./export-format";
import type { ListExportId } from "./list-ids";

/** Parameters that choose a page of the list, not its rows: an export has them all. */
const NOT_FILTERS = ["page", "pageSize", "format"];

/** The download of a list with the page's own search, filters and sort: `/api/exports/<list>?format=…&…`. Pure. */
export function exportHref(list: ListExportId, pageParams: string, format: ExportFormat): string {
  const params = new URLSearchParams(pageParams);
  for (const key of NOT_FILTERS) params.delete(key);
  return `/api/exports/${list}?${new URLSearchParams([["format", format], ...params]).toString()}`;
}
