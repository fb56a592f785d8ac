"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { MunicipalityFilter } from "@/components/data-table/municipality-filter";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { formatDate } from "@/lib/dates";
import { BLANK_COLUMNS as C, BLANKS_CAPTION } from "@/lib/domain/exports/lists/blanks";
import type { Page } from "@/lib/paging";
import { BLANK_STATUS_LABELS, BLANK_STATUSES } from "@/lib/schemas/blank";
import type { TBlankListQuery } from "@/lib/schemas/campaign";
import type { BlankRow } from "@/lib/server/blanks/list-blanks";
import { BlankStatusBadge } from "./blank-status-badge";

const columns: DataTableColumn<BlankRow>[] = [
  {
    id: "participant",
    header: C.participant.header,
    accessorKey: "participant",
    cell: ({ row }) => (
      <Link href={`/blanks/${row.original.id}`} className="text-primary hover:underline">
        {row.original.participant}
      </Link>
    ),
  },
  { id: "template", header: C.template.header, accessorKey: "templateName", enableSorting: false },
  { id: "campaign", header: C.campaign.header, accessorKey: "campaignName", enableSorting: false },
  { id: "status", header: C.status.header, accessorKey: "status", cell: ({ row }) => <BlankStatusBadge status={row.original.status} /> },
  { id: "deadline", header: C.deadline.header, accessorKey: "deadline", cell: ({ row }) => formatDate(row.original.deadline) },
];

export interface BlanksTableProps {
  page: Page<BlankRow>;
  query: TBlankListQuery;
  campaigns: { id: string; name: string }[];
  /** Offered to users who see more than one municipality. */
  municipalities: { id: string; name: string }[];
}

export function BlanksTable(props: BlanksTableProps) {
  return (
    <DataTable
      caption={BLANKS_CAPTION}
      exportList="blanks"
      columns={columns}
      page={props.page}
      sort={props.query.sort}
      dir={props.query.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.query.q} label="Муниципалитет или школа">
          <FilterSelect
            name="campaignId"
            label="Кампания"
            value={props.query.campaignId}
            allLabel="Все кампании"
            className="w-72"
            options={props.campaigns.map((c) => ({ value: c.id, label: c.name }))}
          />
          <MunicipalityFilter value={props.query.municipalityId} municipalities={props.municipalities} />
          <FilterSelect
            name="status"
            label="Статус"
            value={props.query.status}
            allLabel="Все статусы"
            className="w-56"
            options={BLANK_STATUSES.map((s) => ({ value: s, label: BLANK_STATUS_LABELS[s] }))}
          />
        </SearchFilter>
      }
    />
  );
}
