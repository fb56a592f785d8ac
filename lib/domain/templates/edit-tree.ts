/**
 * Pure edits of a template's item tree, as the editor makes them. Items are found
 * by key, never by printed number: numbers are data and may repeat (the seed's two
 * rows "1.1.1"). Nothing is mutated; untouched subtrees are shared with the input,
 * and an unknown key or an impossible move returns the input itself.
 */
import { newUuid } from "@/lib/uuid";
import { walkItems, type TTemplateItem } from "@/lib/schemas/template";

/** What the editor may change on one item; identity and subtree belong to the structural edits. */
export type ItemPatch = Partial<Omit<TTemplateItem, "key" | "children">>;

/** A fresh item with a new stable key: a document row of weight 1 unless told otherwise. */
export function newItem(fields: Partial<Omit<TTemplateItem, "key">> = {}): TTemplateItem {
  return {
    key: newUuid(),
    number: "",
    title: "",
    kind: "DOCUMENT",
    legalBasis: [],
    footnotes: [],
    annualUpdate: false,
    weight: 1,
    critical: false,
    columns: null,
    children: [],
    ...fields,
  };
}

/**
 * Replaces the sibling list that holds `key` with `edit(siblings, index)`, copying only
 * the items on the way down to it.
 */
function editSiblings(
  items: TTemplateItem[],
  key: string,
  edit: (siblings: TTemplateItem[], index: number) => TTemplateItem[],
): TTemplateItem[] {
  const index = items.findIndex((item) => item.key === key);
  if (index >= 0) return edit(items, index);
  for (const [at, item] of items.entries()) {
    const children = editSiblings(item.children, key, edit);
    if (children !== item.children) return items.map((other, i) => (i === at ? { ...item, children } : other));
  }
  return items;
}

const replaceAt = (list: TTemplateItem[], index: number, ...replacement: TTemplateItem[]) => [
  ...list.slice(0, index),
  ...replacement,
  ...list.slice(index + 1),
];

export function updateItem(items: TTemplateItem[], key: string, patch: ItemPatch): TTemplateItem[] {
  return editSiblings(items, key, (siblings, index) => replaceAt(siblings, index, { ...siblings[index]!, ...patch }));
}

export function insertAfter(items: TTemplateItem[], afterKey: string, item: TTemplateItem): TTemplateItem[] {
  return editSiblings(items, afterKey, (siblings, index) => replaceAt(siblings, index, siblings[index]!, item));
}

/** Adds `item` as the last child of `parentKey`, or at the end of the top level for null. */
export function appendChild(items: TTemplateItem[], parentKey: string | null, item: TTemplateItem): TTemplateItem[] {
  if (parentKey === null) return [...items, item];
  return editSiblings(items, parentKey, (siblings, index) => {
    const parent = siblings[index]!;
    return replaceAt(siblings, index, { ...parent, children: [...parent.children, item] });
  });
}

/** Removes the item together with its children. */
export function removeItem(items: TTemplateItem[], key: string): TTemplateItem[] {
  return editSiblings(items, key, (siblings, index) => replaceAt(siblings, index));
}

/** Swaps the item with its previous or next sibling; at the edge nothing moves. */
export function moveItem(items: TTemplateItem[], key: string, direction: "up" | "down"): TTemplateItem[] {
  return editSiblings(items, key, (siblings, index) => {
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= siblings.length) return siblings;
    const swapped = [...siblings];
    [swapped[index], swapped[other]] = [siblings[other]!, siblings[index]!];
    return swapped;
  });
}

/** The item becomes the last child of its previous sibling; the first of its siblings stays. */
export function indentItem(items: TTemplateItem[], key: string): TTemplateItem[] {
  return editSiblings(items, key, (siblings, index) => {
    if (index === 0) return siblings;
    const previous = siblings[index - 1]!;
    const moved = { ...previous, children: [...previous.children, siblings[index]!] };
    return [...siblings.slice(0, index - 1), moved, ...siblings.slice(index + 1)];
  });
}

/** The item becomes the next sibling of its parent; a top-level item stays. */
export function outdentItem(items: TTemplateItem[], key: string): TTemplateItem[] {
  const parent = parentOf(items, key);
  if (!parent) return items;
  return editSiblings(items, parent.key, (siblings, index) => {
    const moved = parent.children.find((child) => child.key === key)!;
    const rest = { ...parent, children: parent.children.filter((child) => child.key !== key) };
    return replaceAt(siblings, index, rest, moved);
  });
}

function parentOf(items: TTemplateItem[], key: string): TTemplateItem | null {
  for (const walked of walkItems(items)) if (walked.item.key === key) return walked.parent;
  return null;
}
