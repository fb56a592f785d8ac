import "server-only";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { studentWriteWhere } from "./student-access";

/**
 * Erases a student's record on request (the school coordinator only): the row and
 * its teacher links go; the card's read log stays (it holds no personal data), and
 * closed campaigns keep their counts, since blanks store the counts they were scored with.
 */
export async function eraseStudent(options: { scope: Scope; id: string }) {
  const student = await db().dotStudent.findFirst({
    where: { AND: [{ id: options.id }, studentWriteWhere(options.scope)] },
    select: { id: true },
  });
  if (!student) throw notFound("Запись не найдена.");
  await db().dotStudent.delete({ where: { id: student.id } });
  return { id: student.id };
}
