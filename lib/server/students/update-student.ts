import "server-only";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { TStudentFields } from "@/lib/schemas/student";
import { db } from "@/lib/server/db/client";
import { checkStudentReferences, claimStudentFile } from "./check-student-references";
import { studentData } from "./create-student";
import { studentWriteWhere } from "@/lib/domain/privacy/child-access";

/**
 * The school coordinator corrects a student's record; the teacher links are
 * replaced by the ones given. Anyone else (the auditor included) gets "not found".
 */
export async function updateStudent(options: { scope: Scope; id: string; input: TStudentFields }) {
  const { input } = options;
  const student = await db().dotStudent.findFirst({
    where: { AND: [{ id: options.id }, studentWriteWhere(options.scope)] },
    select: { id: true, regionId: true, municipalityId: true, organizationId: true },
  });
  if (!student) throw notFound("Запись не найдена.");
  const school = { id: student.organizationId, regionId: student.regionId, municipalityId: student.municipalityId };
  await checkStudentReferences({ scope: options.scope, school, input });
  const { teacherIds, ...fields } = input;
  await db().$transaction(async (tx) => {
    await tx.dotStudentTeacher.deleteMany({ where: { studentId: student.id } });
    await tx.dotStudent.update({
      where: { id: student.id },
      data: { ...studentData(fields), teachers: { create: [...new Set(teacherIds)].map((teacherId) => ({ teacherId })) } },
      select: { id: true },
    });
    await claimStudentFile(tx, { scope: options.scope, student, fileId: fields.iupFileId });
  });
  return { id: student.id };
}
