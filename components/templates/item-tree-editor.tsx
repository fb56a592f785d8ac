"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { walkItems, type TColumnHeaders, type TTemplateItem } from "@/lib/schemas/template";
import {
  appendChild,
  indentItem,
  insertAfter,
  moveItem,
  newItem,
  outdentItem,
  removeItem,
  updateItem,
  type ItemPatch,
} from "@/lib/domain/templates/edit-tree";
import { itemFieldId, type FormErrors } from "./editor-schema";
import { ItemList, type ItemAction } from "./item-editor";

const ADD_AT_END_ID = "items-add-at-end";

/**
 * The blank's item tree. Every change goes through the pure edits of edit-tree.ts,
 * by item key; afterwards focus stays with the control the keyboard user was on.
 */
export function ItemTreeEditor(props: {
  items: TTemplateItem[];
  blankColumns: TColumnHeaders;
  errors: FormErrors;
  onChange: (items: TTemplateItem[]) => void;
}) {
  const { items, onChange } = props;
  const focusNext = useFocusAfterRender();

  const onAction = (action: ItemAction, item: TTemplateItem) => {
    const stay = [itemFieldId(item.key, action), itemFieldId(item.key, "number")];
    switch (action) {
      case "up":
      case "down":
        onChange(moveItem(items, item.key, action));
        return focusNext(stay);
      case "indent":
        onChange(indentItem(items, item.key));
        return focusNext(stay);
      case "outdent":
        onChange(outdentItem(items, item.key));
        return focusNext(stay);
      case "addAfter":
      case "addChild": {
        const added = newItem();
        onChange(action === "addAfter" ? insertAfter(items, item.key, added) : appendChild(items, item.key, added));
        return focusNext([itemFieldId(added.key, "number")]);
      }
      case "remove": {
        const order = [...walkItems(items)].map((walked) => walked.item.key);
        const previous = order[order.indexOf(item.key) - 1];
        const rest = removeItem(items, item.key);
        onChange(rest);
        const neighbour = previous ?? rest[0]?.key;
        return focusNext(neighbour ? [itemFieldId(neighbour, "number")] : [ADD_AT_END_ID]);
      }
    }
  };

  const addAtEnd = () => {
    const added = newItem();
    onChange(appendChild(items, null, added));
    focusNext([itemFieldId(added.key, "number")]);
  };

  const rootError = props.errors.message("content.items");
  return (
    <div className="space-y-4">
      {rootError && <Alert>{rootError}</Alert>}
      <ItemList
        label="Пункты бланка"
        items={items}
        path="content.items"
        depth={0}
        context={{
          blankColumns: props.blankColumns,
          errors: props.errors,
          onAction,
          onPatch: (key: string, patch: ItemPatch) => onChange(updateItem(items, key, patch)),
        }}
      />
      <Button id={ADD_AT_END_ID} type="button" variant="outline" onClick={addAtEnd}>
        Добавить пункт в конец
      </Button>
    </div>
  );
}

/** Focuses the first of the given elements that exists and is enabled, once the edit has rendered. */
function useFocusAfterRender() {
  const [target, setTarget] = useState<string[] | null>(null);
  useEffect(() => {
    if (!target) return;
    const element = target.map((id) => document.getElementById(id)).find((el) => el && !el.matches(":disabled"));
    element?.focus();
  }, [target]);
  return setTarget;
}
