import "server-only";
import { visitStart } from "@/lib/domain/privacy/card-visit";
import type { Scope } from "@/lib/scope";
import { actorOfScope } from "@/lib/server/audit/actor-context";
import { recordReads } from "@/lib/server/audit/record-read";
import { db } from "@/lib/server/db/client";

/**
 * A child's card shown to its reader: on the card's «Кто открывал карточку» and as a READ
 * event in the audit trail, both or neither, once per visit (lib/domain/privacy/card-visit.ts).
 * Two renders of one visit at once (a save answers with the page while the browser
 * refreshes it) take turns on a lock, so the second sees the first's entry.
 */
export async function recordCardRead(scope: Scope, student: { id: string; regionId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`card-read:${scope.userId}:${student.id}`}))`;
    const sameVisit = await tx.studentCardRead.count({
      where: { studentId: student.id, userId: scope.userId, fileId: null, readAt: { gte: visitStart(new Date()) } },
    });
    if (sameVisit > 0) return;
    await tx.studentCardRead.create({
      data: { studentId: student.id, regionId: student.regionId, userId: scope.userId, userName: scope.name || scope.email },
      select: { id: true },
    });
    await recordReads(tx, actorOfScope(scope), [{ entity: "DotStudent", entityId: student.id, regionId: student.regionId }]);
  });
}
