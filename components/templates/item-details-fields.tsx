"use client";

import { useState } from "react";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { TColumnHeaders, TTemplateItem } from "@/lib/schemas/template";
import type { ItemPatch } from "@/lib/domain/templates/edit-tree";
import { ColumnHeaderFields } from "./column-header-fields";
import { itemFieldId, type FormErrors } from "./editor-schema";
import { FootnoteFields } from "./footnote-fields";
import { LegalBasisFields } from "./legal-basis-fields";

/**
 * The less frequent fields of an item, folded away. A save that finds errors in
 * them opens the fold, and it stays open while they are being fixed.
 */
export function ItemDetailsFields(props: {
  item: TTemplateItem;
  path: string;
  label: string;
  blankColumns: TColumnHeaders;
  errors: FormErrors;
  onPatch: (patch: ItemPatch) => void;
}) {
  const { item, path, errors, onPatch } = props;
  const [open, setOpen] = useState(false);
  const invalid = ["legalBasis", "footnotes", "weight", "columns"].some((field) => errors.any(`${path}.${field}`));
  const id = (field: string) => itemFieldId(item.key, field);
  const weightError = errors.message(`${path}.weight`);
  const section = item.kind === "SECTION";
  const summary = [
    `правовое основание: ${item.legalBasis.length}`,
    `сноски: ${item.footnotes.length}`,
    section ? null : `вес ${Number.isNaN(item.weight) ? "—" : item.weight}`,
    item.critical ? "критичный" : null,
    item.annualUpdate ? "ежегодное обновление" : null,
  ].filter(Boolean);

  return (
    <details open={open || invalid} onToggle={(e) => setOpen(e.currentTarget.open)} className="rounded-md border border-border">
      <summary className="cursor-pointer px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-ring">
        Подробнее о пункте {props.label}: {summary.join(", ")}
      </summary>
      <div className="space-y-5 border-t border-border p-3">
        <LegalBasisFields
          idPrefix={id("details")}
          path={`${path}.legalBasis`}
          itemLabel={props.label}
          list={item.legalBasis}
          errors={errors}
          onChange={(legalBasis) => onPatch({ legalBasis })}
        />
        <FootnoteFields
          idPrefix={id("details")}
          path={`${path}.footnotes`}
          itemLabel={props.label}
          list={item.footnotes}
          errors={errors}
          onChange={(footnotes) => onPatch({ footnotes })}
        />
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">Оценка</legend>
          <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
            {!section && (
              <div className="w-28">
                <Field id={id("weight")} label="Вес" error={weightError}>
                  <Input
                    type="number"
                    min={0}
                    max={100}
                    step="any"
                    value={Number.isNaN(item.weight) ? "" : item.weight}
                    onChange={(e) => onPatch({ weight: e.target.valueAsNumber })}
                    {...fieldAria(id("weight"), weightError)}
                  />
                </Field>
              </div>
            )}
            {!section && (
              <Checkbox
                id={id("critical")}
                label="Критичный пункт"
                checked={item.critical}
                onChange={(critical) => onPatch({ critical })}
              />
            )}
            <Checkbox
              id={id("annual")}
              label="Ежегодное обновление"
              checked={item.annualUpdate}
              onChange={(annualUpdate) => onPatch({ annualUpdate })}
            />
            {(section || item.columns) && (
              <Checkbox
                id={id("own-columns")}
                label="Свои заголовки столбцов"
                checked={item.columns !== null}
                onChange={(own) => onPatch({ columns: own ? props.blankColumns : null })}
              />
            )}
          </div>
        </fieldset>
        {item.columns && (
          <ColumnHeaderFields
            idPrefix={id("columns")}
            legend={`Заголовки столбцов раздела ${props.label}`}
            input={(column) => ({
              value: item.columns?.[column] ?? "",
              onChange: (e) => item.columns && onPatch({ columns: { ...item.columns, [column]: e.target.value } }),
            })}
            error={(column) => errors.message(`${path}.columns.${column}`)}
          />
        )}
      </div>
    </details>
  );
}

function Checkbox(props: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label htmlFor={props.id} className="flex h-9 items-center gap-2 text-sm">
      <input
        id={props.id}
        type="checkbox"
        className="size-4 accent-primary"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}
