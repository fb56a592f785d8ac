import "server-only";
import type { Scope } from "@/lib/scope";
import { actorOfScope } from "@/lib/server/audit/actor-context";
import { recordReads } from "@/lib/server/audit/record-read";
import { db } from "@/lib/server/db/client";
import type { FileAccessRow } from "./file-access";

/**
 * A child's file downloaded: recorded like a read of the child's card — on the card's
 * «Кто открывал карточку» (with the file) and as a READ event in the audit trail —
 * both or neither, before the download starts.
 */
export async function recordChildFileRead(scope: Scope, file: FileAccessRow): Promise<void> {
  const reader = { userId: scope.userId, userName: scope.name || scope.email };
  await db().$transaction(async (tx) => {
    if (file.ownerKind === "DOT_STUDENT" && file.ownerId) {
      await tx.studentCardRead.create({
        data: { studentId: file.ownerId, regionId: file.regionId, fileId: file.id, ...reader },
        select: { id: true },
      });
    }
    await recordReads(tx, actorOfScope(scope), [
      {
        entity: "StoredFile",
        entityId: file.id,
        regionId: file.regionId,
        after: { download: true, ownerKind: file.ownerKind, ownerId: file.ownerId },
      },
    ]);
  });
}
