/** One field of an event as the journal shows it: its value before and after, as text. */
export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

type Image = Record<string, unknown> | null | undefined;

const text = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value);

/**
 * The fields an event changed: for an update, those whose value differs; for a
 * creation, every field it set; for a deletion, every field the row had; for a
 * read, what was read. Fields a created or deleted row had no value in (null) are left out. Pure.
 */
export function auditChanges(before: Image, after: Image): AuditChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const was = text(b[field]);
    const is = text(a[field]);
    if (was === is) continue;
    if (before && after) changes.push({ field, before: was, after: is });
    else if (was !== null || is !== null) changes.push({ field, before: was, after: is });
  }
  return changes;
}
