import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { measuresOf, type Measure, type RecordTallies } from "@/lib/domain/records/official-measures";
import { db } from "@/lib/server/db/client";

type Tx = Pick<Prisma.TransactionClient, "dotStudent" | "dotTeacher">;

/** Where to count: one school, one municipality (its schools together) or one region. */
export type CountArea = { organizationId: string } | { municipalityId: string } | { regionId: string };

/**
 * The official counts of an area for a school year, aggregated in SQL. Counts of a
 * kind the area keeps no records of are null: nothing to compare with.
 */
export async function countOfficialData(area: CountArea, schoolYear: string, tx: Tx = db()): Promise<Record<Measure, number | null>> {
  const where = { ...area, schoolYear };
  const [students, teachers] = await Promise.all([
    tx.dotStudent.groupBy({ by: ["status", "iupPresent", "furtherEducation"], where, _count: { _all: true } }),
    tx.dotTeacher.groupBy({ by: ["needsCourse"], where, _count: { _all: true } }),
  ]);
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
