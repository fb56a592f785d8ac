"use client";

import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/filter-select";
import { Button } from "@/components/ui/button";
import { AREA_COUNTS_CAPTIONS, AREA_NAME_HEADERS, MEASURE_HEADERS } from "@/lib/domain/exports/lists/student-counts";
import { MEASURES } from "@/lib/domain/records/official-measures";
import type { AreaCounts } from "@/lib/server/students/count-students-by-area";

/** Counts per municipality or school: numbers only, no names of children or teachers. */
export function AreaCountsTable(props: {
  level: "municipality" | "school";
  rows: AreaCounts[];
  schoolYear: string;
  schoolYears: string[];
}) {
  const columns: DataTableColumn<AreaCounts>[] = [
    { id: "name", header: AREA_NAME_HEADERS[props.level], accessorKey: "name", enableSorting: false },
    ...MEASURES.map(
      (m): DataTableColumn<AreaCounts> => ({
        id: m,
        header: MEASURE_HEADERS[m],
        enableSorting: false,
        cell: ({ row }) => row.original.measures[m] ?? "—",
      }),
    ),
  ];
  return (
    <DataTable
      caption={AREA_COUNTS_CAPTIONS[props.level]}
      exportList="student-counts"
      columns={columns}
      page={{ rows: props.rows, total: props.rows.length, page: 1, pageSize: Math.max(props.rows.length, 1) }}
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
