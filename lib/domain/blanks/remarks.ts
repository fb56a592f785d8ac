/**
 * The auditor's remarks as the coordinator reads them on a returned blank (and the
 * auditor on review): which items carry one, how they are named, how many there are.
 */
import { plural } from "@/lib/domain/plans/timing-recurrence";
import type { AuditMark } from "@/lib/schemas/blank";
import { walkItems, type TTemplateContent, type TTemplateItem, type WalkedItem } from "@/lib/schemas/template";

export interface ItemMark {
  mark: AuditMark | null;
  comment: string | null;
}

export interface Remark {
  itemKey: string;
  /** The item's unambiguous name (see itemNames). */
  name: string;
  mark: AuditMark;
  comment: string | null;
}

/**
 * Something for the coordinator to act on: a mismatch or a partial match, or a comment the auditor
 * left on a matching item. «Не применимо» carries a reason, not a remark.
 */
export function isRemark(mark: ItemMark | null | undefined): mark is ItemMark & { mark: AuditMark } {
  if (!mark?.mark) return false;
  if (mark.mark === "MISMATCH" || mark.mark === "PARTIAL") return true;
  return mark.mark === "MATCHES" && !!mark.comment?.trim();
}

/**
 * Each item's name in messages and links: its number, or — where the blank prints that number
 * twice (seed 000's two rows «1.1.1») or none — the number with the title, so no name is shared.
 */
export function itemNames(content: Pick<TTemplateContent, "items">): Map<string, string> {
  const items = [...walkItems(content.items)].map((w) => w.item);
  const uses = new Map<string, number>();
  for (const item of items) uses.set(item.number, (uses.get(item.number) ?? 0) + 1);
  return new Map(
    items.map((item) => {
      const number = item.number.trim();
      if (!number) return [item.key, `«${item.title.trim()}»`];
      return [item.key, (uses.get(item.number) ?? 0) > 1 ? `${number} «${item.title.trim()}»` : number];
    }),
  );
}

/** The marks of a blank's answers, by item key. */
export function marksOf(
  answers: Readonly<Record<string, { mark: AuditMark | null; markComment: string | null }>>,
): Record<string, ItemMark> {
  return Object.fromEntries(Object.entries(answers).map(([key, a]) => [key, { mark: a.mark, comment: a.markComment }]));
}

/** The remarks of a blank in the blank's order. */
export function collectRemarks(content: Pick<TTemplateContent, "items">, marks: Readonly<Record<string, ItemMark | undefined>>): Remark[] {
  const names = itemNames(content);
  return [...walkItems(content.items)].flatMap(({ item }) => {
    const mark = marks[item.key];
    if (item.kind === "SECTION" || !isRemark(mark)) return [];
    return [{ itemKey: item.key, name: names.get(item.key) ?? item.number, mark: mark.mark, comment: mark.comment?.trim() || null }];
  });
}

/** «1 замечание», «3 замечания», «11 замечаний». */
export const remarkCount = (n: number) => `${n} ${plural(n, "замечание", "замечания", "замечаний")}`;

/**
 * The rows left by the filter «только пункты с замечаниями»: the remarked items and the sections
 * they stand in, so each keeps its heading.
 */
export function rowsWithRemarks(rows: readonly WalkedItem[], remarked: ReadonlySet<string>): WalkedItem[] {
  const holds = (item: TTemplateItem): boolean => remarked.has(item.key) || item.children.some(holds);
  return rows.filter(({ item }) => (item.kind === "SECTION" ? holds(item) : remarked.has(item.key)));
}

/** Items the auditor has not marked yet (the acceptance waits for every one). */
export function unmarkedItems(itemKeys: Iterable<string>, marks: Readonly<Record<string, Pick<ItemMark, "mark"> | undefined>>): string[] {
  return [...itemKeys].filter((key) => !marks[key]?.mark);
}
