import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { batchesOf, pageOf, type ListSource, type Page } from "@/lib/paging";
import type { Scope } from "@/lib/scope";
import type { TStudentListQuery } from "@/lib/schemas/student";
import { exportFilters, readLoggedExport } from "@/lib/server/audit/record-read";
import { STUDENTS_CAPTION } from "@/lib/domain/exports/lists/students";
import { db } from "@/lib/server/db/client";
import { studentReadWhere } from "@/lib/domain/privacy/child-access";
import { recordListRead, type HeldRow } from "@/lib/server/privacy/record-list-read";

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

type ListOptions = { scope: Scope; query: TStudentListQuery };

/**
 * The students the caller may read (their school's, or the auditor's region), paged,
 * sorted and filtered in the database. An auditor's page of names is a read of the
 * children's data: recorded in the audit trail with the ids shown.
 */
export async function listStudents(options: ListOptions): Promise<Page<StudentRow>> {
  const { query } = options;
  const shown: HeldRow[] = [];
  const page = await pageOf(studentsSource(options.scope, query, shown), query);
  await recordListRead({ scope: options.scope, entity: "DotStudent", rows: shown, after: exportFilters(query) });
  return page;
}

/**
 * The same list, every row, in batches: what its export writes. Taking the names away
 * as a file is a read of personal data: the audit trail gets a READ event first.
 */
export function iterateStudents(options: ListOptions & { batchSize?: number }) {
  const { query } = options;
  return readLoggedExport(
    { client: db(), scope: options.scope, entity: "DotStudent", after: { export: STUDENTS_CAPTION, ...exportFilters(query) } },
    batchesOf(studentsSource(options.scope, query), options.batchSize),
  );
}

function studentsSource(scope: Scope, query: TStudentListQuery, shown?: HeldRow[]): ListSource<StudentRow> {
  const filters: Prisma.DotStudentWhereInput[] = [studentReadWhere(scope)];
  if (query.schoolYear) filters.push({ schoolYear: query.schoolYear });
  if (query.status) filters.push({ status: query.status });
  if (query.q) filters.push({ fullName: { contains: query.q, mode: "insensitive" } });
  const where = { AND: filters };
  return {
    count: () => db().dotStudent.count({ where }),
    read: async (window) => {
      const rows = await db().dotStudent.findMany({
        where,
        orderBy: [
          query.sort === "birthDate" ? { birthDate: { sort: query.dir, nulls: "last" } } : { [query.sort]: query.dir },
          { id: "asc" },
        ],
        ...window,
      });
      shown?.push(...rows);
      const schools = await db().organization.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.organizationId))] } },
        select: { id: true, name: true },
      });
      const names = new Map(schools.map((s) => [s.id, s.name]));
      return rows.map((s) => ({
        id: s.id,
        schoolYear: s.schoolYear,
        fullName: s.fullName,
        grade: s.grade,
        birthDate: s.birthDate?.toISOString().slice(0, 10) ?? null,
        status: s.status,
        furtherEducation: s.furtherEducation,
        iupPresent: s.iupPresent,
        schoolName: names.get(s.organizationId) ?? "",
      }));
    },
  };
}
