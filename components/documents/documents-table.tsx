"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/dates";
import type { Page } from "@/lib/paging";
import { DOCUMENT_TYPES } from "@/lib/schemas/document";
import type { DocumentRow } from "@/lib/server/documents/list-documents";

const columns: DataTableColumn<DocumentRow>[] = [
  {
    id: "type",
    header: "Документ",
    accessorKey: "type",
    cell: ({ row }) => (
      <Link href={`/documents/${row.original.id}`} className="text-primary hover:underline">
        {row.original.type.charAt(0).toUpperCase() + row.original.type.slice(1)} {row.original.issuer ?? ""}
      </Link>
    ),
  },
  { id: "date", header: "Дата", accessorKey: "date", cell: ({ row }) => formatDate(row.original.date) },
  { id: "number", header: "Номер", accessorKey: "number" },
  { id: "title", header: "Наименование", accessorKey: "title", enableSorting: false },
  { id: "owner", header: "Чей", accessorKey: "owner", enableSorting: false },
  {
    id: "status",
    header: "Статус",
    enableSorting: false,
    cell: ({ row }) => <Badge>{row.original.status === "IN_FORCE" ? "действует" : "заменён"}</Badge>,
  },
];

export function DocumentsTable(props: { page: Page<DocumentRow>; sort: string; dir: "asc" | "desc"; q: string; type?: string }) {
  return (
    <DataTable
      caption="Реестр документов"
      columns={columns}
      rows={props.page.rows}
      total={props.page.total}
      page={props.page.page}
      pageSize={props.page.pageSize}
      sort={props.sort}
      dir={props.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.q} label="Номер, наименование или издатель">
          <FilterSelect name="type" label="Вид" value={props.type} allLabel="Все виды" className="w-48" options={DOCUMENT_TYPES.map((t) => ({ value: t, label: t }))} />
        </SearchFilter>
      }
    />
  );
}
