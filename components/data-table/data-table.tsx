"use client";

import {
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { ListExportId } from "@/lib/domain/exports/list-ids";
import { pageCount, type Page } from "@/lib/paging";
import { ExportLinks } from "./export-links";

export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
export type DataTableColumn<T extends RowData> = ColumnDef<typeof dataTableFeatures, T>;

export interface DataTableProps<T extends RowData> {
  /** An accessible name for the table ("Пользователи региона"). */
  caption: string;
  columns: DataTableColumn<T>[];
  /** The page on screen, as the list's operation returned it. */
  page: Page<T>;
  sort: string;
  dir: "asc" | "desc";
  /** Filters rendered above the table (a GET form of the same page). */
  filters?: ReactNode;
  getRowId: (row: T) => string;
  /** Offers the whole list, filtered as now, as XLSX and CSV (/api/exports/<id>). */
  exportList?: ListExportId;
}

/** On a narrow screen the table scrolls sideways under its first column, which names the row. */
const STICKY_FIRST = "first:sticky first:left-0 first:z-[1] first:shadow-[1px_0_0_var(--color-border)]";

/**
 * The rows' cells, styled once on their tbody rather than on each of a page's cells (its
 * HTML repeated them a hundred times), the first one sticky as STICKY_FIRST.
 */
const ROWS = [
  "[&>tr]:border-t [&>tr]:border-border [&_td]:px-3 [&_td]:py-2 [&_td]:align-top [&_td]:bg-background",
  "[&_td:first-child]:sticky [&_td:first-child]:left-0 [&_td:first-child]:z-[1] [&_td:first-child]:shadow-[1px_0_0_var(--color-border)]",
].join(" ");

const apply = <S,>(updater: Updater<S>, old: S): S => (typeof updater === "function" ? (updater as (old: S) => S)(old) : updater);

/**
 * The one table of the app: paging, sorting and filtering happen on the server;
 * the state lives in the URL (?page=&sort=&dir=&…), so it survives reloads and links.
 */
export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { rows, total, page, pageSize } = props.page;
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const captionId = useId();

  const navigate = (changes: Record<string, string>) => {
    const params = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) params.set(key, value);
    startTransition(() => router.push(`${pathname}?${params.toString()}`));
  };

  const sorting: SortingState = [{ id: props.sort, desc: props.dir === "desc" }];
  const pagination: PaginationState = { pageIndex: page - 1, pageSize };

  const table = useTable({
    features: dataTableFeatures,
    columns: props.columns,
    data: rows,
    getRowId: props.getRowId,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    state: { sorting, pagination },
    onSortingChange: (updater) => {
      const next = apply(updater, sorting)[0];
      navigate({ sort: next?.id ?? props.sort, dir: next?.desc ? "desc" : "asc", page: "1" });
    },
    onPaginationChange: (updater) => {
      const next = apply(updater, pagination);
      navigate({ page: String(next.pageIndex + 1), pageSize: String(next.pageSize) });
    },
  });

  const pages = pageCount(props.page);
  return (
    <div className="space-y-3">
      {(props.filters || props.exportList) && (
        <div className="flex flex-wrap items-end justify-between gap-3 print:hidden">
          {props.filters}
          {props.exportList && <ExportLinks list={props.exportList} caption={props.caption} />}
        </div>
      )}
      <ScrollRegion labelledBy={captionId} className={cn("overflow-x-auto", pending && "opacity-60")}>
        <table className="w-full text-sm" aria-busy={pending}>
          <caption id={captionId} className="sr-only">
            {props.caption}
          </caption>
          <thead className="bg-muted">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={cn("px-3 py-2 text-left font-semibold", STICKY_FIRST, "bg-muted")}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          className="inline-flex items-center gap-1 hover:underline focus-visible:outline-2"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className={rows.length ? ROWS : undefined}>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={props.columns.length} className="px-3 py-6 text-center text-muted-foreground">
                  Ничего не найдено.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </ScrollRegion>
      <nav className="flex flex-wrap items-center justify-between gap-4 text-sm print:hidden" aria-label="Страницы">
        <p>
          Всего: {total}. Страница {page} из {pages}
        </p>
        <div className="flex gap-2">
          <Button variant="outline" size="sm" onClick={() => table.previousPage()} disabled={page <= 1}>
            Назад
          </Button>
          <Button variant="outline" size="sm" onClick={() => table.nextPage()} disabled={page >= pages}>
            Вперёд
          </Button>
        </div>
      </nav>
    </div>
  );
}
