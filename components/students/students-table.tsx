"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/dates";
import type { ListExportId } from "@/lib/domain/exports/list-ids";
import { STUDENT_COLUMNS as C, STUDENTS_CAPTION } from "@/lib/domain/exports/lists/students";
import type { Page } from "@/lib/paging";
import { STUDENT_STATUS_LABELS, STUDENT_STATUSES, type TStudentListQuery } from "@/lib/schemas/student";
import type { StudentRow } from "@/lib/server/students/list-students";

const columns: DataTableColumn<StudentRow>[] = [
  {
    id: "fullName",
    header: C.fullName.header,
    accessorKey: "fullName",
    cell: ({ row }) => (
      <Link href={`/students/${row.original.id}`} className="text-primary hover:underline">
        {row.original.fullName}
      </Link>
    ),
  },
  { id: "grade", header: C.grade.header, accessorKey: "grade" },
  { id: "birthDate", header: C.birthDate.header, accessorKey: "birthDate", cell: ({ row }) => formatDate(row.original.birthDate) },
  {
    id: "status",
    header: C.status.header,
    accessorKey: "status",
    cell: ({ row }) => <Badge>{C.status.value(row.original)}</Badge>,
  },
  { id: "iupPresent", header: C.iupPresent.header, enableSorting: false, cell: ({ row }) => C.iupPresent.value(row.original) },
];

export function StudentsTable(props: {
  page: Page<StudentRow>;
  /** Its school year resolved (withCurrentSchoolYear). */
  query: TStudentListQuery & { schoolYear: string };
  schoolYears: string[];
  /** The school's list or the auditor's: each page downloads its own. */
  exportList: Extract<ListExportId, "school-students" | "region-students">;
}) {
  return (
    <DataTable
      caption={STUDENTS_CAPTION}
      exportList={props.exportList}
      columns={columns}
      page={props.page}
      sort={props.query.sort}
      dir={props.query.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.query.q} label="Поиск по ФИО">
          <FilterSelect
            name="schoolYear"
            label="Учебный год"
            value={props.query.schoolYear}
            allLabel="Текущий учебный год"
            className="w-44"
            options={props.schoolYears.map((y) => ({ value: y, label: y }))}
          />
          <FilterSelect
            name="status"
            label="Статус"
            value={props.query.status}
            allLabel="Все статусы"
            className="w-44"
            options={STUDENT_STATUSES.map((s) => ({ value: s, label: STUDENT_STATUS_LABELS[s] }))}
          />
        </SearchFilter>
      }
    />
  );
}
