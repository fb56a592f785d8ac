import "server-only";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { actorOfScope } from "@/lib/server/audit/actor-context";
import { recordReads } from "@/lib/server/audit/record-read";
import { db } from "@/lib/server/db/client";
import { findReadableFiles } from "@/lib/server/privacy/file-access";
import { studentReadWhere, studentWriteWhere } from "@/lib/domain/privacy/child-access";

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/**
 * A student's card for the school coordinator or the region's auditor. Every read
 * is logged (who, when), the auditor's too, on the card and in the audit trail;
 * nobody else can tell the card exists.
 */
export async function getStudent(options: { scope: Scope; id: string }) {
  const student = await db().dotStudent.findFirst({
    where: { AND: [{ id: options.id }, studentReadWhere(options.scope)] },
    include: { teachers: { select: { teacher: { select: { id: true, fullName: true, subject: true } } } } },
  });
  if (!student) throw notFound("Запись не найдена.");
  const [, canEdit, school, documents, files] = await Promise.all([
    // The card's own read log and the audit trail's READ event: both or neither.
    db().$transaction(async (tx) => {
      await tx.studentCardRead.create({
        data: {
          studentId: student.id,
          regionId: student.regionId,
          userId: options.scope.userId,
          userName: options.scope.name || options.scope.email,
        },
      });
      await recordReads(tx, actorOfScope(options.scope), [{ entity: "DotStudent", entityId: student.id, regionId: student.regionId }]);
    }),
    db().dotStudent.count({ where: { AND: [{ id: student.id }, studentWriteWhere(options.scope)] } }),
    db().organization.findUnique({
      where: { id: student.organizationId },
      select: { name: true, municipality: { select: { name: true } } },
    }),
    db().registryDocument.findMany({
      where: {
        regionId: student.regionId,
        id: { in: [student.enrolmentOrderId, student.networkAgreementId].filter((id): id is string => !!id) },
      },
      select: { id: true, type: true, issuer: true, date: true, number: true, title: true },
    }),
    findReadableFiles(options.scope, student.iupFileId ? [student.iupFileId] : [], { name: true }),
  ]);
  const doc = (id: string | null) => documents.find((d) => d.id === id) ?? null;
  return {
    id: student.id,
    organizationId: student.organizationId,
    schoolName: school?.name ?? "",
    municipalityName: school?.municipality?.name ?? "",
    schoolYear: student.schoolYear,
    fullName: student.fullName,
    birthDate: day(student.birthDate),
    grade: student.grade,
    enrolmentOrderId: student.enrolmentOrderId,
    enrolmentOrder: doc(student.enrolmentOrderId),
    networkAgreementId: student.networkAgreementId,
    networkAgreement: doc(student.networkAgreementId),
    disabilityConfirmedUntil: day(student.disabilityConfirmedUntil),
    iupPresent: student.iupPresent,
    iupFileId: student.iupFileId,
    iupFile: files[0] ? { id: files[0].id, name: files[0].name } : null,
    timetable: student.timetable,
    status: student.status,
    furtherEducation: student.furtherEducation,
    teachers: student.teachers.map((t) => t.teacher),
    canEdit: canEdit > 0,
  };
}
export type StudentCard = Awaited<ReturnType<typeof getStudent>>;
