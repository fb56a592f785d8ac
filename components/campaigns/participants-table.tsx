"use client";

import Link from "next/link";
import { BlankStatusBadge } from "@/components/blanks/blank-status-badge";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import type { Page } from "@/lib/paging";
import type { ParticipantStatus } from "@/lib/server/campaigns/list-campaign-participants";

const columns: DataTableColumn<ParticipantStatus>[] = [
  { id: "municipality", header: "Муниципальное образование", accessorKey: "municipality", enableSorting: false },
  { id: "school", header: "Школа", accessorKey: "school", enableSorting: false, cell: ({ row }) => row.original.school ?? "—" },
  {
    id: "template",
    header: "Бланк",
    accessorKey: "template",
    enableSorting: false,
    cell: ({ row }) => (
      <Link href={`/blanks/${row.original.blankId}`} className="text-primary hover:underline">
        {row.original.template}
      </Link>
    ),
  },
  {
    id: "status",
    header: "Статус",
    accessorKey: "status",
    enableSorting: false,
    cell: ({ row }) => <BlankStatusBadge status={row.original.status} />,
  },
];

/** A campaign's participants, a page at a time, in the order of the regional report: by municipality, its own blank first. */
export function ParticipantsTable({ page }: { page: Page<ParticipantStatus> }) {
  return (
    <DataTable
      caption="Участники кампании и статусы бланков"
      columns={columns}
      page={page}
      sort="municipality"
      dir="asc"
      getRowId={(row) => row.blankId}
    />
  );
}
