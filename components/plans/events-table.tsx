"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { MunicipalityFilter } from "@/components/data-table/municipality-filter";
import { FilterCheckbox } from "@/components/data-table/filter-checkbox";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { formatDate } from "@/lib/dates";
import { EVENT_COLUMNS as C, EVENTS_CAPTION } from "@/lib/domain/exports/lists/events";
import type { Page } from "@/lib/paging";
import { EVENT_STATUS_LABELS, EVENT_STATUSES, PLAN_KIND_LABELS, PLAN_KINDS } from "@/lib/domain/plans/plan-labels";
import type { TEventListQuery } from "@/lib/schemas/plan";
import type { EventRow } from "@/lib/server/plans/list-events";
import { EventStatusBadge } from "./event-status-badge";

const none = <span className="text-muted-foreground">—</span>;

const columns: DataTableColumn<EventRow>[] = [
  {
    // Sorted by owner, then plan: the cell names them in that order.
    id: "plan",
    header: C.plan.header,
    accessorKey: "planTitle",
    cell: ({ row: { original: e } }) => (
      <div className="min-w-40 space-y-0.5">
        <p className="font-medium">{e.owner}</p>
        <Link href={`/plans/${e.planId}`} className="text-primary hover:underline">
          {e.planTitle}
        </Link>
        <p className="text-xs text-muted-foreground">{C.kind.value(e)}</p>
      </div>
    ),
  },
  { id: "part", header: C.part.header, accessorKey: "part", enableSorting: false, cell: ({ row }) => row.original.part ?? none },
  {
    id: "number",
    header: C.number.header,
    accessorKey: "number",
    enableSorting: false,
    cell: ({ row }) => <span className="tabular-nums">{row.original.number}</span>,
  },
  {
    id: "title",
    header: C.title.header,
    accessorKey: "title",
    enableSorting: false,
    cell: ({ row: { original: e } }) => (
      <div className="min-w-56">
        {/* The event's own row on its plan's page. */}
        <Link href={`/plans/${e.planId}#event-${e.id}`} className="text-primary hover:underline">
          {e.title}
        </Link>
        {e.description && (
          <details className="mt-1">
            <summary className="cursor-pointer text-xs text-muted-foreground">{C.description.header}</summary>
            <p className="mt-1 whitespace-pre-line">{e.description}</p>
          </details>
        )}
      </div>
    ),
  },
  { id: "timing", header: C.timing.header, accessorKey: "timingText", enableSorting: false },
  {
    id: "dueDate",
    header: C.dueDate.header,
    accessorKey: "endsOn",
    cell: ({ row: { original: e } }) => (e.endsOn ? <time dateTime={e.endsOn}>{formatDate(e.endsOn)}</time> : none),
  },
  {
    id: "responsible",
    header: C.responsible.header,
    accessorKey: "responsibleText",
    enableSorting: false,
    cell: ({ row }) => <span className="whitespace-pre-line">{row.original.responsibleText || none}</span>,
  },
  {
    id: "status",
    header: C.status.header,
    accessorKey: "status",
    cell: ({ row: { original: e } }) => <EventStatusBadge status={e.status} heldOn={e.heldOn} overdue={e.overdue} />,
  },
];

export interface EventsTableProps {
  page: Page<EventRow>;
  query: TEventListQuery;
  /** Offered to region staff only; empty hides the filter. */
  municipalities: Array<{ id: string; name: string }>;
}

/** The events of every plan the user sees, with the plan and owner of each. */
export function EventsTable(props: EventsTableProps) {
  return (
    <DataTable
      caption={EVENTS_CAPTION}
      exportList="events"
      columns={columns}
      page={props.page}
      sort={props.query.sort}
      dir={props.query.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.query.q} label="Мероприятие или описание">
          <MunicipalityFilter value={props.query.municipalityId} municipalities={props.municipalities} />
          <FilterSelect
            name="kind"
            label="Вид плана"
            value={props.query.kind}
            allLabel="Все виды"
            className="w-60"
            options={PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }))}
          />
          <FilterSelect
            name="status"
            label="Статус"
            value={props.query.status}
            allLabel="Все статусы"
            className="w-48"
            options={EVENT_STATUSES.map((s) => ({ value: s, label: EVENT_STATUS_LABELS[s] }))}
          />
          <FilterCheckbox name="overdue" label="Только просроченные" checked={props.query.overdue} />
        </SearchFilter>
      }
    />
  );
}
