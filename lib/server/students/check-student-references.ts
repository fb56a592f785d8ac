import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import type { TStudentFields } from "@/lib/schemas/student";
import { db } from "@/lib/server/db/client";
import { documentWhere } from "@/lib/server/documents/document-access";
import { claimFile } from "@/lib/server/privacy/internal/claim-file";
import type { StudentSchool } from "./resolve-student-school";

const missing = (field: string, message: string) => new AppError("NOT_FOUND", "Запись не найдена.", { [field]: [message] });

/**
 * The ids a student record points at must be the school's own: registry documents
 * of the school (as the caller may read them) or of its municipality itself, and
 * teachers of the same school and school year. The ИУП file is claimed by the record
 * when it is saved (claimStudentFile).
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
  const [order, agreement, teachers] = await Promise.all([
    input.enrolmentOrderId ? documentOf(input.enrolmentOrderId) : "none",
    input.networkAgreementId ? documentOf(input.networkAgreementId) : "none",
    input.teacherIds.length
      ? db().dotTeacher.count({ where: { id: { in: input.teacherIds }, organizationId: school.id, schoolYear: input.schoolYear } })
      : 0,
  ]);
  if (!order) throw missing("enrolmentOrderId", "Документ не найден в реестре школы или муниципалитета.");
  if (!agreement) throw missing("networkAgreementId", "Документ не найден в реестре школы или муниципалитета.");
  if (teachers !== new Set(input.teacherIds).size) {
    throw missing("teacherIds", "Педагог не найден среди педагогов школы этого учебного года.");
  }
}

/** The record's ИУП becomes a child's file of this record: a file the caller just uploaded, or the record's own. */
export async function claimStudentFile(
  tx: Prisma.TransactionClient,
  options: { scope: Scope; student: { id: string; regionId: string }; fileId: string | null },
) {
  if (!options.fileId) return;
  const owner = { kind: "DOT_STUDENT" as const, id: options.student.id, regionId: options.student.regionId };
  await claimFile(tx, { scope: options.scope, fileId: options.fileId, owner, childData: true, field: "iupFileId" });
}
