import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { redact } from "@/lib/domain/audit/audit-policy";

/** The trail's entries of one entity to scrub: rows by id, or (a link's composite key) by the id it starts with. */
export type ScrubTarget = { entity: string; ids: readonly string[] } | { entity: string; idPrefix: string };

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

interface Stored {
  id: string;
  entity: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * Scrubs a child's data from the audit trail's earlier entries of these rows, in the
 * caller's transaction: each before/after image is redacted as a child's row is
 * (lib/domain/privacy/data-classes.ts: the keys and ids stay, every other value becomes
 * «[данные ребёнка скрыты]»). Used when a child's record is erased on request, and
 * when a file becomes a child's (its upload was recorded with its name). The
 * trail's trigger lets only a transaction that says so change an entry, and only
 * its images: who, when, what and which row stay as written. Reads and erasures
 * hold no child's data and are left as they are.
 */
export async function scrubChildData(tx: Tx, targets: readonly ScrubTarget[]): Promise<number> {
  let scrubbed = 0;
  await tx.$executeRaw`SELECT set_config('metodaudit.audit_scrub', 'on', true)`;
  for (const target of targets) {
    const rows =
      "ids" in target
        ? target.ids.length
          ? Prisma.sql`e."entityId" = ANY(${[...target.ids]}::text[])`
          : null
        : Prisma.sql`starts_with(e."entityId", ${target.idPrefix})`;
    if (!rows) continue;
    const events = await tx.$queryRaw<Stored[]>`
      SELECT e."id"::text AS "id", e."entity", e."before", e."after" FROM "AuditEvent" e
      WHERE e."entity" = ${target.entity} AND ${rows} AND e."action" IN ('CREATE', 'UPDATE', 'DELETE')`;
    const changed = events
      .map((e) => ({ id: e.id, before: redact(e.entity, e.before, null, true), after: redact(e.entity, e.after, e.before, true) }))
      .filter((e, i) => JSON.stringify([e.before, e.after]) !== JSON.stringify([events[i]!.before, events[i]!.after]));
    if (changed.length === 0) continue;
    scrubbed += await tx.$executeRaw`
      UPDATE "AuditEvent" AS e SET "before" = r."before", "after" = r."after"
      FROM jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) AS r("id" uuid, "before" jsonb, "after" jsonb)
      WHERE e."id" = r."id"`;
  }
  await tx.$executeRaw`SELECT set_config('metodaudit.audit_scrub', 'off', true)`;
  return scrubbed;
}
