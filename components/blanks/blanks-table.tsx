"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { MunicipalityFilter } from "@/components/data-table/municipality-filter";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { formatDate } from "@/lib/dates";
import { BLANK_COLUMNS as C, BLANKS_CAPTION } from "@/lib/exports/lists/blanks";
import type { Page } from "@/lib/paging";
import { BLANK_STATUS_LABELS, BLANK_STATUSES, type BlankStatus } from "@/lib/schemas/blank";
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
  sort: string;
  dir: "asc" | "desc";
  q: string;
  status?: BlankStatus;
  campaignId?: string;
  campaigns: { id: string; name: string }[];
  municipalityId?: string;
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
      sort={props.sort}
      dir={props.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.q} label="Муниципалитет или школа">
          <FilterSelect
            name="campaignId"
            label="Кампания"
            value={props.campaignId}
            allLabel="Все кампании"
            className="w-72"
            options={props.campaigns.map((c) => ({ value: c.id, label: c.name }))}
          />
          <MunicipalityFilter value={props.municipalityId} municipalities={props.municipalities} />
          <FilterSelect
            name="status"
            label="Статус"
            value={props.status}
            allLabel="Все статусы"
            className="w-56"
            options={BLANK_STATUSES.map((s) => ({ value: s, label: BLANK_STATUS_LABELS[s] }))}
          />
        </SearchFilter>
      }
    />
  );
}
