import "server-only";
import type { Scope } from "@/lib/scope";
import { describeRequisites } from "@/lib/schemas/document";
import { db } from "@/lib/server/db/client";
import { documentWhere } from "@/lib/server/documents/document-access";
import { resolveStudentSchool } from "./resolve-student-school";

/** What a student's form offers to pick: registry documents of the school and its municipality, the school's teachers of the year. */
export async function listStudentFormOptions(options: { scope: Scope; organizationId: string; schoolYear: string }) {
  const school = await resolveStudentSchool({ scope: options.scope, organizationId: options.organizationId });
  const [documents, teachers] = await Promise.all([
    db().registryDocument.findMany({
      where: {
        regionId: school.regionId,
        status: "IN_FORCE",
        OR: [
          { AND: [documentWhere(options.scope), { organizationId: school.id }] },
          { municipalityId: school.municipalityId, organizationId: null },
        ],
      },
      orderBy: [{ date: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      take: 500,
      select: { id: true, type: true, issuer: true, date: true, number: true, title: true },
    }),
    db().dotTeacher.findMany({
      where: { organizationId: school.id, schoolYear: options.schoolYear },
      orderBy: [{ fullName: "asc" }, { id: "asc" }],
      select: { id: true, fullName: true, subject: true },
    }),
  ]);
  return {
    documents: documents.map((d) => ({ id: d.id, label: describeRequisites(d) })),
    teachers: teachers.map((t) => ({ id: t.id, label: `${t.fullName} (${t.subject})` })),
  };
}
export type StudentFormOptions = Awaited<ReturnType<typeof listStudentFormOptions>>;
