"use client";

import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/filter-select";
import { Button } from "@/components/ui/button";
import { MEASURES } from "@/lib/records/official-measures";
import type { AreaCounts } from "@/lib/server/students/count-students-by-area";

const HEADERS = {
  DOT_STUDENTS: "Обучаются с ДОТ",
  DOT_STUDENTS_WITH_IUP: "из них с ИУП",
  DOT_TEACHERS: "Педагогов",
  DOT_TEACHERS_NEEDING_COURSES: "Нуждаются в курсах",
  STUDENTS_AND_GRADUATES: "Обучающихся и выпускников",
  GRADUATES: "Выпускников",
  GRADUATES_IN_VUZ_SPO: "Продолжают в ВУЗ/СПО",
} as const;

/** Counts per municipality or school: numbers only, no names of children or teachers. */
export function AreaCountsTable(props: { level: "municipality" | "school"; rows: AreaCounts[]; schoolYear: string; schoolYears: string[] }) {
  const columns: DataTableColumn<AreaCounts>[] = [
    { id: "name", header: props.level === "municipality" ? "Муниципалитет" : "Школа", accessorKey: "name", enableSorting: false },
    ...MEASURES.map(
      (m): DataTableColumn<AreaCounts> => ({
        id: m,
        header: HEADERS[m],
        enableSorting: false,
        cell: ({ row }) => row.original.measures[m] ?? "—",
      }),
    ),
  ];
  return (
    <DataTable
      caption={props.level === "municipality" ? "Численность по муниципалитетам" : "Численность по школам"}
      columns={columns}
      rows={props.rows}
      total={props.rows.length}
      page={1}
      pageSize={Math.max(props.rows.length, 1)}
      sort="name"
      dir="asc"
      getRowId={(row) => row.id}
      filters={
        <form method="get" className="flex flex-wrap items-end gap-2">
          <FilterSelect
            name="schoolYear"
            label="Учебный год"
            value={props.schoolYear}
            allLabel="Текущий учебный год"
            className="w-44"
            options={props.schoolYears.map((y) => ({ value: y, label: y }))}
          />
          <Button type="submit" variant="outline">
            Показать
          </Button>
        </form>
      }
    />
  );
}
