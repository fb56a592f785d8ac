import "server-only";
import { AppError, notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { TTeacherFields } from "@/lib/schemas/student";
import { db } from "@/lib/server/db/client";
import { courseRows, teacherData } from "./create-teacher";
import { teacherWriteWhere } from "@/lib/domain/privacy/child-access";

/** The school coordinator corrects a teacher; the courses are replaced by the ones given. */
export async function updateTeacher(options: { scope: Scope; id: string; input: TTeacherFields }) {
  const { input } = options;
  const teacher = await db().dotTeacher.findFirst({
    where: { AND: [{ id: options.id }, teacherWriteWhere(options.scope)] },
    select: { id: true, schoolYear: true },
  });
  if (!teacher) throw notFound("Запись не найдена.");
  if (input.schoolYear !== teacher.schoolYear && (await db().dotStudentTeacher.count({ where: { teacherId: teacher.id } })) > 0) {
    const message = "Педагог закреплён за обучающимися этого учебного года: сначала снимите закрепление.";
    throw new AppError("CONFLICT", message, { schoolYear: [message] });
  }
  await db().$transaction([
    db().dotTeacherCourse.deleteMany({ where: { teacherId: teacher.id } }),
    db().dotTeacher.update({ where: { id: teacher.id }, data: { ...teacherData(input), courses: { create: courseRows(input.courses) } } }),
  ]);
  return { id: teacher.id };
}
