"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { MunicipalityFilter } from "@/components/data-table/municipality-filter";
import { FilterCheckbox } from "@/components/data-table/filter-checkbox";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { Badge } from "@/components/ui/badge";
import { ASSIGNMENTS_CAPTION, assignmentColumns } from "@/lib/domain/exports/lists/assignments";
import type { Page } from "@/lib/paging";
import { COORDINATORS } from "@/lib/roles";
import { COORDINATOR_ROLE_LABELS, type TAssignmentListQuery } from "@/lib/schemas/assignment";
import type { AssignmentRow } from "@/lib/server/assignments/list-assignments";
import { AssignmentStatus } from "./assignment-status";

const columns = (today: string, C = assignmentColumns(today)): DataTableColumn<AssignmentRow>[] => [
  {
    id: "subject",
    header: C.subject.header,
    accessorKey: "subject",
    cell: ({ row }) => (
      <Link href={`/coordinators/${row.original.subjectId}`} className="text-primary hover:underline">
        {row.original.subject}
      </Link>
    ),
  },
  { id: "role", header: C.role.header, accessorKey: "role", cell: ({ row }) => C.role.value(row.original) },
  {
    id: "personName",
    header: C.personName.header,
    accessorKey: "personName",
    cell: ({ row }) => (
      <>
        {row.original.personName}
        {row.original.hasAccount && <Badge className="ml-2">есть вход в систему</Badge>}
      </>
    ),
  },
  { id: "phone", header: C.phone.header, accessorKey: "phone", enableSorting: false, cell: ({ row }) => row.original.phone ?? "—" },
  {
    id: "email",
    header: C.email.header,
    accessorKey: "email",
    enableSorting: false,
    cell: ({ row }) => row.original.email ?? "—",
  },
  { id: "validFrom", header: C.validFrom.header, accessorKey: "validFrom", cell: ({ row }) => C.validFrom.value(row.original) },
  { id: "order", header: C.order.header, accessorKey: "order", enableSorting: false, cell: ({ row }) => row.original.order ?? "—" },
  {
    id: "current",
    header: C.current.header,
    accessorKey: "current",
    enableSorting: false,
    cell: ({ row }) => <AssignmentStatus current={row.original.current} validFrom={row.original.validFrom} today={today} />,
  },
];

export interface AssignmentsTableProps {
  page: Page<AssignmentRow>;
  query: TAssignmentListQuery;
  /** The day against which «current» is judged. */
  today: string;
  municipalities: { id: string; name: string }[];
}

export function AssignmentsTable(props: AssignmentsTableProps) {
  return (
    <DataTable
      caption={ASSIGNMENTS_CAPTION}
      exportList="assignments"
      columns={columns(props.today)}
      page={props.page}
      sort={props.query.sort}
      dir={props.query.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.query.q} label="ФИО, почта, муниципалитет или школа">
          <MunicipalityFilter value={props.query.municipalityId} municipalities={props.municipalities} />
          <FilterSelect
            name="role"
            label="Роль"
            value={props.query.role}
            allLabel="Все роли"
            className="w-60"
            options={COORDINATORS.map((r) => ({ value: r, label: COORDINATOR_ROLE_LABELS[r] }))}
          />
          <FilterCheckbox name="current" label="Только действующие" checked={props.query.current} />
        </SearchFilter>
      }
    />
  );
}
