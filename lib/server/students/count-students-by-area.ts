import "server-only";
import { measuresOf, type Measure, type RecordTallies } from "@/lib/domain/records/official-measures";
import { coordinatedMunicipalityIds, staffRegionIds, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";

/** Region staff see counts per municipality; a municipal coordinator per school of theirs. */
export type AreaLevel = "municipality" | "school";

export function areaLevel(scope: Scope): AreaLevel {
  return staffRegionIds(scope).length ? "municipality" : "school";
}

export interface AreaCounts {
  id: string;
  name: string;
  measures: Record<Measure, number | null>;
}

/**
 * Counts only, never names: per municipality of the region for region staff, per
 * school of the municipality for its coordinator; grouped in SQL. Anyone else gets nothing.
 */
export async function countStudentsByArea(options: {
  scope: Scope;
  schoolYear: string;
}): Promise<{ level: AreaLevel; rows: AreaCounts[] }> {
  if (areaLevel(options.scope) === "municipality") {
    const regions = staffRegionIds(options.scope);
    const municipalities = await db().municipality.findMany({
      where: { regionId: { in: regions } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    const where = { regionId: { in: regions }, schoolYear: options.schoolYear };
    const [students, teachers] = await Promise.all([
      db().dotStudent.groupBy({ by: ["municipalityId", "status", "iupPresent", "furtherEducation"], where, _count: { _all: true } }),
      db().dotTeacher.groupBy({ by: ["municipalityId", "needsCourse"], where, _count: { _all: true } }),
    ]);
    return {
      level: "municipality",
      rows: municipalities.map((m) => ({
        ...m,
        measures: tally(
          students.filter((r) => r.municipalityId === m.id),
          teachers.filter((r) => r.municipalityId === m.id),
        ),
      })),
    };
  }
  const municipalityIds = coordinatedMunicipalityIds(options.scope);
  if (!municipalityIds.length) return { level: "school", rows: [] };
  const schools = await db().organization.findMany({
    where: { municipalityId: { in: municipalityIds }, kind: "SCHOOL" },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  const where = { municipalityId: { in: municipalityIds }, schoolYear: options.schoolYear };
  const [students, teachers] = await Promise.all([
    db().dotStudent.groupBy({ by: ["organizationId", "status", "iupPresent", "furtherEducation"], where, _count: { _all: true } }),
    db().dotTeacher.groupBy({ by: ["organizationId", "needsCourse"], where, _count: { _all: true } }),
  ]);
  return {
    level: "school",
    rows: schools.map((s) => ({
      ...s,
      measures: tally(
        students.filter((r) => r.organizationId === s.id),
        teachers.filter((r) => r.organizationId === s.id),
      ),
    })),
  };
}

type StudentGroup = { status: string; iupPresent: boolean; furtherEducation: string | null; _count: { _all: number } };
type TeacherGroup = { needsCourse: boolean; _count: { _all: number } };

function tally(students: StudentGroup[], teachers: TeacherGroup[]) {
  const sum = (rows: Array<{ _count: { _all: number } }>) => rows.reduce((n, r) => n + r._count._all, 0);
  const tallies: RecordTallies = {
    studying: sum(students.filter((r) => r.status === "STUDYING")),
    studyingWithIup: sum(students.filter((r) => r.status === "STUDYING" && r.iupPresent)),
    graduated: sum(students.filter((r) => r.status === "GRADUATED")),
    graduatedInVuzSpo: sum(
      students.filter((r) => r.status === "GRADUATED" && (r.furtherEducation === "SPO" || r.furtherEducation === "VUZ")),
    ),
    teachers: sum(teachers),
    teachersNeedingCourses: sum(teachers.filter((r) => r.needsCourse)),
  };
  return measuresOf(tallies);
}
