import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { TStudentFields } from "@/lib/schemas/student";
import { db } from "@/lib/server/db/client";
import { documentWhere } from "@/lib/server/documents/document-access";
import { fileWhere } from "@/lib/server/files/file-access";
import type { StudentSchool } from "./resolve-student-school";

const missing = (field: string, message: string) => new AppError("NOT_FOUND", "Запись не найдена.", { [field]: [message] });

/**
 * The ids a student record points at must be the school's own: registry documents
 * of the school (as the caller may read them) or of its municipality itself, a file
 * the caller may read, teachers of the same school and school year.
 */
export async function checkStudentReferences(options: { scope: Scope; school: StudentSchool; input: TStudentFields }) {
  const { scope, school, input } = options;
  const documentOf = (id: string) =>
    db().registryDocument.findFirst({
      where: {
        id,
        regionId: school.regionId,
        OR: [
          { AND: [documentWhere(scope), { organizationId: school.id }] },
          { municipalityId: school.municipalityId, organizationId: null },
        ],
      },
      select: { id: true },
    });
  const [order, agreement, file, teachers] = await Promise.all([
    input.enrolmentOrderId ? documentOf(input.enrolmentOrderId) : "none",
    input.networkAgreementId ? documentOf(input.networkAgreementId) : "none",
    input.iupFileId
      ? db().storedFile.findFirst({ where: { AND: [{ id: input.iupFileId, regionId: school.regionId }, fileWhere(scope)] }, select: { id: true } })
      : "none",
    input.teacherIds.length
      ? db().dotTeacher.count({ where: { id: { in: input.teacherIds }, organizationId: school.id, schoolYear: input.schoolYear } })
      : 0,
  ]);
  if (!order) throw missing("enrolmentOrderId", "Документ не найден в реестре школы или муниципалитета.");
  if (!agreement) throw missing("networkAgreementId", "Документ не найден в реестре школы или муниципалитета.");
  if (!file) throw missing("iupFileId", "Файл не найден: загрузите его заново.");
  if (teachers !== new Set(input.teacherIds).size) {
    throw missing("teacherIds", "Педагог не найден среди педагогов школы этого учебного года.");
  }
}
