"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { SearchFilter } from "@/components/data-table/search-filter";
import { NativeSelect } from "@/components/ui/input";
import { formatDate } from "@/lib/dates";
import type { Page } from "@/lib/paging";
import { BLANK_STATUS_LABELS, BLANK_STATUSES, type BlankStatus } from "@/lib/schemas/blank";
import type { BlankRow } from "@/lib/server/blanks/list-blanks";
import { BlankStatusBadge } from "./blank-status-badge";

const columns: DataTableColumn<BlankRow>[] = [
  {
    id: "participant",
    header: "Участник",
    accessorKey: "participant",
    cell: ({ row }) => (
      <Link href={`/blanks/${row.original.id}`} className="text-primary hover:underline">
        {row.original.participant}
      </Link>
    ),
  },
  { id: "template", header: "Бланк", accessorKey: "templateName", enableSorting: false },
  { id: "campaign", header: "Кампания", accessorKey: "campaignName", enableSorting: false },
  { id: "status", header: "Статус", accessorKey: "status", cell: ({ row }) => <BlankStatusBadge status={row.original.status} /> },
  { id: "deadline", header: "Срок сдачи", accessorKey: "deadline", cell: ({ row }) => formatDate(row.original.deadline) },
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
      caption="Бланки соответствия"
      columns={columns}
      rows={props.page.rows}
      total={props.page.total}
      page={props.page.page}
      pageSize={props.page.pageSize}
      sort={props.sort}
      dir={props.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.q} label="Муниципалитет или школа">
          <label className="flex flex-col gap-1 text-sm">
            <span>Кампания</span>
            <NativeSelect aria-label="Кампания" name="campaignId" defaultValue={props.campaignId ?? ""} className="w-72">
              <option value="">Все кампании</option>
              {props.campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </NativeSelect>
          </label>
          {props.municipalities.length > 1 && (
            <label className="flex flex-col gap-1 text-sm">
              <span>Муниципалитет</span>
              <NativeSelect aria-label="Муниципалитет" name="municipalityId" defaultValue={props.municipalityId ?? ""} className="w-60">
                <option value="">Все муниципалитеты</option>
                {props.municipalities.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </NativeSelect>
            </label>
          )}
          <label className="flex flex-col gap-1 text-sm">
            <span>Статус</span>
            <NativeSelect aria-label="Статус" name="status" defaultValue={props.status ?? ""} className="w-56">
              <option value="">Все статусы</option>
              {BLANK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {BLANK_STATUS_LABELS[s]}
                </option>
              ))}
            </NativeSelect>
          </label>
        </SearchFilter>
      }
    />
  );
}
