"use server";

import { revalidatePath } from "next/cache";
import { SCHOOL_COORDINATORS } from "@/lib/roles";
import { ZStudentCreate, ZStudentRef, ZStudentUpdate, ZTeacherCreate, ZTeacherUpdate } from "@/lib/schemas/student";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { createStudent } from "@/lib/server/students/create-student";
import { createTeacher } from "@/lib/server/students/create-teacher";
import { eraseStudent } from "@/lib/server/students/erase-student";
import { updateStudent } from "@/lib/server/students/update-student";
import { updateTeacher } from "@/lib/server/students/update-teacher";

// Only school coordinators write ДОТ records; the operations check the school again.
const WRITERS = { role: SCHOOL_COORDINATORS };

export const createStudentAction = scopedAction(ZStudentCreate, WRITERS, async (input, scope) => {
  const student = await createStudent({ scope, input });
  revalidatePath("/school/students");
  return { id: student.id };
});

export const updateStudentAction = scopedAction(ZStudentUpdate, WRITERS, async ({ studentId, ...input }, scope) => {
  await updateStudent({ scope, id: idParam(studentId), input });
  revalidatePath(`/students/${studentId}`);
  revalidatePath("/school/students");
  return null;
});

export const eraseStudentAction = scopedAction(ZStudentRef, WRITERS, async ({ studentId }, scope) => {
  await eraseStudent({ scope, id: idParam(studentId) });
  revalidatePath("/school/students");
  return null;
});

export const createTeacherAction = scopedAction(ZTeacherCreate, WRITERS, async (input, scope) => {
  const teacher = await createTeacher({ scope, input });
  revalidatePath("/school/students/teachers");
  return { id: teacher.id };
});

export const updateTeacherAction = scopedAction(ZTeacherUpdate, WRITERS, async ({ teacherId, ...input }, scope) => {
  const teacher = await updateTeacher({ scope, id: idParam(teacherId), input });
  revalidatePath("/school/students/teachers");
  return { id: teacher.id };
});
