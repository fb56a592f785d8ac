import "server-only";
import { childAccess, type ChildDataHolder } from "@/lib/domain/privacy/child-access";
import type { Scope } from "@/lib/scope";
import { actorOfScope } from "@/lib/server/audit/actor-context";
import { LIST_ENTITY_ID, recordReads, type ReadEvent } from "@/lib/server/audit/record-read";
import { db } from "@/lib/server/db/client";

/** A row of a child's data shown in a list, with where it is held. */
export type HeldRow = ChildDataHolder & { id: string };

/**
 * A page of children's records shown to a reader whose every read is logged (the
 * region's auditors, lib/domain/privacy/child-access.ts): one READ event per region with
 * the ids shown and the list's filters (a searched name is kept as «there was a
 * search», never as the name). The school's own coordinator works on its records
 * and is not logged for every page; an empty page is no read.
 */
export async function recordListRead(options: {
  scope: Scope;
  entity: ReadEvent["entity"];
  rows: readonly HeldRow[];
  after: Record<string, unknown>;
}) {
  const logged = options.rows.filter((row) => childAccess(options.scope, row) === "READ_LOGGED");
  if (logged.length === 0) return;
  const regions = [...new Set(logged.map((row) => row.regionId))];
  await recordReads(
    db(),
    actorOfScope(options.scope),
    regions.map((regionId) => ({
      entity: options.entity,
      entityId: LIST_ENTITY_ID,
      regionId,
      after: { ...options.after, shown: logged.filter((row) => row.regionId === regionId).map((row) => row.id) },
    })),
  );
}
