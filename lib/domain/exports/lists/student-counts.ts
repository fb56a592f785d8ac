import { MEASURES, type Measure } from "@/lib/domain/records/official-measures";
import type { AreaCounts, AreaLevel } from "@/lib/server/students/count-students-by-area";
import { columnsFor, type ExportColumn } from "../columns";

const c = columnsFor<AreaCounts>();

export const AREA_COUNTS_CAPTIONS: Record<AreaLevel, string> = {
  municipality: "Численность по муниципалитетам",
  school: "Численность по школам",
};

export const AREA_NAME_HEADERS: Record<AreaLevel, string> = { municipality: "Муниципалитет", school: "Школа" };

export const MEASURE_HEADERS: Record<Measure, string> = {
  DOT_STUDENTS: "Обучаются с ДОТ",
  DOT_STUDENTS_WITH_IUP: "из них с ИУП",
  DOT_TEACHERS: "Педагогов",
  DOT_TEACHERS_NEEDING_COURSES: "Нуждаются в курсах",
  STUDENTS_AND_GRADUATES: "Обучающихся и выпускников",
  GRADUATES: "Выпускников",
  GRADUATES_IN_VUZ_SPO: "Продолжают в ВУЗ/СПО",
};

/** Counts only: the area's name, then one number per measure (empty where no records are kept). */
export function areaCountColumns(level: AreaLevel): ExportColumn<AreaCounts>[] {
  return [c.text(AREA_NAME_HEADERS[level], (a) => a.name), ...MEASURES.map((m) => c.number(MEASURE_HEADERS[m], (a) => a.measures[m]))];
}
