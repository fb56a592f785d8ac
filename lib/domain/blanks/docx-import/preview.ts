/**
 * A filled Word blank, read against the blank's template and its current answers: item by
 * item what was read, what it would change and what could not be read and why; the rows that
 * are no item of the blank; the items the file does not have. Nothing is saved from here:
 * `answersToApply` names what a confirmation writes. Pure.
 */
import { sameJson } from "@/lib/json-equal";
import type { TBlankAnswer } from "@/lib/schemas/blank";
import { type AnswerKind, type TTemplateContent, walkItems } from "@/lib/schemas/template";
import { findBlankRows } from "./blank-table";
import type { DocxDocument } from "@/lib/domain/files/docx-data";
import { matchRows, type UnmatchedRow } from "./match-rows";
import { readAnswer } from "./read-answer";

export type ImportChange = "new" | "changed" | "same" | "empty";

export interface PreviewItem {
  itemKey: string;
  number: string;
  title: string;
  kind: AnswerKind;
  read: TBlankAnswer | null;
  current: TBlankAnswer | null;
  change: ImportChange;
  /** Why the row was not read, or what to check in what was (Russian). */
  problems: string[];
  /** The row it was read from: «таблица 1, строка 5». */
  where: string;
}

export interface DocxImportPreview {
  items: PreviewItem[];
  unmatched: UnmatchedRow[];
  missing: Array<{ itemKey: string; number: string; title: string }>;
  summary: { toChange: number; same: number; unread: number; empty: number; missing: number; unmatched: number };
}

/** Requisites compared as the user sees them: the attachment and the registry link are not in the Word file. */
function sameAnswer(read: TBlankAnswer, current: TBlankAnswer | null): boolean {
  if (read.kind === "DOCUMENT" && current?.kind === "DOCUMENT") {
    const { fileId: _f, documentId: _d, ...a } = read;
    const { fileId: _g, documentId: _e, ...b } = current;
    return sameJson(a, b);
  }
  return sameJson(read, current);
}

function changeOf(read: TBlankAnswer | null, current: TBlankAnswer | null): ImportChange {
  if (read === null) return "empty";
  if (current === null) return "new";
  return sameAnswer(read, current) ? "same" : "changed";
}

/** A document read keeps the scan already attached to the answer: Word carries no attachment. */
const keepAttachment = (read: TBlankAnswer | null, current: TBlankAnswer | null): TBlankAnswer | null =>
  read?.kind === "DOCUMENT" && current?.kind === "DOCUMENT" && current.fileId ? { ...read, fileId: current.fileId } : read;

export function previewDocxImport(
  document: DocxDocument,
  content: Pick<TTemplateContent, "items">,
  current: ReadonlyMap<string, TBlankAnswer | null>,
): { ok: true; preview: DocxImportPreview } | { ok: false; message: string } {
  const found = findBlankRows(document);
  if (!found.ok) return found;
  const all = [...walkItems(content.items)].map((w) => w.item);
  const { matches, unmatched } = matchRows(found.rows, all);
  const byKey = new Map(matches.map((m) => [m.item.key, m]));
  const items: PreviewItem[] = [];
  const missing: DocxImportPreview["missing"] = [];
  for (const item of all) {
    if (item.kind === "SECTION") continue;
    const match = byKey.get(item.key);
    if (!match) {
      missing.push({ itemKey: item.key, number: item.number, title: item.title });
      continue;
    }
    const before = current.get(item.key) ?? null;
    const reading = readAnswer(item.kind, match.row);
    const read = keepAttachment(reading.value, before);
    items.push({
      itemKey: item.key,
      number: item.number,
      title: item.title,
      kind: item.kind,
      read,
      current: before,
      change: changeOf(read, before),
      problems: [...match.problems, ...reading.problems],
      where: match.row.where,
    });
  }
  const count = (test: (item: PreviewItem) => boolean) => items.filter(test).length;
  return {
    ok: true,
    preview: {
      items,
      unmatched,
      missing,
      summary: {
        toChange: count((i) => i.change === "new" || i.change === "changed"),
        same: count((i) => i.change === "same"),
        unread: count((i) => i.read === null && i.problems.length > 0),
        empty: count((i) => i.read === null && i.problems.length === 0),
        missing: missing.length,
        unmatched: unmatched.length,
      },
    },
  };
}

/** What a confirmation saves: the new and changed answers, of the items the user kept (all when none are named). */
export function answersToApply(preview: DocxImportPreview, itemKeys?: readonly string[]): Array<{ itemKey: string; value: TBlankAnswer }> {
  const chosen = itemKeys ? new Set(itemKeys) : null;
  return preview.items.flatMap((item) =>
    item.read && (item.change === "new" || item.change === "changed") && (!chosen || chosen.has(item.itemKey))
      ? [{ itemKey: item.itemKey, value: item.read }]
      : [],
  );
}
