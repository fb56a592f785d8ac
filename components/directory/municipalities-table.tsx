"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { SearchFilter } from "@/components/data-table/search-filter";
import { MUNICIPALITIES_CAPTION, MUNICIPALITY_COLUMNS as C } from "@/lib/domain/exports/lists/municipalities";
import type { Page } from "@/lib/paging";
import type { TMunicipalityListQuery } from "@/lib/schemas/list";
import type { MunicipalityRow } from "@/lib/server/directory/list-municipalities";

const columns: DataTableColumn<MunicipalityRow>[] = [
  {
    id: "name",
    header: C.name.header,
    accessorKey: "name",
    cell: ({ row }) => (
      <Link href={`/municipalities/${row.original.id}`} className="text-primary hover:underline">
        {row.original.name}
      </Link>
    ),
  },
  { id: "schools", header: C.schools.header, accessorKey: "schools" },
];

export function MunicipalitiesTable(props: { page: Page<MunicipalityRow>; query: TMunicipalityListQuery }) {
  return (
    <DataTable
      caption={MUNICIPALITIES_CAPTION}
      exportList="municipalities"
      columns={columns}
      page={props.page}
      sort={props.query.sort}
      dir={props.query.dir}
      getRowId={(row) => row.id}
      filters={<SearchFilter q={props.query.q} label="Поиск по названию" />}
    />
  );
}
