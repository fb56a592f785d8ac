import "server-only";
import { Prisma, type AuditAction } from "@/lib/generated/prisma/client";
import { keysetBatchesOf, pageOf, type KeysetSource, type KeysetWindow, type Page } from "@/lib/paging";
import { staffRegionIds, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { likePattern } from "@/lib/like-pattern";
import { isChildRow } from "@/lib/domain/privacy/data-classes";
import { auditChanges, auditTechnical, type AuditChange } from "@/lib/domain/audit/audit-changes";
import type { AuditObject } from "@/lib/domain/audit/audit-objects";
import { redact } from "@/lib/domain/audit/audit-policy";
import { describeGrants } from "./describe-grants";
import { nameAuditObjects } from "./name-audit-objects";
import type { TAuditListQuery } from "@/lib/schemas/audit";
import { REGION_ADMINS } from "@/lib/roles";

export interface AuditEventRow {
  id: string;
  /** ISO time of the write. */
  at: string;
  actorId: string | null;
  actorName: string;
  action: AuditAction;
  entity: string;
  entityId: string;
  /** The object by name, with its page (lib/domain/audit/audit-objects.ts). */
  object: AuditObject;
  /** The fields the event changed by their Russian names, before and after as on screen (lib/domain/audit/audit-changes.ts). */
  changes: AuditChange[];
  /** The stored images as JSON (redacted), for «технические подробности». */
  technical: string | null;
  /** The event in words, where ids alone would not say it: a role granted or taken away. */
  summary: string | null;
}

interface RawRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: AuditAction;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

type ListOptions = { scope: Scope; query: TAuditListQuery };

/**
 * «Журнал изменений» of a region admin, paged, filtered and newest first in the database.
 *
 * What a region admin sees: the events of their region(s) (the event's regionId: the
 * row's own region, or its parent's — an answer's blank's, a plan event's plan's);
 * and the events of users — who belong to no region — while the user holds a role
 * in one of their regions (a user's events are seen by the admins of every region
 * the user works in, and no longer by a region the user has left). Nobody else.
 */
export async function listAuditEvents(options: ListOptions): Promise<Page<AuditEventRow>> {
  const { query } = options;
  return pageOf(auditSource(options.scope, query), query);
}

/** The same list, every row, read by key (at, id) a batch at a time: what its export writes. */
export function iterateAuditEvents(options: ListOptions & { batchSize?: number }): AsyncIterable<AuditEventRow[]> {
  return keysetBatchesOf(auditSource(options.scope, options.query), options.batchSize);
}

const all = (conditions: Prisma.Sql[]) => Prisma.join(conditions, " AND ");

/**
 * The visible events as separate branches, each a walk of one index in time order
 * (regionId, at) and (entity, entityId, at): a UNION ALL of them stops after a page's
 * rows, where one OR over both would sort the whole region's trail.
 */
function branches(scope: Scope, query: TAuditListQuery): Prisma.Sql[] {
  const regions = staffRegionIds(scope, REGION_ADMINS);
  if (regions.length === 0) return [];
  const filters: Prisma.Sql[] = [];
  // A period of Moscow days, as the journal shows times.
  if (query.from) filters.push(Prisma.sql`e."at" >= (${query.from}::date::timestamp AT TIME ZONE 'Europe/Moscow')`);
  if (query.to) filters.push(Prisma.sql`e."at" < ((${query.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Moscow')`);
  if (query.action) filters.push(Prisma.sql`e."action" = ${query.action}::"AuditAction"`);
  if (query.entity) filters.push(Prisma.sql`e."entity" = ${query.entity}`);
  if (query.entityId) filters.push(Prisma.sql`e."entityId" = ${query.entityId}`);
  if (query.q) filters.push(Prisma.sql`e."actorName" ILIKE ${likePattern(query.q)}`);
  const own = all([Prisma.sql`e."regionId" = ANY(${regions}::uuid[])`, ...filters]);
  if (query.entity && query.entity !== "User") return [own];
  const users = all([
    Prisma.sql`e."regionId" IS NULL AND e."entity" = 'User'`,
    Prisma.sql`e."entityId" IN (SELECT m."userId"::text FROM "Membership" m WHERE m."regionId" = ANY(${regions}::uuid[]))`,
    ...filters,
  ]);
  return [own, users];
}

const COLUMNS = Prisma.sql`e."id"::text AS "id", e."at", e."actorId"::text AS "actorId", e."actorName", e."action"::text AS "action", e."entity", e."entityId", e."before", e."after"`;

/**
 * An event as the journal shows it. Its images are redacted again by class, as they
 * were when written (lib/domain/privacy/data-classes.ts): an entry written before a row
 * became a child's, or before a class was declared, shows no more than a new one.
 * Reads and erasures hold no row images, only what the app wrote of them.
 */
function shownImages(r: RawRow): RawRow {
  const written = r.action !== "READ" && r.action !== "ERASE";
  if (!written) return r;
  const child = isChildRow(r.entity, r.before) || isChildRow(r.entity, r.after);
  return { ...r, before: redact(r.entity, r.before, null, child), after: redact(r.entity, r.after, r.before, child) };
}

function toRow(r: RawRow, object: AuditObject): AuditEventRow {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    object,
    changes: auditChanges(r.entity, r.before, r.after),
    technical: auditTechnical(r.before, r.after),
    summary: null,
  };
}

function auditSource(scope: Scope, query: TAuditListQuery): KeysetSource<AuditEventRow> {
  const parts = branches(scope, query);
  const regions = staffRegionIds(scope, REGION_ADMINS);
  const desc = query.dir === "desc";
  const dir = Prisma.raw(desc ? "DESC" : "ASC");
  const order = Prisma.sql`ORDER BY "at" ${dir}, "id" ${dir}`;

  const read = async (limit: number, offset: number, after: AuditEventRow | null): Promise<AuditEventRow[]> => {
    if (parts.length === 0) return [];
    const next = after
      ? [Prisma.sql`(e."at", e."id") ${Prisma.raw(desc ? "<" : ">")} (${new Date(after.at)}::timestamptz, ${after.id}::uuid)`]
      : [];
    // Each branch yields at most the rows up to the window's end, in the list's order.
    const selects = parts.map(
      (where) => Prisma.sql`(SELECT ${COLUMNS} FROM "AuditEvent" e WHERE ${all([where, ...next])}
        ORDER BY e."at" ${dir}, e."id" ${dir} LIMIT ${offset + limit})`,
    );
    const stored = await db().$queryRaw<RawRow[]>(Prisma.sql`
      SELECT * FROM (${Prisma.join(selects, " UNION ALL ")}) "events" ${order} LIMIT ${limit} OFFSET ${offset}`);
    const rows = stored.map(shownImages);
    const objects = await nameAuditObjects(regions, rows);
    return describeGrants(
      rows,
      rows.map((r, i) => toRow(r, objects[i]!)),
    );
  };

  return {
    count: async () => {
      if (parts.length === 0) return 0;
      const counts = parts.map((where) => Prisma.sql`(SELECT count(*) FROM "AuditEvent" e WHERE ${where})`);
      const [row] = await db().$queryRaw<[{ total: number }]>`SELECT (${Prisma.join(counts, " + ")})::int AS "total"`;
      return row.total;
    },
    read: (window) => read(window.take, window.skip, null),
    readAfter: (window: KeysetWindow<AuditEventRow>) => read(window.take, 0, window.after),
  };
}
