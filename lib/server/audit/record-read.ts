import "server-only";
import type { Scope } from "@/lib/scope";
import { actorOfScope, type Actor } from "./actor-context";
import { writeAuditRows } from "./write-audit-rows";

/**
 * A read of personal data (a student's card, a child's file downloaded, a list of ДОТ
 * records shown or taken away as a file), or an erasure of a child's record on request.
 */
export interface ReadEvent {
  entity: "DotStudent" | "DotTeacher" | "StoredFile" | "RegistryDocument";
  /** The row's id, or EXPORT_ENTITY_ID for a list exported, LIST_ENTITY_ID for a list shown. */
  entityId: string;
  regionId: string;
  /** What was read: the export and its filters (never a searched name), the ids shown, the file's owner. */
  after?: Record<string, unknown> | null;
}

export const EXPORT_ENTITY_ID = "export";
export const LIST_ENTITY_ID = "list";

type RawClient = { $executeRawUnsafe(sql: string, ...values: unknown[]): PromiseLike<number> };

/**
 * Appends events the write hook (audit-extension.ts) does not see: on `client`, which
 * may be the transaction that also writes the card's own read log or erases the record.
 */
async function appendEvents(client: RawClient, actor: Actor, action: "READ" | "ERASE", events: readonly ReadEvent[]): Promise<void> {
  const rows = events.map((e) => ({
    actor,
    action,
    entity: e.entity,
    entityId: e.entityId,
    regionId: e.regionId,
    parentId: null,
    before: null,
    after: e.after ?? null,
  }));
  await writeAuditRows((sql, json) => Promise.resolve(client.$executeRawUnsafe(sql, json)), rows);
}

/** Appends READ events: the operations that read personal data record them here. */
export function recordReads(client: RawClient, actor: Actor, events: readonly ReadEvent[]): Promise<void> {
  return appendEvents(client, actor, "READ", events);
}

/** Appends the ERASE event of a child's record erased on request: who and when; the child's data is gone. */
export function recordErasure(client: RawClient, actor: Actor, event: ReadEvent): Promise<void> {
  return appendEvents(client, actor, "ERASE", [event]);
}

/**
 * The filters of an exported list as the trail keeps them: a search text is personal
 * data (a name typed in), so only whether there was one is kept.
 */
export function exportFilters(query: Record<string, unknown>): Record<string, unknown> {
  const { q, page: _page, pageSize: _pageSize, ...rest } = query;
  const kept = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== ""));
  return { ...kept, search: typeof q === "string" && q.trim() !== "" };
}

/**
 * An export's rows, preceded by its READ event (one per region the exporter reads in):
 * the event is written when the file starts, before the first row leaves the
 * database; if it cannot be written, no row is read.
 */
export async function* readLoggedExport<T>(
  options: { client: RawClient; scope: Scope; entity: ReadEvent["entity"]; after: Record<string, unknown> },
  batches: AsyncIterable<T>,
): AsyncGenerator<T> {
  const regions = [...new Set(options.scope.memberships.map((m) => m.regionId))];
  await recordReads(
    options.client,
    actorOfScope(options.scope),
    regions.map((regionId) => ({ entity: options.entity, entityId: EXPORT_ENTITY_ID, regionId, after: options.after })),
  );
  yield* batches;
}
