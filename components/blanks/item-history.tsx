"use client";

import { useState, useTransition } from "react";
import { itemHistoryAction } from "@/lib/actions/blanks";
import { Button } from "@/components/ui/button";
import { AUDIT_MARK_LABELS, describeAnswer, ZBlankAnswer, type AuditMark } from "@/lib/schemas/blank";

type Entry = {
  id: string;
  field: string;
  before: unknown;
  after: unknown;
  userName: string;
  /** How the change came, when not typed in the form («загружено из Word: …»). */
  note: string | null;
  createdAt: string;
};

function show(field: string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (field === "answer") {
    const parsed = ZBlankAnswer.safeParse(value);
    return parsed.success ? describeAnswer(parsed.data).text || "—" : "—";
  }
  if (field === "mark") {
    const mark = value as { mark: AuditMark; comment: string | null };
    return `${AUDIT_MARK_LABELS[mark.mark]}${mark.comment ? ` (${mark.comment})` : ""}`;
  }
  if (field === "confirmed") return "ответ подтверждён";
  return String(value);
}

const FIELD_LABELS: Record<string, string> = { answer: "Ответ", mark: "Отметка аудитора", confirmed: "Подтверждение" };

/** The changes of one item (who, when, before, after), loaded on demand. */
export function ItemHistory({ blankId, itemKey, label }: { blankId: string; itemKey: string; label: string }) {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const load = () =>
    start(async () => {
      const result = await itemHistoryAction({ blankId, itemKey });
      if (result.ok) setEntries(result.data);
      else setError(result.error.message);
    });
  if (entries === null) {
    return (
      <div>
        <Button type="button" variant="link" size="sm" className="h-auto px-0" onClick={load} disabled={pending}>
          История изменений пункта {label}
        </Button>
        {error && <p className="text-sm text-destructive">{error}</p>}
      </div>
    );
  }
  return (
    <div className="mt-2 rounded-md bg-muted/60 p-3 text-sm">
      <p className="mb-1 font-medium">История изменений пункта {label}</p>
      {entries.length === 0 ? (
        <p className="text-muted-foreground">Изменений не было.</p>
      ) : (
        <ol className="space-y-1">
          {entries.map((e) => (
            <li key={e.id}>
              <time dateTime={e.createdAt}>{new Date(e.createdAt).toLocaleString("ru-RU")}</time>, {e.userName}:{" "}
              {FIELD_LABELS[e.field] ?? e.field}: {show(e.field, e.before)} → {show(e.field, e.after)}
              {e.note && <span className="text-muted-foreground"> ({e.note})</span>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
