import "server-only";
import type { Scope } from "@/lib/scope";
import { actorOfScope, type Actor } from "./actor-context";
import { writeAuditRows } from "./write-audit-rows";

/** A read of personal data: a student's card, or a list of ДОТ records taken away as a file. */
export interface ReadEvent {
  entity: "DotStudent" | "DotTeacher";
  /** The student's id, or EXPORT_ENTITY_ID for a list exported. */
  entityId: string;
  regionId: string;
  /** What was read: the export and its filters (never a searched name). */
  after?: Record<string, unknown> | null;
}

export const EXPORT_ENTITY_ID = "export";

type RawClient = { $executeRawUnsafe(sql: string, ...values: unknown[]): PromiseLike<number> };

/**
 * Appends READ events. Reads are not seen by the write hook (audit-extension.ts), so
 * the operations that read personal data record them here: on `client`, which may be
 * the transaction that also writes the card's own read log.
 */
export async function recordReads(client: RawClient, actor: Actor, events: readonly ReadEvent[]): Promise<void> {
  for (const entity of new Set(events.map((e) => e.entity))) {
    const rows = events
      .filter((e) => e.entity === entity)
      .map((e) => ({ actor, action: "READ" as const, entityId: e.entityId, regionId: e.regionId, parentId: null, before: null, after: e.after ?? null }));
    await writeAuditRows((sql, json) => Promise.resolve(client.$executeRawUnsafe(sql, json)), entity, rows);
  }
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
