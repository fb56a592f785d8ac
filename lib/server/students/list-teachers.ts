import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Page } from "@/lib/paging";
import type { Scope } from "@/lib/scope";
import { ZTeacherListQuery } from "@/lib/schemas/student";
import { db } from "@/lib/server/db/client";
import { teacherReadWhere } from "./student-access";

export interface TeacherRow {
  id: string;
  organizationId: string;
  schoolYear: string;
  fullName: string;
  subject: string;
  needsCourse: boolean;
  courses: Array<{ title: string; dateFrom: string; dateTo: string | null; hours: number }>;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Teachers working with ДОТ the caller may read, with their courses, paged in the database. */
export async function listTeachers(options: { scope: Scope; query: unknown }): Promise<Page<TeacherRow>> {
  const query = ZTeacherListQuery.parse(options.query);
  const filters: Prisma.DotTeacherWhereInput[] = [teacherReadWhere(options.scope)];
  if (query.schoolYear) filters.push({ schoolYear: query.schoolYear });
  if (query.q) filters.push({ OR: [{ fullName: { contains: query.q, mode: "insensitive" } }, { subject: { contains: query.q, mode: "insensitive" } }] });
  const where = { AND: filters };
  const [total, rows] = await Promise.all([
    db().dotTeacher.count({ where }),
    db().dotTeacher.findMany({
      where,
      orderBy: [{ [query.sort]: query.dir }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { courses: { orderBy: { dateFrom: "asc" } } },
    }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    rows: rows.map((t) => ({
      id: t.id,
      organizationId: t.organizationId,
      schoolYear: t.schoolYear,
      fullName: t.fullName,
      subject: t.subject,
      needsCourse: t.needsCourse,
      courses: t.courses.map((c) => ({ title: c.title, dateFrom: day(c.dateFrom), dateTo: c.dateTo ? day(c.dateTo) : null, hours: c.hours })),
    })),
  };
}
