"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_CAPTION,
  AUDIT_COLUMNS as C,
  AUDIT_ENTITIES,
  auditEntityLabel,
  formatAuditTime,
  type TAuditAction,
} from "@/lib/domain/exports/lists/audit";
import type { Page } from "@/lib/paging";
import type { TAuditListQuery } from "@/lib/schemas/audit";
import type { AuditEventRow } from "@/lib/server/audit/list-audit-events";
import { AuditChanges } from "./audit-changes";

const ACTION_STYLES: Record<TAuditAction, string> = {
  CREATE: "border-green-700 text-green-800",
  UPDATE: "border-amber-600 text-amber-900",
  DELETE: "border-red-700 text-red-800",
  READ: "border-slate-500 text-slate-800",
  ERASE: "border-purple-700 text-purple-800",
};

/** The list filtered by one row's entity and id: its whole history. */
const historyHref = (e: AuditEventRow) => `/region/audit?${new URLSearchParams({ entity: e.entity, entityId: e.entityId })}`;

const columns: DataTableColumn<AuditEventRow>[] = [
  {
    id: "at",
    header: C.at.header,
    accessorKey: "at",
    cell: ({ row: { original: e } }) => (
      <time dateTime={e.at} className="whitespace-nowrap tabular-nums">
        {formatAuditTime(e.at)}
      </time>
    ),
  },
  { id: "actor", header: C.actor.header, accessorKey: "actorName", enableSorting: false },
  {
    id: "action",
    header: C.action.header,
    accessorKey: "action",
    enableSorting: false,
    cell: ({ row: { original: e } }) => (
      <Badge className={cn("bg-background", ACTION_STYLES[e.action])}>{AUDIT_ACTION_LABELS[e.action]}</Badge>
    ),
  },
  {
    id: "entity",
    header: C.entity.header,
    accessorKey: "entity",
    enableSorting: false,
    cell: ({ row: { original: e } }) => (
      <div className="min-w-48 max-w-72 space-y-0.5">
        <p className="break-words">
          {e.object.href ? (
            <Link href={e.object.href} className="text-primary hover:underline">
              {e.object.label}
            </Link>
          ) : (
            e.object.label
          )}
        </p>
        <Link href={historyHref(e)} className="text-xs text-muted-foreground hover:underline">
          вся история записи
        </Link>
      </div>
    ),
  },
  {
    id: "changes",
    header: "Изменения",
    enableSorting: false,
    cell: ({ row: { original: e } }) => (
      <div className="space-y-1">
        {e.summary && <p>{e.summary}</p>}
        <AuditChanges action={e.action} changes={e.changes} technical={e.technical} entityId={e.entityId} />
      </div>
    ),
  },
];

export interface AuditTableProps {
  page: Page<AuditEventRow>;
  query: TAuditListQuery;
}

const ENTITY_OPTIONS = AUDIT_ENTITIES.map((value) => ({ value, label: auditEntityLabel(value) })).sort((a, b) =>
  a.label.localeCompare(b.label, "ru"),
);

/** «Журнал изменений»: who changed or read what, when, newest first, with each change before and after. */
export function AuditTable(props: AuditTableProps) {
  return (
    <DataTable
      caption={AUDIT_CAPTION}
      exportList="audit"
      columns={columns}
      page={props.page}
      sort={props.query.sort}
      dir={props.query.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.query.q} label="Кто (имя)">
          <DateFilter name="from" label="С" value={props.query.from} />
          <DateFilter name="to" label="По" value={props.query.to} />
          <FilterSelect
            name="action"
            label="Действие"
            value={props.query.action}
            allLabel="Все действия"
            className="w-40"
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] }))}
          />
          <FilterSelect
            name="entity"
            label="Объект"
            value={props.query.entity}
            allLabel="Все объекты"
            className="w-60"
            options={ENTITY_OPTIONS}
          />
          <label className="flex flex-col gap-1 text-sm">
            <span>Идентификатор записи</span>
            <Input name="entityId" defaultValue={props.query.entityId ?? ""} className="w-80 font-mono" spellCheck={false} />
          </label>
        </SearchFilter>
      }
    />
  );
}

function DateFilter(props: { name: string; label: string; value?: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span>{props.label}</span>
      <Input type="date" name={props.name} defaultValue={props.value ?? ""} className="w-40" />
    </label>
  );
}
