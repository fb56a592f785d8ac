import "server-only";
import type { AuditAction } from "@/lib/generated/prisma/client";
import type { Actor } from "./actor-context";
import { auditEventId } from "./audit-id";
import { regionSource } from "@/lib/domain/audit/audit-policy";

/** One event to append; before and after are already redacted (audit-policy.ts). */
export interface AuditRow {
  actor: Actor;
  action: AuditAction;
  entityId: string;
  /** The row's own region, when it has one. */
  regionId: string | null;
  /** The parent row whose region is the event's, for rows without a regionId of their own. */
  parentId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Runs one statement with one JSON parameter: on the client, or inside the caller's transaction. */
export type RawExecutor = (sql: string, json: string) => Promise<number>;

/** Events per INSERT: a *Many write of thousands of rows is a few statements, each of bounded size. */
export const AUDIT_INSERT_CHUNK = 1000;

const sqlCache = new Map<string, string>();

/**
 * The INSERT of one entity's events: all rows in one statement, read from a single
 * JSON parameter, the region of a child row (an answer, a plan's event) looked up
 * from its parent in the same statement. `at` is the moment of the write
 * (clock_timestamp), not the start of a long transaction.
 */
function insertSql(entity: string): string {
  let sql = sqlCache.get(entity);
  if (!sql) {
    const source = regionSource(entity);
    const region = source.kind === "parent" ? `COALESCE(r."regionId", ${source.sql})` : `r."regionId"`;
    sql = `INSERT INTO "AuditEvent" ("id", "at", "actorId", "actorName", "regionId", "action", "entity", "entityId", "before", "after")
SELECT r."id", clock_timestamp(), r."actorId", r."actorName", ${region}, r."action"::"AuditAction", r."entity", r."entityId", r."before", r."after"
FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "actorId" uuid, "actorName" text, "regionId" uuid, "parentId" uuid, "action" text, "entity" text, "entityId" text, "before" jsonb, "after" jsonb)`;
    sqlCache.set(entity, sql);
  }
  return sql;
}

/** Appends the events of one entity's write; one statement per AUDIT_INSERT_CHUNK rows. */
export async function writeAuditRows(exec: RawExecutor, entity: string, rows: readonly AuditRow[]): Promise<void> {
  const sql = insertSql(entity);
  for (let i = 0; i < rows.length; i += AUDIT_INSERT_CHUNK) {
    const chunk = rows.slice(i, i + AUDIT_INSERT_CHUNK).map((row) => ({
      id: auditEventId(),
      actorId: row.actor.id,
      actorName: row.actor.name,
      regionId: row.regionId,
      parentId: row.parentId,
      action: row.action,
      entity,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
    }));
    await exec(sql, JSON.stringify(chunk));
  }
}
