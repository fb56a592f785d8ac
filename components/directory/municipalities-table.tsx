"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { SearchFilter } from "@/components/data-table/search-filter";
import { MUNICIPALITIES_CAPTION, MUNICIPALITY_COLUMNS as C } from "@/lib/domain/exports/lists/municipalities";
import type { Page } from "@/lib/paging";
import type { TMunicipalityListQuery } from "@/lib/schemas/list";
import type { MunicipalityRow } from "@/lib/server/directory/list-municipalities";

/** What a row shows: the page hands over no more than this (the props travel in the RSC payload). */
export type MunicipalityTableRow = Pick<MunicipalityRow, "id" | "name" | "schools">;

const columns: DataTableColumn<MunicipalityTableRow>[] = [
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

export function MunicipalitiesTable(props: { page: Page<MunicipalityTableRow>; query: TMunicipalityListQuery }) {
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
