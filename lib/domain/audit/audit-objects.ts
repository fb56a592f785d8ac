/**
 * What a journal entry is about, in words and with a link to its page: «Бланк:
 * Славянский район, кампания «…»», «Документ: Приказ … от … № …». Every name passes
 * through the journal's redaction (audit-policy.ts, by the data classes), so what the
 * journal may not show — a child's data, the ДОТ teachers' names — is never a name
 * here either: a student is «Обучающийся (ДОТ)», and has no link. Pure.
 */
import { CHILD_HIDDEN, CHILD_HIDDEN_CHANGED, HIDDEN, HIDDEN_CHANGED, redact } from "./audit-policy";
import { auditEntityLabel } from "@/lib/domain/exports/lists/audit";
import { describeRequisites } from "@/lib/schemas/document";

export interface AuditObject {
  label: string;
  href: string | null;
}

/** The fields a name is made of, as the database holds them. */
export type NamedRow = Record<string, unknown>;

interface Entry {
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const MARKERS = new Set([HIDDEN, HIDDEN_CHANGED, CHILD_HIDDEN, CHILD_HIDDEN_CHANGED]);

/** The row's fields the journal may show, as text; hidden ones dropped. */
function shown(entity: string, row: NamedRow | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(redact(entity, row) ?? {})) {
    if (value === null || value === undefined || MARKERS.has(value as string)) continue;
    out[key] = typeof value === "string" ? value : String(value);
  }
  return out;
}

const joined = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(" ");

/** A list shown or exported (record-read.ts): not one row. */
const LIST_IDS: Record<string, string> = { list: "Список", export: "Выгрузка списка" };

type Lookup = (entity: string, id: string) => NamedRow | null;

/** The name and page of `entry`'s object: `lookup` gives the row as it is now, or null if it is gone. */
export function auditObjectName(entry: Entry, lookup: Lookup): AuditObject {
  const kind = auditEntityLabel(entry.entity);
  if (LIST_IDS[entry.entityId]) return { label: `${LIST_IDS[entry.entityId]}: ${kind}`, href: null };
  const image = entry.after ?? entry.before ?? {};
  const current = lookup(entry.entity, entry.entityId);
  const row = shown(entry.entity, current ?? image);
  const named = (name: string | undefined, href: string | null) => ({
    label: name ? `${kind}: ${name}` : kind,
    href: current ? href : null,
  });
  const id = entry.entityId;
  switch (entry.entity) {
    case "Blank":
      return named(row.participant && `${row.participant}, кампания «${row.campaign}»`, `/blanks/${id}`);
    case "Answer": {
      const blankId = typeof image.blankId === "string" ? image.blankId : null;
      const blank = shown("Blank", blankId ? lookup("Blank", blankId) : null);
      return {
        label: blank.participant ? `${kind}: ${blank.participant}, кампания «${blank.campaign}»` : kind,
        href: blank.participant ? `/blanks/${blankId}` : null,
      };
    }
    case "Membership": {
      const userId = typeof image.userId === "string" ? image.userId : null;
      const user = shown("User", userId ? lookup("User", userId) : null);
      return { label: user.name ? `${kind}: ${user.name}` : kind, href: user.name ? `/region/users/${userId}` : null };
    }
    case "RegistryDocument": {
      if (!row.title && !row.number && !row.date) return named(row.type && `${row.type} (реквизиты скрыты)`, null);
      const requisites = describeRequisites({
        type: row.type ?? "",
        issuer: row.issuer ?? null,
        date: row.date?.slice(0, 10) ?? null,
        number: row.number ?? null,
        title: null,
      });
      return { label: `Документ: ${requisites}`, href: current ? `/documents/${id}` : null };
    }
    case "Campaign":
      return named(row.name, `/campaigns/${id}`);
    case "TemplateVersion":
      return named(row.name && `${row.name}, версия ${row.version}`, `/region/templates/${id}`);
    case "User":
      return named(row.name, `/region/users/${id}`);
    case "Plan":
      return named(row.title, `/plans/${id}`);
    case "PlanEvent":
      return named(joined(row.number, row.title), `/plans/${row.planId}/events/${id}`);
    case "Finding":
      return named(joined(row.itemNumber, row.itemTitle), `/findings/${id}`);
    case "Organization":
      return named(row.name, `/organizations/${id}`);
    case "Municipality":
      return named(row.name, `/municipalities/${id}`);
    default:
      // Files are never linked: a download of a child's file is a logged read.
      return { label: row.name || row.title ? `${kind}: ${row.name ?? row.title}` : kind, href: null };
  }
}
