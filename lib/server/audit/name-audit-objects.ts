import "server-only";
import { auditObjectName, type AuditObject, type NamedRow } from "@/lib/domain/audit/audit-objects";
import { db } from "@/lib/server/db/client";

interface Stored {
  entity: string;
  entityId: string;
  /** The event's images, already redacted for the journal. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Only a row's own uuid is looked up: a list's read has "list", a composite key "a:b". */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (value: unknown) => (typeof value === "string" && UUID.test(value) ? value : null);

/**
 * The objects of a page of the journal by name, looked up for the page at once in the
 * reader's regions: «Бланк: Славянский район, кампания «…»», «Документ: Приказ … от … № …»,
 * a user by name. What a name may show is decided by the data classes (auditObjectName
 * redacts the looked-up row as the journal's images are): a child is never named.
 * A row deleted since keeps the name its own image holds.
 */
export async function nameAuditObjects(regions: string[], stored: readonly Stored[]): Promise<AuditObject[]> {
  const ids = (...entities: string[]) => [
    ...new Set(stored.filter((e) => entities.includes(e.entity) && UUID.test(e.entityId)).map((e) => e.entityId)),
  ];
  const blankIds = [
    ...ids("Blank"),
    ...stored.filter((e) => e.entity === "Answer").flatMap((e) => text((e.after ?? e.before)?.blankId) ?? []),
  ];
  const userIds = [
    ...ids("User"),
    ...stored.filter((e) => e.entity === "Membership").flatMap((e) => text((e.after ?? e.before)?.userId) ?? []),
  ];
  const inRegion = { regionId: { in: regions } };
  const [blanks, campaigns, templates, versions, documents, users, plans, events, findings, organizations, municipalities, files] =
    await Promise.all([
      db().blank.findMany({
        where: { id: { in: blankIds }, ...inRegion },
        select: {
          id: true,
          organization: { select: { name: true } },
          municipality: { select: { name: true } },
          campaign: { select: { name: true } },
        },
      }),
      db().campaign.findMany({ where: { id: { in: ids("Campaign") }, ...inRegion }, select: { id: true, name: true } }),
      db().template.findMany({ where: { id: { in: ids("Template") }, ...inRegion }, select: { id: true, name: true } }),
      db().templateVersion.findMany({
        where: { id: { in: ids("TemplateVersion") }, template: inRegion },
        select: { id: true, version: true, template: { select: { name: true } } },
      }),
      db().registryDocument.findMany({
        where: { id: { in: ids("RegistryDocument") }, ...inRegion },
        select: { id: true, type: true, issuer: true, date: true, number: true, title: true, childData: true },
      }),
      db().user.findMany({
        where: { id: { in: userIds }, memberships: { some: inRegion } },
        select: { id: true, name: true },
      }),
      db().plan.findMany({ where: { id: { in: ids("Plan") }, ...inRegion }, select: { id: true, title: true } }),
      db().planEvent.findMany({
        where: { id: { in: ids("PlanEvent") }, plan: inRegion },
        select: { id: true, planId: true, number: true, title: true },
      }),
      db().finding.findMany({
        where: { id: { in: ids("Finding") }, ...inRegion },
        select: { id: true, itemNumber: true, itemTitle: true },
      }),
      db().organization.findMany({ where: { id: { in: ids("Organization") }, ...inRegion }, select: { id: true, name: true } }),
      db().municipality.findMany({ where: { id: { in: ids("Municipality") }, ...inRegion }, select: { id: true, name: true } }),
      db().storedFile.findMany({
        where: { id: { in: ids("StoredFile") }, ...inRegion },
        select: { id: true, name: true, childData: true },
      }),
    ]);
  const found = new Map<string, NamedRow>();
  const put = (entity: string, id: string, row: NamedRow) => found.set(`${entity}:${id}`, row);
  for (const b of blanks) put("Blank", b.id, { participant: b.organization?.name ?? b.municipality.name, campaign: b.campaign.name });
  for (const c of campaigns) put("Campaign", c.id, { name: c.name });
  for (const t of templates) put("Template", t.id, { name: t.name });
  for (const v of versions) put("TemplateVersion", v.id, { name: v.template.name, version: v.version });
  for (const d of documents) put("RegistryDocument", d.id, d);
  for (const u of users) put("User", u.id, { name: u.name });
  for (const p of plans) put("Plan", p.id, { title: p.title });
  for (const e of events) put("PlanEvent", e.id, { planId: e.planId, number: e.number, title: e.title });
  for (const f of findings) put("Finding", f.id, { itemNumber: f.itemNumber, itemTitle: f.itemTitle });
  for (const o of organizations) put("Organization", o.id, { name: o.name });
  for (const m of municipalities) put("Municipality", m.id, { name: m.name });
  for (const f of files) put("StoredFile", f.id, f);
  return stored.map((e) => auditObjectName(e, (entity, id) => found.get(`${entity}:${id}`) ?? null));
}
