import { fieldLabel, isTechnicalField } from "@/lib/domain/exports/field-labels";
import { formatAuditValue } from "./audit-values";

/** One field of an event as the journal shows it: its Russian name, its value before and after as on screen. */
export interface AuditChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

type Image = Record<string, unknown> | null | undefined;

/** What a read or an erasure recorded, in words (lib/server/audit/record-read.ts writes these keys). */
const DETAIL_LABELS: Record<string, string> = {
  shown: "Показано записей",
  search: "С поиском",
  download: "Скачан файл",
  files: "Удалено файлов",
  format: "Формат",
};

/** A list read records the ids it showed: the journal counts them. */
const detail = (entity: string, field: string, value: unknown) =>
  field === "shown" && Array.isArray(value) ? String(value.length) : formatAuditValue(entity, field, value);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields an event changed, by their Russian names: for an update,
 * those whose value differs; for a creation, every field it set; for a deletion, every
 * field the row had; for a read or an erasure, what it recorded. Ids and keys are left
 * to the technical details (the object itself is named by the row). Pure.
 */
export function auditChanges(entity: string, before: Image, after: Image): AuditChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changes: AuditChange[] = [];
  for (const field of fields) {
    if (isTechnicalField(field) || same(b[field], a[field])) continue;
    const label = fieldLabel(entity, field) ?? DETAIL_LABELS[field];
    if (!label) continue;
    changes.push({
      field,
      label,
      before: detail(entity, field, b[field]),
      after: detail(entity, field, a[field]),
    });
  }
  return changes.filter((c) => c.before !== null || c.after !== null);
}

/** The stored images as JSON, for «технические подробности»: ids and keys included, already redacted. */
export function auditTechnical(before: Image, after: Image): string | null {
  if (!before && !after) return null;
  return JSON.stringify({ до: before ?? null, после: after ?? null }, null, 2);
}
