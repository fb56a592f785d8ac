"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { MunicipalityFilter } from "@/components/data-table/municipality-filter";
import { FilterCheckbox } from "@/components/data-table/filter-checkbox";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { FINDING_COLUMNS as C, FINDINGS_CAPTION } from "@/lib/domain/exports/lists/findings";
import type { Page } from "@/lib/paging";
import { SEVERITY_LABELS } from "@/lib/domain/scoring/statuses";
import { REMEDIATION_STATUS_LABELS, REMEDIATION_STATUSES, SEVERITIES, type TFindingListQuery } from "@/lib/schemas/finding";
import type { FindingRow } from "@/lib/server/findings/list-findings";
import { FindingDeadline, RemediationStatusBadge, SeverityBadge } from "./finding-badges";
import { FindingGrounds } from "./finding-grounds";

const columns: DataTableColumn<FindingRow>[] = [
  {
    id: "item",
    header: C.item.header,
    accessorKey: "itemNumber",
    cell: ({ row }) => (
      <Link href={`/findings/${row.original.id}`} className="inline-block min-w-40 text-primary hover:underline">
        {C.item.value(row.original)}
      </Link>
    ),
  },
  {
    id: "campaign",
    header: C.campaign.header,
    accessorKey: "campaignName",
    enableSorting: false,
    cell: ({ row }) => <span className="inline-block min-w-52">{row.original.campaignName}</span>,
  },
  { id: "participant", header: C.participant.header, accessorKey: "participant" },
  {
    id: "blank",
    header: C.blank.header,
    accessorKey: "templateName",
    enableSorting: false,
    cell: ({ row }) => (
      <Link href={`/blanks/${row.original.blankId}`} className="inline-block min-w-48 text-primary hover:underline">
        {row.original.templateName}
      </Link>
    ),
  },
  {
    id: "status",
    header: C.status.header,
    accessorKey: "statusLabel",
    enableSorting: false,
    cell: ({ row }) => <FindingGrounds finding={row.original} />,
  },
  {
    id: "severity",
    header: C.severity.header,
    accessorKey: "severity",
    cell: ({ row }) => <SeverityBadge severity={row.original.severity} />,
  },
  {
    id: "deadline",
    header: C.deadline.header,
    accessorKey: "deadline",
    cell: ({ row }) => <FindingDeadline deadline={row.original.deadline} overdue={row.original.overdue} />,
  },
  {
    id: "responsible",
    header: C.responsible.header,
    accessorKey: "responsible",
    enableSorting: false,
    cell: ({ row }) => row.original.responsible ?? <span className="text-muted-foreground">не назначен</span>,
  },
  {
    id: "remediationStatus",
    header: C.remediationStatus.header,
    accessorKey: "remediationStatus",
    cell: ({ row }) => <RemediationStatusBadge status={row.original.remediationStatus} />,
  },
];

export interface FindingsTableProps {
  page: Page<FindingRow>;
  /** With `blankId` when the list shows one blank's findings: kept across the filters. */
  query: TFindingListQuery;
  campaigns: { id: string; name: string }[];
  /** Offered to users who see more than one municipality. */
  municipalities: { id: string; name: string }[];
}

export function FindingsTable(props: FindingsTableProps) {
  return (
    <DataTable
      caption={FINDINGS_CAPTION}
      exportList="findings"
      columns={columns}
      page={props.page}
      sort={props.query.sort}
      dir={props.query.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.query.q} label="Пункт, муниципалитет или школа">
          {props.query.blankId && <input type="hidden" name="blankId" value={props.query.blankId} />}
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
            name="remediationStatus"
            label="Устранение"
            value={props.query.remediationStatus}
            allLabel="Все"
            className="w-60"
            options={REMEDIATION_STATUSES.map((s) => ({ value: s, label: REMEDIATION_STATUS_LABELS[s] }))}
          />
          <FilterSelect
            name="severity"
            label="Критичность"
            value={props.query.severity}
            allLabel="Любая"
            className="w-40"
            options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
          />
          <FilterCheckbox name="unresolved" label="Только неустранённые" checked={props.query.unresolved} />
          <FilterCheckbox name="overdue" label="Только просроченные" checked={props.query.overdue} />
        </SearchFilter>
      }
    />
  );
}
