"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { SearchFilter } from "@/components/data-table/search-filter";
import { formatDate } from "@/lib/dates";
import { CAMPAIGN_COLUMNS as C, CAMPAIGNS_CAPTION } from "@/lib/domain/exports/lists/campaigns";
import type { Page } from "@/lib/paging";
import type { TCampaignListQuery } from "@/lib/schemas/campaign";
import type { CampaignRow } from "@/lib/server/campaigns/list-campaigns";

const columns: DataTableColumn<CampaignRow>[] = [
  {
    id: "name",
    header: C.name.header,
    accessorKey: "name",
    cell: ({ row }) => (
      <Link href={`/campaigns/${row.original.id}`} className="text-primary hover:underline">
        {row.original.name}
      </Link>
    ),
  },
  { id: "date", header: C.date.header, accessorKey: "date", cell: ({ row }) => formatDate(row.original.date) },
  { id: "deadline", header: C.deadline.header, accessorKey: "deadline", cell: ({ row }) => formatDate(row.original.deadline) },
  {
    id: "progress",
    header: C.progress.header,
    enableSorting: false,
    cell: ({ row }) => C.progress.value(row.original),
  },
];

export function CampaignsTable(props: { page: Page<CampaignRow>; query: TCampaignListQuery }) {
  return (
    <DataTable
      caption={CAMPAIGNS_CAPTION}
      exportList="campaigns"
      columns={columns}
      page={props.page}
      sort={props.query.sort}
      dir={props.query.dir}
      getRowId={(row) => row.id}
      filters={<SearchFilter q={props.query.q} label="Название кампании" />}
    />
  );
}
