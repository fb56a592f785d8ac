"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { SearchFilter } from "@/components/data-table/search-filter";
import { formatDate } from "@/lib/dates";
import type { Page } from "@/lib/paging";
import type { CampaignRow } from "@/lib/server/campaigns/list-campaigns";

const columns: DataTableColumn<CampaignRow>[] = [
  {
    id: "name",
    header: "Кампания",
    accessorKey: "name",
    cell: ({ row }) => (
      <Link href={`/campaigns/${row.original.id}`} className="text-primary hover:underline">
        {row.original.name}
      </Link>
    ),
  },
  { id: "date", header: "Дата", accessorKey: "date", cell: ({ row }) => formatDate(row.original.date) },
  { id: "deadline", header: "Срок сдачи", accessorKey: "deadline", cell: ({ row }) => formatDate(row.original.deadline) },
  {
    id: "progress",
    header: "Сдано / принято / всего",
    enableSorting: false,
    cell: ({ row }) => `${row.original.submitted} / ${row.original.accepted} / ${row.original.blanks}`,
  },
];

export function CampaignsTable(props: { page: Page<CampaignRow>; sort: string; dir: "asc" | "desc"; q: string }) {
  return (
    <DataTable
      caption="Кампании"
      columns={columns}
      rows={props.page.rows}
      total={props.page.total}
      page={props.page.page}
      pageSize={props.page.pageSize}
      sort={props.sort}
      dir={props.dir}
      getRowId={(row) => row.id}
      filters={<SearchFilter q={props.q} label="Название кампании" />}
    />
  );
}
