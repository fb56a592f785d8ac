import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import { asJson } from "@/lib/server/db/json";

type Tx = Pick<Prisma.TransactionClient, "answerChange">;

/** Appends to a blank's history: who, when, what, before and after, and how it came when not typed («загружено из Word: …»). */
export async function recordChanges(
  tx: Tx,
  scope: Scope,
  blankId: string,
  changes: Array<{ itemKey: string | null; field: string; before: unknown; after: unknown }>,
  note: string | null = null,
) {
  if (changes.length === 0) return;
  await tx.answerChange.createMany({
    data: changes.map((c) => ({
      blankId,
      itemKey: c.itemKey,
      field: c.field,
      before: c.before === null || c.before === undefined ? undefined : asJson(c.before),
      after: c.after === null || c.after === undefined ? undefined : asJson(c.after),
      userId: scope.userId,
      userName: scope.name,
      note,
    })),
  });
}
