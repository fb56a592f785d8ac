/**
 * The counts a blank asks for that the product can compute from the school
 * coordinators' records of children taught at home with ДОТ (seed 000, school
 * blank rows 4–5, municipal blank 2.3), and which item of which blank asks for each.
 */
import { MUNICIPAL_BLANK_KEY, SCHOOL_BLANK_KEY } from "@/lib/seed-data/blanks";

export const MEASURES = [
  "DOT_STUDENTS",
  "DOT_STUDENTS_WITH_IUP",
  "DOT_TEACHERS",
  "DOT_TEACHERS_NEEDING_COURSES",
  "STUDENTS_AND_GRADUATES",
  "GRADUATES",
  "GRADUATES_IN_VUZ_SPO",
] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABELS: Record<Measure, string> = {
  DOT_STUDENTS: "детей-инвалидов, обучающихся с применением ДОТ",
  DOT_STUDENTS_WITH_IUP: "из них с индивидуальным учебным планом",
  DOT_TEACHERS: "педагогов, работающих с применением ДОТ",
  DOT_TEACHERS_NEEDING_COURSES: "педагогов, нуждающихся в курсах повышения квалификации",
  STUDENTS_AND_GRADUATES: "детей-инвалидов, обучающихся с ДОТ, в т.ч. выпускников",
  GRADUATES: "выпускников",
  GRADUATES_IN_VUZ_SPO: "выпускников, продолжающих обучение в ВУЗах/СПО",
};

/** Which count item of which template each measure answers, by the template's key and the item's printed number. */
export const MEASURE_ITEMS: Array<{ templateKey: string; itemNumber: string; measure: Measure }> = [
  { templateKey: SCHOOL_BLANK_KEY, itemNumber: "4.1", measure: "DOT_TEACHERS" },
  { templateKey: SCHOOL_BLANK_KEY, itemNumber: "4.2", measure: "DOT_TEACHERS_NEEDING_COURSES" },
  { templateKey: SCHOOL_BLANK_KEY, itemNumber: "5.1", measure: "DOT_STUDENTS" },
  { templateKey: MUNICIPAL_BLANK_KEY, itemNumber: "2.3", measure: "STUDENTS_AND_GRADUATES" },
  { templateKey: MUNICIPAL_BLANK_KEY, itemNumber: "2.3.2", measure: "GRADUATES_IN_VUZ_SPO" },
];

/** The school year a date falls in: 1 September to 31 August ("2022/2023"). */
export function schoolYearOf(date: string): string {
  const [year, month] = date.split("-").map(Number) as [number, number];
  const start = month >= 9 ? year : year - 1;
  return `${start}/${start + 1}`;
}

export interface RecordTallies {
  studying: number;
  studyingWithIup: number;
  graduated: number;
  graduatedInVuzSpo: number;
  teachers: number;
  teachersNeedingCourses: number;
}

/** The measures from tallies of the records; null where the product holds no records of that kind. */
export function measuresOf(t: RecordTallies): Record<Measure, number | null> {
  const students = t.studying + t.graduated > 0;
  const teachers = t.teachers > 0;
  return {
    DOT_STUDENTS: students ? t.studying : null,
    DOT_STUDENTS_WITH_IUP: students ? t.studyingWithIup : null,
    DOT_TEACHERS: teachers ? t.teachers : null,
    DOT_TEACHERS_NEEDING_COURSES: teachers ? t.teachersNeedingCourses : null,
    STUDENTS_AND_GRADUATES: students ? t.studying + t.graduated : null,
    GRADUATES: students ? t.graduated : null,
    GRADUATES_IN_VUZ_SPO: students ? t.graduatedInVuzSpo : null,
  };
}
