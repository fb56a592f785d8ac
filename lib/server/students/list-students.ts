import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Page } from "@/lib/paging";
import type { Scope } from "@/lib/scope";
import { ZStudentListQuery } from "@/lib/schemas/student";
import { db } from "@/lib/server/db/client";
import { studentReadWhere } from "./student-access";

export interface StudentRow {
  id: string;
  schoolYear: string;
  fullName: string;
  grade: string;
  birthDate: string | null;
  status: "STUDYING" | "GRADUATED" | "LEFT";
  furtherEducation: "NONE" | "SPO" | "VUZ" | null;
  iupPresent: boolean;
  schoolName: string;
}

/** The students the caller may read (their school's, or the auditor's region), paged, sorted and filtered in the database. */
export async function listStudents(options: { scope: Scope; query: unknown }): Promise<Page<StudentRow>> {
  const query = ZStudentListQuery.parse(options.query);
  const filters: Prisma.DotStudentWhereInput[] = [studentReadWhere(options.scope)];
  if (query.schoolYear) filters.push({ schoolYear: query.schoolYear });
  if (query.status) filters.push({ status: query.status });
  if (query.q) filters.push({ fullName: { contains: query.q, mode: "insensitive" } });
  const where = { AND: filters };
  const [total, rows] = await Promise.all([
    db().dotStudent.count({ where }),
    db().dotStudent.findMany({
      where,
      orderBy: [query.sort === "birthDate" ? { birthDate: { sort: query.dir, nulls: "last" } } : { [query.sort]: query.dir }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  const schools = await db().organization.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.organizationId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(schools.map((s) => [s.id, s.name]));
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    rows: rows.map((s) => ({
      id: s.id,
      schoolYear: s.schoolYear,
      fullName: s.fullName,
      grade: s.grade,
      birthDate: s.birthDate?.toISOString().slice(0, 10) ?? null,
      status: s.status,
      furtherEducation: s.furtherEducation,
      iupPresent: s.iupPresent,
      schoolName: names.get(s.organizationId) ?? "",
    })),
  };
}
