import "server-only";
import type { AuditAction } from "@/lib/generated/prisma/client";
import type { Actor } from "./actor-context";
import { auditEventId } from "./audit-id";
import { regionSource } from "@/lib/domain/audit/audit-policy";

/** One event to append; before and after are already redacted (audit-policy.ts). */
export interface AuditRow {
  actor: Actor;
  action: AuditAction;
  /** The model written (audit-policy.ts names each). */
  entity: string;
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
 * The INSERT of events of the given entities: all rows in one statement, read from a
 * single JSON parameter, the region of a child row (an answer, a plan's event) looked
 * up from its parent in the same statement. `at` is the moment of the write
 * (clock_timestamp), not the start of a long transaction.
 */
function insertSql(entities: readonly string[]): string {
  const key = entities.join(",");
  let sql = sqlCache.get(key);
  if (!sql) {
    const parents = entities.flatMap((entity) => {
      const source = regionSource(entity);
      return source.kind === "parent" ? [`WHEN '${entity}' THEN ${source.sql}`] : [];
    });
    const region = parents.length ? `COALESCE(r."regionId", CASE r."entity" ${parents.join(" ")} END)` : `r."regionId"`;
    sql = `INSERT INTO "AuditEvent" ("id", "at", "actorId", "actorName", "regionId", "action", "entity", "entityId", "before", "after")
SELECT r."id", clock_timestamp(), r."actorId", r."actorName", ${region}, r."action"::"AuditAction", r."entity", r."entityId", r."before", r."after"
FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "actorId" uuid, "actorName" text, "regionId" uuid, "parentId" uuid, "action" text, "entity" text, "entityId" text, "before" jsonb, "after" jsonb)`;
    sqlCache.set(key, sql);
  }
  return sql;
}

/**
 * Appends events, of one entity or several (a transaction's writes: a blank claimed and its
 * answers), their ids in the order given; one statement per AUDIT_INSERT_CHUNK rows.
 */
export async function writeAuditRows(exec: RawExecutor, rows: readonly AuditRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += AUDIT_INSERT_CHUNK) {
    const chunk = rows.slice(i, i + AUDIT_INSERT_CHUNK);
    const sql = insertSql([...new Set(chunk.map((row) => row.entity))].sort());
    const json = chunk.map((row) => ({
      id: auditEventId(),
      actorId: row.actor.id,
      actorName: row.actor.name,
      regionId: row.regionId,
      parentId: row.parentId,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
    }));
    await exec(sql, JSON.stringify(json));
  }
}
