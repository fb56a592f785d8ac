import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { walkItems, ZTemplateContent, type TTemplateItem } from "@/lib/schemas/template";
import { MUNICIPAL_BLANK, SCHOOL_BLANK } from "@/lib/seed-data/blanks";
import {
  appendChild,
  indentItem,
  insertAfter,
  moveItem,
  newItem,
  outdentItem,
  removeItem,
  updateItem,
} from "@/lib/domain/templates/edit-tree";

const item = (number: string, children: TTemplateItem[] = []) => newItem({ number, title: `Пункт ${number}`, children });

/** A small tree: A(A1, A2(A2a)), B, C. */
function sample() {
  const a2a = item("A2a");
  const a1 = item("A1");
  const a2 = item("A2", [a2a]);
  const a = item("A", [a1, a2]);
  const b = item("B");
  const c = item("C");
  return { tree: [a, b, c], a, a1, a2, a2a, b, c };
}

/** The tree as "number(children)" text, to compare shapes at a glance. */
const shape = (items: TTemplateItem[]): string =>
  items.map((i) => (i.children.length ? `${i.number}(${shape(i.children)})` : i.number)).join(" ");

const keys = (items: TTemplateItem[]) => [...walkItems(items)].map((w) => w.item.key);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe("newItem", () => {
  it("makes a document row of weight 1 with a fresh UUID key", () => {
    const first = newItem();
    expect(first).toMatchObject({ number: "", title: "", kind: "DOCUMENT", weight: 1, critical: false, children: [] });
    expect(first.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newItem().key).not.toBe(first.key);
  });

  it("takes the fields it is given", () => {
    expect(newItem({ kind: "SECTION", title: "Раздел" })).toMatchObject({ kind: "SECTION", title: "Раздел" });
  });
});

describe("structural edits", () => {
  it("insert after a nested item among its siblings", () => {
    const { tree, a1 } = sample();
    const added = item("new");
    expect(shape(insertAfter(tree, a1.key, added))).toBe("A(A1 new A2(A2a)) B C");
  });

  it("append as the last child, or at the top level without a parent", () => {
    const { tree, a2, c } = sample();
    expect(shape(appendChild(tree, a2.key, item("new")))).toBe("A(A1 A2(A2a new)) B C");
    expect(shape(appendChild(tree, c.key, item("new")))).toBe("A(A1 A2(A2a)) B C(new)");
    expect(shape(appendChild(tree, null, item("new")))).toBe("A(A1 A2(A2a)) B C new");
  });

  it("remove an item with its children", () => {
    const { tree, a2, b } = sample();
    expect(shape(removeItem(tree, a2.key))).toBe("A(A1) B C");
    expect(shape(removeItem(tree, b.key))).toBe("A(A1 A2(A2a)) C");
  });

  it("move up and down among siblings, carrying the subtree", () => {
    const { tree, a, a2, b, c } = sample();
    expect(shape(moveItem(tree, a2.key, "up"))).toBe("A(A2(A2a) A1) B C");
    expect(shape(moveItem(tree, a.key, "down"))).toBe("B A(A1 A2(A2a)) C");
    expect(shape(moveItem(tree, c.key, "up"))).toBe("A(A1 A2(A2a)) C B");
    expect(shape(moveItem(tree, b.key, "down"))).toBe("A(A1 A2(A2a)) C B");
  });

  it("indent into the previous sibling as its last child", () => {
    const { tree, a2, b, c } = sample();
    expect(shape(indentItem(tree, b.key))).toBe("A(A1 A2(A2a) B) C");
    expect(shape(indentItem(tree, a2.key))).toBe("A(A1(A2(A2a))) B C");
    expect(shape(indentItem(indentItem(tree, b.key), c.key))).toBe("A(A1 A2(A2a) B C)");
  });

  it("outdent to just after the parent", () => {
    const { tree, a1, a2a } = sample();
    expect(shape(outdentItem(tree, a1.key))).toBe("A(A2(A2a)) A1 B C");
    expect(shape(outdentItem(tree, a2a.key))).toBe("A(A1 A2 A2a) B C");
  });

  it("indent then outdent puts an item back", () => {
    const { tree, b } = sample();
    expect(shape(outdentItem(indentItem(tree, b.key), b.key))).toBe(shape(tree));
  });

  it("leave the tree itself when nothing can move", () => {
    const { tree, a, a1, a2, c } = sample();
    expect(moveItem(tree, a.key, "up")).toBe(tree);
    expect(moveItem(tree, c.key, "down")).toBe(tree);
    expect(moveItem(tree, a1.key, "up")).toBe(tree);
    expect(moveItem(tree, a2.key, "down")).toBe(tree);
    expect(indentItem(tree, a.key)).toBe(tree);
    expect(indentItem(tree, a1.key)).toBe(tree);
    expect(outdentItem(tree, c.key)).toBe(tree);
  });

  it("leave the tree itself for an unknown key", () => {
    const { tree } = sample();
    const unknown = crypto.randomUUID();
    for (const edited of [
      updateItem(tree, unknown, { title: "x" }),
      insertAfter(tree, unknown, item("new")),
      appendChild(tree, unknown, item("new")),
      removeItem(tree, unknown),
      moveItem(tree, unknown, "up"),
      indentItem(tree, unknown),
      outdentItem(tree, unknown),
    ]) {
      expect(edited).toBe(tree);
    }
  });

  it("keep every key and reuse the moved subtree as it was", () => {
    const { tree, a2, b } = sample();
    const indented = indentItem(tree, b.key);
    expect(new Set(keys(indented))).toEqual(new Set(keys(tree)));
    expect(indented[0]!.children.at(-1)).toBe(b);
    const moved = moveItem(tree, a2.key, "up");
    expect(moved[0]!.children[0]).toBe(a2);
    // Siblings outside the edited list are shared, not copied.
    expect(moved[1]).toBe(tree[1]);
  });

  it("never mutate the input", () => {
    const { tree, a1, a2, a2a, b } = sample();
    const before = structuredClone(tree);
    deepFreeze(tree);
    updateItem(tree, a2a.key, { title: "Другой" });
    insertAfter(tree, a1.key, item("new"));
    appendChild(tree, a2.key, item("new"));
    removeItem(tree, a2.key);
    moveItem(tree, b.key, "up");
    indentItem(tree, b.key);
    outdentItem(tree, a2a.key);
    expect(tree).toEqual(before);
  });
});

describe("updateItem", () => {
  it("changes the given fields of one item and keeps its key and children", () => {
    const { tree, a2, a2a } = sample();
    const updated = updateItem(tree, a2.key, { title: "Новое наименование", kind: "SECTION", annualUpdate: true });
    const changed = updated[0]!.children[1]!;
    expect(changed).toMatchObject({ key: a2.key, title: "Новое наименование", kind: "SECTION", annualUpdate: true });
    expect(changed.children[0]).toBe(a2a);
    expect(updated[0]!.children[0]).toBe(tree[0]!.children[0]);
  });
});

describe("the seed blanks, whose municipal blank numbers two rows 1.1.1", () => {
  const items = MUNICIPAL_BLANK.content.items;
  const orders = items[0]!.children[0]!;
  const [organisation, coordinator] = orders.children as [TTemplateItem, TTemplateItem];
  const titles = (tree: TTemplateItem[]) => tree[0]!.children[0]!.children.map((i) => `${i.number} ${i.title}`);

  it("has the duplicates this suite relies on", () => {
    expect([organisation.number, coordinator.number]).toEqual(["1.1.1", "1.1.1"]);
  });

  it("moves the second 1.1.1 above the first, by key", () => {
    expect(titles(moveItem(items, coordinator.key, "up"))).toEqual([
      "1.1.1 - о назначении муниципального координатора",
      "1.1.1 -об организации работы БШ",
    ]);
  });

  it("updates and removes only the 1.1.1 it is given", () => {
    expect(titles(updateItem(items, coordinator.key, { title: "- о координаторе" }))).toEqual([
      "1.1.1 -об организации работы БШ",
      "1.1.1 - о координаторе",
    ]);
    expect(titles(removeItem(items, organisation.key))).toEqual(["1.1.1 - о назначении муниципального координатора"]);
  });

  it("outdents the second 1.1.1 right after its section", () => {
    const outdented = outdentItem(items, coordinator.key);
    expect(outdented[0]!.children.map((i) => i.number)).toEqual(["1.1", "1.1.1", "1.2"]);
    expect(outdented[0]!.children[1]!.key).toBe(coordinator.key);
  });

  it("stays a valid template after every kind of edit", () => {
    const school = SCHOOL_BLANK.content;
    const [first, second] = school.items as [TTemplateItem, TTemplateItem];
    let edited = insertAfter(school.items, first.children[0]!.key, newItem({ number: "1.1а", title: "Новый пункт" }));
    edited = indentItem(edited, second.key);
    edited = moveItem(edited, second.key, "up");
    edited = outdentItem(edited, second.key);
    edited = appendChild(edited, null, newItem({ kind: "SECTION", title: "Новый раздел" }));
    const parsed = ZTemplateContent.safeParse({ ...school, items: edited });
    expect(parsed.success).toBe(true);
  });
});

describe("any sequence of moves", () => {
  type Edit = { op: "up" | "down" | "indent" | "outdent" | "remove"; at: number };
  const edits = fc.array(
    fc.record({ op: fc.constantFrom("up", "down", "indent", "outdent", "remove"), at: fc.nat() }) as fc.Arbitrary<Edit>,
    { maxLength: 30 },
  );

  const apply = (tree: TTemplateItem[], edit: Edit) => {
    const all = keys(tree);
    const key = all[edit.at % all.length]!;
    if (edit.op === "indent") return indentItem(tree, key);
    if (edit.op === "outdent") return outdentItem(tree, key);
    if (edit.op === "remove") return all.length > 1 ? removeItem(tree, key) : tree;
    return moveItem(tree, key, edit.op);
  };

  it("keeps every key exactly once unless removed, and each item's own fields", () => {
    fc.assert(
      fc.property(edits, (sequence) => {
        const original = MUNICIPAL_BLANK.content.items;
        const fieldsOf = new Map([...walkItems(original)].map(({ item }) => [item.key, item.title]));
        const removed = new Set<string>();
        let tree = original;
        for (const edit of sequence) {
          const before = new Set(keys(tree));
          tree = apply(tree, edit);
          const after = keys(tree);
          expect(new Set(after).size).toBe(after.length);
          for (const key of before) if (!after.includes(key)) removed.add(key);
        }
        const final = keys(tree);
        expect(final.length + removed.size).toBe(fieldsOf.size);
        for (const { item } of walkItems(tree)) expect(item.title).toBe(fieldsOf.get(item.key));
      }),
    );
  });
});

describe("new item keys", () => {
  it("are version-4 UUIDs, unique, made without crypto.randomUUID", async () => {
    const { newUuid } = await import("@/lib/uuid");
    const keys = Array.from({ length: 1000 }, newUuid);
    expect(new Set(keys).size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
