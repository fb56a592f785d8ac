"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { Badge } from "@/components/ui/badge";
import type { Page } from "@/lib/paging";
import {
  COORDINATOR_ROLE_LABELS,
  COORDINATOR_ROLES,
  describePeriod,
  type CoordinatorRole,
} from "@/lib/schemas/assignment";
import type { AssignmentRow } from "@/lib/server/assignments/list-assignments";
import { AssignmentStatus } from "./assignment-status";

const columns = (today: string): DataTableColumn<AssignmentRow>[] => [
  {
    id: "subject",
    header: "Муниципалитет или школа",
    accessorKey: "subject",
    cell: ({ row }) => (
      <Link href={`/coordinators/${row.original.subjectId}`} className="text-primary hover:underline">
        {row.original.subject}
      </Link>
    ),
  },
  { id: "role", header: "Роль", accessorKey: "role", cell: ({ row }) => COORDINATOR_ROLE_LABELS[row.original.role] },
  {
    id: "personName",
    header: "Координатор",
    accessorKey: "personName",
    cell: ({ row }) => (
      <>
        {row.original.personName}
        {row.original.hasAccount && <Badge className="ml-2">есть вход в систему</Badge>}
      </>
    ),
  },
  { id: "phone", header: "Телефон", accessorKey: "phone", enableSorting: false, cell: ({ row }) => row.original.phone ?? "—" },
  {
    id: "email",
    header: "Электронная почта",
    accessorKey: "email",
    enableSorting: false,
    cell: ({ row }) => row.original.email ?? "—",
  },
  { id: "validFrom", header: "Период", accessorKey: "validFrom", cell: ({ row }) => describePeriod(row.original) },
  { id: "order", header: "Приказ", accessorKey: "order", enableSorting: false, cell: ({ row }) => row.original.order ?? "—" },
  {
    id: "current",
    header: "Статус",
    accessorKey: "current",
    enableSorting: false,
    cell: ({ row }) => <AssignmentStatus current={row.original.current} validFrom={row.original.validFrom} today={today} />,
  },
];

export interface AssignmentsTableProps {
  page: Page<AssignmentRow>;
  sort: string;
  dir: "asc" | "desc";
  q: string;
  today: string;
  municipalityId?: string;
  municipalities: { id: string; name: string }[];
  role?: CoordinatorRole;
  current: boolean;
}

export function AssignmentsTable(props: AssignmentsTableProps) {
  return (
    <DataTable
      caption="Назначения координаторов"
      columns={columns(props.today)}
      rows={props.page.rows}
      total={props.page.total}
      page={props.page.page}
      pageSize={props.page.pageSize}
      sort={props.sort}
      dir={props.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.q} label="ФИО, почта, муниципалитет или школа">
          <FilterSelect name="municipalityId" label="Муниципалитет" value={props.municipalityId} allLabel="Все муниципалитеты" className="w-60" options={props.municipalities.map((m) => ({ value: m.id, label: m.name }))} />
          <FilterSelect name="role" label="Роль" value={props.role} allLabel="Все роли" className="w-60" options={COORDINATOR_ROLES.map((r) => ({ value: r, label: COORDINATOR_ROLE_LABELS[r] }))} />
          <label className="flex h-9 items-center gap-2 text-sm">
            <input type="checkbox" name="current" value="1" defaultChecked={props.current} />
            Только действующие
          </label>
        </SearchFilter>
      }
    />
  );
}
