import "server-only";
import type { RecordTallies } from "@/lib/domain/records/official-measures";
import { day, insertRows, uuid7 } from "./bulk";
import { personName } from "./names";
import { DOT_STUDENT } from "./tables";
import type { GenContext, GenDirectory } from "./types";

const EMPTY: RecordTallies = {
  studying: 0,
  studyingWithIup: 0,
  graduated: 0,
  graduatedInVuzSpo: 0,
  teachers: 0,
  teachersNeedingCourses: 0,
};

/** Tallies of the generated records by school and by municipality, for the blanks' official counts. */
export interface StudentTallies {
  bySchool: Map<string, RecordTallies>;
  byMunicipality: Map<string, RecordTallies>;
}

function add(
  map: Map<string, RecordTallies>,
  key: string,
  student: { status: string; iupPresent: boolean; furtherEducation: string | null },
) {
  const t = { ...(map.get(key) ?? EMPTY) };
  if (student.status === "STUDYING") {
    t.studying++;
    if (student.iupPresent) t.studyingWithIup++;
  } else if (student.status === "GRADUATED") {
    t.graduated++;
    if (student.furtherEducation === "SPO" || student.furtherEducation === "VUZ") t.graduatedInVuzSpo++;
  }
  map.set(key, t);
}

/**
 * ДОТ records for the school year: spread over about a third of the schools
 * (a few children each, as in the seeds), mostly studying, some graduated.
 */
export async function generateStudents(ctx: GenContext, directory: GenDirectory, schoolYear: string): Promise<StudentTallies> {
  const random = ctx.random.fork("students");
  const firstYear = Number(schoolYear.slice(0, 4));
  const hosts = random.shuffle(directory.schools).slice(0, Math.ceil(directory.schools.length / 3));
  const tallies: StudentTallies = { bySchool: new Map(), byMunicipality: new Map() };
  const rows = Array.from({ length: ctx.scale.dotStudents }, () => {
    const school = random.pick(hosts);
    const roll = random.next();
    const status = roll < 0.85 ? ("STUDYING" as const) : roll < 0.97 ? ("GRADUATED" as const) : ("LEFT" as const);
    const grade = status === "GRADUATED" ? random.pick([9, 11]) : random.int(1, 11);
    const further = status === "GRADUATED" ? random.pick(["NONE", "SPO", "SPO", "VUZ"] as const) : null;
    const row = {
      id: uuid7(),
      regionId: directory.regionId,
      municipalityId: school.municipalityId,
      organizationId: school.id,
      schoolYear,
      fullName: personName(random),
      birthDate: day(new Date(Date.UTC(firstYear - grade - 6, random.int(0, 11), random.int(1, 28)))),
      grade: String(grade),
      disabilityConfirmedUntil: day(new Date(Date.UTC(firstYear + random.int(1, 3), 8, 1))),
      iupPresent: random.chance(0.8),
      timetable: random.chance(0.7) ? `${random.int(3, 5)} дня в неделю, ${random.int(2, 4)} урока в день` : null,
      status,
      furtherEducation: further,
    };
    add(tallies.bySchool, school.id, row);
    add(tallies.byMunicipality, school.municipalityId, row);
    return row;
  });
  await insertRows(ctx.tx, DOT_STUDENT, rows, "ДОТ students", ctx.log);
  return tallies;
}
