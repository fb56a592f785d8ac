"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { courseLine, TEACHER_COLUMNS as C, TEACHERS_CAPTION } from "@/lib/domain/exports/lists/teachers";
import type { Page } from "@/lib/paging";
import type { TTeacherListQuery } from "@/lib/schemas/student";
import type { TeacherRow } from "@/lib/server/students/list-teachers";

const columns: DataTableColumn<TeacherRow>[] = [
  { id: "fullName", header: C.fullName.header, accessorKey: "fullName" },
  { id: "subject", header: C.subject.header, accessorKey: "subject" },
  {
    id: "courses",
    header: C.courses.header,
    enableSorting: false,
    cell: ({ row }) =>
      row.original.courses.length === 0 ? (
        "—"
      ) : (
        <ul className="space-y-1">
          {row.original.courses.map((c, i) => (
            <li key={i}>{courseLine(c)}</li>
          ))}
        </ul>
      ),
  },
  { id: "needsCourse", header: C.needsCourse.header, enableSorting: false, cell: ({ row }) => C.needsCourse.value(row.original) },
  {
    id: "edit",
    header: "Действия",
    enableSorting: false,
    cell: ({ row }) => (
      <Link href={`/school/students/teachers?edit=${row.original.id}`} className="text-primary hover:underline">
        Изменить<span className="sr-only"> педагога {row.original.fullName}</span>
      </Link>
    ),
  },
];

export function TeachersTable(props: {
  page: Page<TeacherRow>;
  /** Its school year resolved (withCurrentSchoolYear). */
  query: TTeacherListQuery & { schoolYear: string };
  schoolYears: string[];
}) {
  return (
    <DataTable
      caption={TEACHERS_CAPTION}
      exportList="teachers"
      columns={columns}
      page={props.page}
      sort={props.query.sort}
      dir={props.query.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.query.q} label="ФИО или предмет">
          <FilterSelect
            name="schoolYear"
            label="Учебный год"
            value={props.query.schoolYear}
            allLabel="Текущий учебный год"
            className="w-44"
            options={props.schoolYears.map((y) => ({ value: y, label: y }))}
          />
        </SearchFilter>
      }
    />
  );
}
