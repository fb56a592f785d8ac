import { compareItemNumbers } from "@/lib/domain/scoring/typical-errors";

/** An answerable item of a template, as printed, with its position in the blank. */
export interface ItemInfo {
  key: string;
  number: string;
  title: string;
  /** Position in printed order: breaks ties between equal numbers (the seed's two rows 1.1.1). */
  order: number;
}

export interface TypicalErrorRow {
  itemKey: string;
  itemNumber: string;
  itemTitle: string;
  /** Counted blanks with the item non-compliant. */
  count: number;
  /** Counted blanks whose template has the item: the denominator of the share. */
  of: number;
  /** Share in percent, one decimal. */
  share: number;
}

/** A share in percent with one decimal; nothing counted is 0. */
export function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 1000) / 10;
}

/** An item's title as a list entry: without the seed's leading dash and trailing footnote mark. */
export function displayItemTitle(title: string): string {
  return title
    .replace(/^-\s*/, "")
    .replace(/[¹²³]+$/, "")
    .trim();
}

/**
 * The «типичные ошибки» of one level from counts aggregated in the database:
 * each item with at least one non-compliant blank, its count and share of the
 * counted blanks that have it, by share, then printed number, then printed order.
 * Items the templates no longer hold are left out.
 */
export function typicalErrorRows(input: {
  counts: { itemKey: string; count: number }[];
  items: ReadonlyMap<string, ItemInfo>;
  /** Counted blanks whose template holds the item, by item key. */
  denominators: ReadonlyMap<string, number>;
}): TypicalErrorRow[] {
  const rows: (TypicalErrorRow & { order: number })[] = [];
  for (const { itemKey, count } of input.counts) {
    const item = input.items.get(itemKey);
    const of = input.denominators.get(itemKey) ?? 0;
    if (!item || count === 0 || of === 0) continue;
    rows.push({
      itemKey,
      itemNumber: item.number,
      itemTitle: displayItemTitle(item.title),
      count,
      of,
      share: percentOf(count, of),
      order: item.order,
    });
  }
  rows.sort((a, b) => b.share - a.share || compareItemNumbers(a.itemNumber, b.itemNumber) || a.order - b.order);
  return rows.map(({ order: _order, ...row }) => row);
}
