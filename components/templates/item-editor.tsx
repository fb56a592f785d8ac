"use client";

import { ArrowDown, ArrowUp, ListIndentDecrease, ListIndentIncrease, ListPlus, Plus, Trash2, type LucideIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, fieldAria } from "@/components/ui/field";
import { fieldClass, Input, NativeSelect } from "@/components/ui/input";
import { ITEM_KIND_LABELS, ITEM_KINDS, type ItemKind, type TColumnHeaders, type TTemplateItem } from "@/lib/schemas/template";
import type { ItemPatch } from "@/lib/domain/templates/edit-tree";
import { itemFieldId, type FormErrors } from "./editor-schema";
import { ItemDetailsFields } from "./item-details-fields";

export type ItemAction = "up" | "down" | "indent" | "outdent" | "addAfter" | "addChild" | "remove";

/** How buttons name an item: its printed number, else the start of its title. */
function itemLabel(item: TTemplateItem): string {
  if (item.number.trim()) return item.number.trim();
  const title = item.title.trim();
  if (!title) return "без номера";
  return `«${title.length > 40 ? `${title.slice(0, 40)}…` : title}»`;
}

/** What every item editor of one tree shares. */
interface ItemTreeContext {
  blankColumns: TColumnHeaders;
  errors: FormErrors;
  onPatch: (key: string, patch: ItemPatch) => void;
  onAction: (action: ItemAction, item: TTemplateItem) => void;
}

interface Placement {
  path: string;
  depth: number;
  context: ItemTreeContext;
}

/** Siblings in printed order; each item brings its own children. */
export function ItemList(props: Placement & { items: TTemplateItem[]; label: string }) {
  return (
    <ol aria-label={props.label} className={cn("space-y-3", props.depth > 0 && "mt-3 border-l-2 border-border pl-3 sm:pl-6")}>
      {props.items.map((item, index) => (
        <ItemEditor
          key={item.key}
          item={item}
          index={index}
          siblings={props.items.length}
          path={`${props.path}.${index}`}
          depth={props.depth}
          context={props.context}
        />
      ))}
    </ol>
  );
}

function ItemEditor(props: Placement & { item: TTemplateItem; index: number; siblings: number }) {
  const { item, path, context } = props;
  const { errors } = context;
  const label = itemLabel(item);
  const id = (field: string) => itemFieldId(item.key, field);
  const error = (field: string) => errors.message(`${path}.${field}`);
  const patch = (changes: ItemPatch) => context.onPatch(item.key, changes);
  const section = item.kind === "SECTION";
  const actions: { action: ItemAction; icon: LucideIcon; name: string; disabled?: boolean; danger?: boolean }[] = [
    { action: "up", icon: ArrowUp, name: `Переместить выше пункт ${label}`, disabled: props.index === 0 },
    { action: "down", icon: ArrowDown, name: `Переместить ниже пункт ${label}`, disabled: props.index === props.siblings - 1 },
    { action: "indent", icon: ListIndentIncrease, name: `Сделать вложенным пункт ${label}`, disabled: props.index === 0 },
    { action: "outdent", icon: ListIndentDecrease, name: `Вынести на уровень выше пункт ${label}`, disabled: props.depth === 0 },
    { action: "addAfter", icon: Plus, name: `Добавить пункт после пункта ${label}` },
    { action: "addChild", icon: ListPlus, name: `Добавить подпункт в пункт ${label}` },
    { action: "remove", icon: Trash2, name: `Удалить пункт ${label}`, danger: true },
  ];

  return (
    <li>
      <fieldset
        className={cn("space-y-3 rounded-md border border-border bg-background p-3", section && "border-l-4 border-l-primary bg-muted/60")}
      >
        <legend className="sr-only">Пункт {label}</legend>
        <div className="grid gap-3 sm:grid-cols-[6rem_minmax(0,1fr)_14rem]">
          <Field id={id("number")} label="Номер" error={error("number")}>
            <Input value={item.number} onChange={(e) => patch({ number: e.target.value })} {...fieldAria(id("number"), error("number"))} />
          </Field>
          <Field id={id("title")} label="Наименование" error={error("title")}>
            <textarea
              rows={2}
              className={cn(fieldClass, "h-auto min-h-16 py-2")}
              value={item.title}
              onChange={(e) => patch({ title: e.target.value })}
              {...fieldAria(id("title"), error("title"))}
            />
          </Field>
          <Field id={id("kind")} label="Вид ответа" error={error("kind")}>
            <NativeSelect
              value={item.kind}
              onChange={(e) => patch({ kind: e.target.value as ItemKind })}
              {...fieldAria(id("kind"), error("kind"))}
            >
              {ITEM_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {ITEM_KIND_LABELS[kind]}
                </option>
              ))}
            </NativeSelect>
          </Field>
        </div>
        {error("key") && <Alert>{error("key")}</Alert>}
        <fieldset aria-label={`Действия с пунктом ${label}`} className="flex min-w-0 flex-wrap gap-1">
          {actions.map(({ action, icon: Icon, name, disabled, danger }) => (
            <Button
              key={action}
              id={id(action)}
              type="button"
              variant="outline"
              size="sm"
              className={cn("w-8 px-0", danger && "text-destructive")}
              aria-label={name}
              title={name}
              disabled={disabled}
              onClick={() => context.onAction(action, item)}
            >
              <Icon aria-hidden="true" className="size-4" />
            </Button>
          ))}
        </fieldset>
        <ItemDetailsFields item={item} path={path} label={label} blankColumns={context.blankColumns} errors={errors} onPatch={patch} />
      </fieldset>
      {item.children.length > 0 && (
        <ItemList
          label={`Подпункты пункта ${label}`}
          items={item.children}
          path={`${path}.children`}
          depth={props.depth + 1}
          context={context}
        />
      )}
    </li>
  );
}
