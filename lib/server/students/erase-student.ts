import "server-only";
import { notFound } from "@/lib/errors";
import { studentWriteWhere } from "@/lib/domain/privacy/child-access";
import type { Scope } from "@/lib/scope";
import { actorOfScope } from "@/lib/server/audit/actor-context";
import { recordErasure } from "@/lib/server/audit/record-read";
import { db } from "@/lib/server/db/client";
import { storage } from "@/lib/server/files/storage";
import { scrubChildData } from "@/lib/server/privacy/internal/scrub-child-data";

/**
 * Erases a student's record on request (the school coordinator only), all or nothing:
 * the row and its teacher links; every file of the child (the ИУП, earlier ones
 * included) from the database and from storage, local or S3; the child's data in the
 * audit trail's earlier entries, scrubbed to ids. What stays: an ERASE entry (who,
 * when, how many files), the card's read log (who read it, no personal data), and
 * closed campaigns' counts, since blanks store the counts they were scored with.
 * The bytes are removed last inside the transaction: if storage fails, nothing is erased.
 */
export async function eraseStudent(options: { scope: Scope; id: string }) {
  return db().$transaction(
    async (tx) => {
      const student = await tx.dotStudent.findFirst({
        where: { AND: [{ id: options.id }, studentWriteWhere(options.scope)] },
        select: { id: true, regionId: true },
      });
      if (!student) throw notFound("Запись не найдена.");
      const files = await tx.storedFile.findMany({
        where: { regionId: student.regionId, ownerKind: "DOT_STUDENT", ownerId: student.id },
        select: { id: true, storageKey: true },
      });
      const fileIds = files.map((f) => f.id);
      await tx.dotStudent.delete({ where: { id: student.id }, select: { id: true } });
      await tx.storedFile.deleteMany({ where: { id: { in: fileIds } } });
      await scrubChildData(tx, [
        { entity: "DotStudent", ids: [student.id] },
        { entity: "DotStudentTeacher", idPrefix: `${student.id}:` },
        { entity: "StoredFile", ids: fileIds },
      ]);
      await recordErasure(tx, actorOfScope(options.scope), {
        entity: "DotStudent",
        entityId: student.id,
        regionId: student.regionId,
        after: { files: fileIds.length },
      });
      for (const file of files) await storage().remove(file.storageKey);
      return { id: student.id, files: fileIds.length };
    },
    { timeout: 60_000 },
  );
}
