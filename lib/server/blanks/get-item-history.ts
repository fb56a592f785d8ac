import "server-only";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { blankWhere } from "./blank-access";
import { loadBlankFor } from "./internal/load-blank-for";

/** Every change of one item's answer and mark, newest first. */
export async function getItemHistory(options: { scope: Scope; blankId: string; itemKey: string }) {
  await loadBlankFor(options.blankId, blankWhere(options.scope));
  return db().answerChange.findMany({
    where: { blankId: options.blankId, itemKey: options.itemKey },
    orderBy: { createdAt: "desc" },
    select: { id: true, field: true, before: true, after: true, userName: true, note: true, createdAt: true },
  });
}
