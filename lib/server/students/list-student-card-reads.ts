import "server-only";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { studentReadWhere } from "@/lib/domain/privacy/child-access";

/** «Кто открывал карточку»: the card's read log (views and downloads of the child's files), newest first, for those who may read the card. */
export async function listStudentCardReads(options: { scope: Scope; studentId: string }) {
  const student = await db().dotStudent.findFirst({
    where: { AND: [{ id: options.studentId }, studentReadWhere(options.scope)] },
    select: { id: true, regionId: true },
  });
  if (!student) throw notFound("Запись не найдена.");
  return db().studentCardRead.findMany({
    where: { studentId: student.id, regionId: student.regionId },
    orderBy: [{ readAt: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, userId: true, userName: true, readAt: true, fileId: true },
  });
}
