import "server-only";
import type { Scope } from "@/lib/scope";
import type { TStudentFields, TStudentCreate } from "@/lib/schemas/student";
import { db } from "@/lib/server/db/client";
import { checkStudentReferences, claimStudentFile } from "./check-student-references";
import { resolveStudentSchool } from "./resolve-student-school";

/** A school coordinator adds a student taught at home with ДОТ to their school's records. */
export async function createStudent(options: { scope: Scope; input: TStudentCreate }) {
  const { input } = options;
  const school = await resolveStudentSchool({ scope: options.scope, organizationId: input.organizationId });
  await checkStudentReferences({ scope: options.scope, school, input });
  const { organizationId: _, teacherIds, ...fields } = input;
  return db().$transaction(async (tx) => {
    const student = await tx.dotStudent.create({
      data: {
        ...studentData(fields),
        regionId: school.regionId,
        municipalityId: school.municipalityId,
        organizationId: school.id,
        teachers: { create: [...new Set(teacherIds)].map((teacherId) => ({ teacherId })) },
      },
      select: { id: true, regionId: true },
    });
    await claimStudentFile(tx, { scope: options.scope, student, fileId: fields.iupFileId });
    return { id: student.id };
  });
}

/** The stored columns of the validated fields (dates as Date). */
export function studentData(fields: Omit<TStudentFields, "teacherIds">) {
  return {
    schoolYear: fields.schoolYear,
    fullName: fields.fullName,
    birthDate: fields.birthDate ? new Date(fields.birthDate) : null,
    grade: fields.grade,
    enrolmentOrderId: fields.enrolmentOrderId,
    networkAgreementId: fields.networkAgreementId,
    disabilityConfirmedUntil: fields.disabilityConfirmedUntil ? new Date(fields.disabilityConfirmedUntil) : null,
    iupPresent: fields.iupPresent,
    iupFileId: fields.iupFileId,
    timetable: fields.timetable,
    status: fields.status,
    furtherEducation: fields.status === "GRADUATED" ? fields.furtherEducation : null,
  };
}
