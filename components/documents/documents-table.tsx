"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/dates";
import type { Page } from "@/lib/paging";
import { DOCUMENT_COLUMNS as C, DOCUMENTS_CAPTION } from "@/lib/domain/exports/lists/documents";
import { DOCUMENT_TYPES, type TDocumentListQuery } from "@/lib/schemas/document";
import type { DocumentRow } from "@/lib/server/documents/list-documents";

const columns: DataTableColumn<DocumentRow>[] = [
  {
    id: "type",
    header: C.type.header,
    accessorKey: "type",
    cell: ({ row }) => (
      <Link href={`/documents/${row.original.id}`} className="text-primary hover:underline">
        {C.type.value(row.original)}
      </Link>
    ),
  },
  { id: "date", header: C.date.header, accessorKey: "date", cell: ({ row }) => formatDate(row.original.date) },
  { id: "number", header: C.number.header, accessorKey: "number" },
  {
    id: "title",
    header: C.title.header,
    accessorKey: "title",
    enableSorting: false,
    cell: ({ row }) => (
      <>
        {row.original.title}
        {row.original.childData && <Badge className="ml-2">о ребёнке</Badge>}
      </>
    ),
  },
  { id: "owner", header: C.owner.header, accessorKey: "owner", enableSorting: false },
  {
    id: "status",
    header: C.status.header,
    enableSorting: false,
    cell: ({ row }) => <Badge>{C.status.value(row.original)}</Badge>,
  },
];

export function DocumentsTable(props: { page: Page<DocumentRow>; query: TDocumentListQuery }) {
  return (
    <DataTable
      caption={DOCUMENTS_CAPTION}
      exportList="documents"
      columns={columns}
      page={props.page}
      sort={props.query.sort}
      dir={props.query.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.query.q} label="Номер, наименование или издатель">
          <FilterSelect
            name="type"
            label="Вид"
            value={props.query.type}
            allLabel="Все виды"
            className="w-48"
            options={DOCUMENT_TYPES.map((t) => ({ value: t, label: t }))}
          />
        </SearchFilter>
      }
    />
  );
}
