import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { batchesOf, pageOf, type ListSource, type Page } from "@/lib/paging";
import type { Scope } from "@/lib/scope";
import type { TTeacherListQuery } from "@/lib/schemas/student";
import { exportFilters, readLoggedExport } from "@/lib/server/audit/record-read";
import { TEACHERS_CAPTION } from "@/lib/domain/exports/lists/teachers";
import { db } from "@/lib/server/db/client";
import { teacherReadWhere } from "@/lib/domain/privacy/child-access";

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

type ListOptions = { scope: Scope; query: TTeacherListQuery };

/** Teachers working with ДОТ the caller may read, with their courses, paged in the database. */
export async function listTeachers(options: ListOptions): Promise<Page<TeacherRow>> {
  const { query } = options;
  return pageOf(teachersSource(options.scope, query), query);
}

/** The same list, every row, in batches: what its export writes, after its READ event in the audit trail. */
export function iterateTeachers(options: ListOptions & { batchSize?: number }) {
  const { query } = options;
  return readLoggedExport(
    { client: db(), scope: options.scope, entity: "DotTeacher", after: { export: TEACHERS_CAPTION, ...exportFilters(query) } },
    batchesOf(teachersSource(options.scope, query), options.batchSize),
  );
}

function teachersSource(scope: Scope, query: TTeacherListQuery): ListSource<TeacherRow> {
  const filters: Prisma.DotTeacherWhereInput[] = [teacherReadWhere(scope)];
  if (query.schoolYear) filters.push({ schoolYear: query.schoolYear });
  if (query.q)
    filters.push({
      OR: [{ fullName: { contains: query.q, mode: "insensitive" } }, { subject: { contains: query.q, mode: "insensitive" } }],
    });
  const where = { AND: filters };
  return {
    count: () => db().dotTeacher.count({ where }),
    read: async (window) => {
      const rows = await db().dotTeacher.findMany({
        where,
        orderBy: [{ [query.sort]: query.dir }, { id: "asc" }],
        ...window,
        include: { courses: { orderBy: { dateFrom: "asc" } } },
      });
      return rows.map((t) => ({
        id: t.id,
        organizationId: t.organizationId,
        schoolYear: t.schoolYear,
        fullName: t.fullName,
        subject: t.subject,
        needsCourse: t.needsCourse,
        courses: t.courses.map((c) => ({
          title: c.title,
          dateFrom: day(c.dateFrom),
          dateTo: c.dateTo ? day(c.dateTo) : null,
          hours: c.hours,
        })),
      }));
    },
  };
}
