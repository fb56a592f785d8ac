import "server-only";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { findReadableFiles } from "@/lib/server/privacy/file-access";
import { recordCardRead } from "@/lib/server/privacy/record-card-read";
import { studentReadWhere, studentWriteWhere } from "@/lib/domain/privacy/child-access";

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/**
 * A student's card for the school coordinator or the region's auditor. Every visit
 * is logged (who, when), the auditor's too, on the card and in the audit trail
 * (once per visit: record-card-read.ts); nobody else can tell the card exists.
 */
export async function getStudent(options: { scope: Scope; id: string }) {
  const student = await db().dotStudent.findFirst({
    where: { AND: [{ id: options.id }, studentReadWhere(options.scope)] },
    include: { teachers: { select: { teacher: { select: { id: true, fullName: true, subject: true } } } } },
  });
  if (!student) throw notFound("Запись не найдена.");
  const [, canEdit, school, documents, files] = await Promise.all([
    recordCardRead(options.scope, student),
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
