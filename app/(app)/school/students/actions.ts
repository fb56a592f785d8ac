"use server";

import { revalidatePath } from "next/cache";
import { scopedAction } from "@/lib/server/auth/with-scope";
import { idParam } from "@/lib/server/http/params";
import { createStudent } from "@/lib/server/students/create-student";
import { createTeacher } from "@/lib/server/students/create-teacher";
import { eraseStudent } from "@/lib/server/students/erase-student";
import { updateStudent } from "@/lib/server/students/update-student";
import { updateTeacher } from "@/lib/server/students/update-teacher";

// Only school coordinators write ДОТ records; the operations check the school again.
const WRITERS = { role: ["SCHOOL_COORDINATOR"] as const };

export async function createStudentAction(input: unknown) {
  return scopedAction(async (data, scope) => {
    const student = await createStudent({ scope, input: data });
    revalidatePath("/school/students");
    return { id: student.id };
  }, WRITERS)(input);
}

export async function updateStudentAction(input: { id: string; values: unknown }) {
  return scopedAction(async (data: typeof input, scope) => {
    await updateStudent({ scope, id: idParam(String(data.id)), input: data.values });
    revalidatePath(`/students/${data.id}`);
    revalidatePath("/school/students");
    return null;
  }, WRITERS)(input);
}

export async function eraseStudentAction(input: { id: string }) {
  return scopedAction(async (data: typeof input, scope) => {
    await eraseStudent({ scope, id: idParam(String(data.id)) });
    revalidatePath("/school/students");
    return null;
  }, WRITERS)(input);
}

export async function saveTeacherAction(input: { id: string | null; values: unknown }) {
  return scopedAction(async (data: typeof input, scope) => {
    const saved = data.id
      ? await updateTeacher({ scope, id: idParam(String(data.id)), input: data.values })
      : await createTeacher({ scope, input: data.values });
    revalidatePath("/school/students/teachers");
    return { id: saved.id };
  }, WRITERS)(input);
}
