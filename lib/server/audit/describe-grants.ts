import "server-only";
import { type Role, ROLE_LABELS } from "@/lib/roles";
import { db } from "@/lib/server/db/client";

interface Stored {
  entity: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const text = (value: unknown) => (typeof value === "string" ? value : null);

/**
 * Role grants in words, for the journal (separation of duties: whoever reads the trail
 * sees who gave whom which role where): «Назначена роль «Аудитор региона»: Иванова
 * Мария (ivanova@…) — Краснодарский край». Names are looked up for the page at once.
 */
export async function describeGrants<R extends { summary: string | null }>(stored: readonly Stored[], rows: R[]): Promise<R[]> {
  const grants = stored.map((e) => (e.entity === "Membership" ? (e.after ?? e.before) : null));
  const ids = (field: string) => [...new Set(grants.flatMap((g) => (text(g?.[field]) ? [text(g?.[field])!] : [])))];
  if (!grants.some(Boolean)) return rows;
  const [users, regions, municipalities, organizations] = await Promise.all([
    db().user.findMany({ where: { id: { in: ids("userId") } }, select: { id: true, name: true, email: true } }),
    db().region.findMany({ where: { id: { in: ids("regionId") } }, select: { id: true, name: true } }),
    db().municipality.findMany({ where: { id: { in: ids("municipalityId") } }, select: { id: true, name: true } }),
    db().organization.findMany({ where: { id: { in: ids("organizationId") } }, select: { id: true, name: true } }),
  ]);
  const names = new Map<string, string>([...regions, ...municipalities, ...organizations].map((o) => [o.id, o.name]));
  const people = new Map(users.map((u) => [u.id, `${u.name} (${u.email})`]));
  return rows.map((row, i) => {
    const grant = grants[i];
    if (!grant) return row;
    const role = ROLE_LABELS[grant.role as Role] ?? String(grant.role);
    const where = names.get(text(grant.organizationId) ?? text(grant.municipalityId) ?? text(grant.regionId) ?? "") ?? "—";
    const who = people.get(text(grant.userId) ?? "") ?? "удалённый пользователь";
    const verb = stored[i]!.action === "DELETE" ? "Снята роль" : stored[i]!.action === "CREATE" ? "Назначена роль" : "Изменена роль";
    return { ...row, summary: `${verb} «${role}»: ${who} — ${where}` };
  });
}
