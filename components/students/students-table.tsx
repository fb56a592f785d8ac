"use client";

import Link from "next/link";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/filter-select";
import { SearchFilter } from "@/components/data-table/search-filter";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/dates";
import type { Page } from "@/lib/paging";
import { FURTHER_EDUCATION_LABELS, STUDENT_STATUS_LABELS, STUDENT_STATUSES } from "@/lib/schemas/student";
import type { StudentRow } from "@/lib/server/students/list-students";

const columns: DataTableColumn<StudentRow>[] = [
  {
    id: "fullName",
    header: "ФИО",
    accessorKey: "fullName",
    cell: ({ row }) => (
      <Link href={`/students/${row.original.id}`} className="text-primary hover:underline">
        {row.original.fullName}
      </Link>
    ),
  },
  { id: "grade", header: "Класс", accessorKey: "grade" },
  { id: "birthDate", header: "Дата рождения", accessorKey: "birthDate", cell: ({ row }) => formatDate(row.original.birthDate) },
  {
    id: "status",
    header: "Статус",
    accessorKey: "status",
    cell: ({ row }) => (
      <Badge>
        {STUDENT_STATUS_LABELS[row.original.status]}
        {row.original.furtherEducation ? ` · ${FURTHER_EDUCATION_LABELS[row.original.furtherEducation]}` : ""}
      </Badge>
    ),
  },
  { id: "iupPresent", header: "ИУП", enableSorting: false, cell: ({ row }) => (row.original.iupPresent ? "есть" : "нет") },
];

export function StudentsTable(props: {
  page: Page<StudentRow>;
  sort: string;
  dir: "asc" | "desc";
  q: string;
  schoolYear: string;
  schoolYears: string[];
  status?: string;
}) {
  return (
    <DataTable
      caption="Обучающиеся с применением ДОТ"
      columns={columns}
      rows={props.page.rows}
      total={props.page.total}
      page={props.page.page}
      pageSize={props.page.pageSize}
      sort={props.sort}
      dir={props.dir}
      getRowId={(row) => row.id}
      filters={
        <SearchFilter q={props.q} label="Поиск по ФИО">
          <FilterSelect
            name="schoolYear"
            label="Учебный год"
            value={props.schoolYear}
            allLabel="Текущий учебный год"
            className="w-44"
            options={props.schoolYears.map((y) => ({ value: y, label: y }))}
          />
          <FilterSelect
            name="status"
            label="Статус"
            value={props.status}
            allLabel="Все статусы"
            className="w-44"
            options={STUDENT_STATUSES.map((s) => ({ value: s, label: STUDENT_STATUS_LABELS[s] }))}
          />
        </SearchFilter>
      }
    />
  );
}
