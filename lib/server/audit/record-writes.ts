import "server-only";
import type { AuditAction } from "@/lib/generated/prisma/client";
import { keyFields, redact, regionSource } from "@/lib/domain/audit/audit-policy";
import { isChildRow } from "@/lib/domain/privacy/data-classes";
import { currentActor, type Actor } from "./actor-context";
import { keepRawWriteEvents } from "./audit-extension";
import type { AuditRow } from "./write-audit-rows";

type Row = Record<string, unknown>;

/** One row written: its before- and after-images, every column of the model. */
export interface WriteEvent {
  action: AuditAction;
  row: Row;
  before: Row | null;
  after: Row | null;
}

/** The event's entity id: the row's key, its fields joined when it has several. */
export function entityIdOf(model: string, row: Row): string {
  return keyFields(model)
    .map((k) => String(row[k]))
    .join(":");
}

/**
 * The trail's rows for writes of one model: redacted by audit-policy.ts, the region from the
 * row's own column or its parent, and an update that changed nothing left out. The write hook
 * (audit-extension.ts) and recordWrites below build them the same way.
 */
export function auditRowsOf(model: string, actor: Actor, events: readonly WriteEvent[]): AuditRow[] {
  const source = regionSource(model);
  const rows: AuditRow[] = [];
  for (const e of events) {
    // A row that holds a child's data on either side of the write is redacted as such on both.
    const child = isChildRow(model, e.before) || isChildRow(model, e.after);
    const before = redact(model, e.before, null, child);
    const after = redact(model, e.after, e.before, child);
    if (e.action === "UPDATE" && JSON.stringify(before) === JSON.stringify(after)) continue;
    rows.push({
      actor,
      action: e.action,
      entity: model,
      entityId: entityIdOf(model, e.row),
      regionId:
        source.kind === "column" ? ((e.row.regionId as string | undefined) ?? null) : source.kind === "self" ? String(e.row.id) : null,
      parentId: source.kind === "parent" ? ((e.row[source.fk] as string | null | undefined) ?? null) : null,
      before,
      after,
    });
  }
  return rows;
}

/**
 * Records writes made in raw SQL, which the write hook does not see (a hot path that writes
 * many rows in one statement: the autosave, lib/server/blanks/internal/write-answers.ts), as
 * the hook would have: the current actor, the same rows, appended with the transaction's other
 * events in its one INSERT when its callback returns — so they share the writes' fate. `tx` is
 * the client `db().$transaction(async (tx) => …)` gave the callback.
 */
export function recordWrites(tx: object, writes: ReadonlyArray<{ model: string; events: readonly WriteEvent[] }>): void {
  const actor = currentActor();
  keepRawWriteEvents(
    tx,
    writes.flatMap((w) => auditRowsOf(w.model, actor, w.events)),
  );
}
