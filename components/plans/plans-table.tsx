"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { MunicipalityFilter } from "@/components/data-table/municipality-filter";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import type { PlanKind } from "@/lib/generated/prisma/enums";
import type { Page } from "@/lib/paging";
import { PLAN_COLUMNS as C, PLANS_CAPTION } from "@/lib/exports/lists/plans";
import { PLAN_KIND_LABELS, PLAN_KINDS } from "@/lib/plans/plan-labels";
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
  sort: string;
  dir: "asc" | "desc";
  q: string;
  kind?: PlanKind;
  municipalityId?: string;
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
      sort={props.sort}
      dir={props.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.q} label="Название плана">
          <FilterSelect
            name="kind"
            label="Вид"
            value={props.kind}
            allLabel="Все виды"
            className="w-60"
            options={PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }))}
          />
          <MunicipalityFilter value={props.municipalityId} municipalities={props.municipalities} />
        </SearchFilter>
      }
    />
  );
}
