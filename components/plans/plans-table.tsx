"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { MunicipalityFilter } from "@/components/data-table/municipality-filter";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import type { Page } from "@/lib/paging";
import { PLAN_COLUMNS as C, PLANS_CAPTION } from "@/lib/domain/exports/lists/plans";
import { PLAN_KIND_LABELS, PLAN_KINDS } from "@/lib/domain/plans/plan-labels";
import type { TPlanListQuery } from "@/lib/schemas/plan";
import type { PlanRow } from "@/lib/server/plans/list-plans";
import { OverdueCount } from "./overdue-count";

const number = (value: number) => <span className="tabular-nums">{value}</span>;

const columns: DataTableColumn<PlanRow>[] = [
  {
    id: "title",
    header: C.title.header,
    accessorKey: "title",
    cell: ({ row }) => (
      <Link href={`/plans/${row.original.id}`} className="text-primary hover:underline">
        {row.original.title}
      </Link>
    ),
  },
  { id: "kind", header: C.kind.header, accessorKey: "kind", cell: ({ row }) => C.kind.value(row.original) },
  { id: "owner", header: C.owner.header, accessorKey: "owner", enableSorting: false },
  { id: "startsOn", header: C.startsOn.header, accessorKey: "startsOn", cell: ({ row }) => C.startsOn.value(row.original) },
  { id: "events", header: C.events.header, accessorKey: "events", enableSorting: false, cell: ({ row }) => number(row.original.events) },
  { id: "done", header: C.done.header, accessorKey: "done", enableSorting: false, cell: ({ row }) => number(row.original.done) },
  {
    id: "overdue",
    header: C.overdue.header,
    accessorKey: "overdue",
    enableSorting: false,
    cell: ({ row }) => <OverdueCount value={row.original.overdue} />,
  },
];

export interface PlansTableProps {
  page: Page<PlanRow>;
  query: TPlanListQuery;
  /** Offered to region staff only; empty hides the filter. */
  municipalities: Array<{ id: string; name: string }>;
}

export function PlansTable(props: PlansTableProps) {
  return (
    <DataTable
      caption={PLANS_CAPTION}
      exportList="plans"
      columns={columns}
      page={props.page}
      sort={props.query.sort}
      dir={props.query.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.query.q} label="Название плана">
          <FilterSelect
            name="kind"
            label="Вид"
            value={props.query.kind}
            allLabel="Все виды"
            className="w-60"
            options={PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }))}
          />
          <MunicipalityFilter value={props.query.municipalityId} municipalities={props.municipalities} />
        </SearchFilter>
      }
    />
  );
}
