"use client";

import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { TLegalBasis } from "@/lib/schemas/template";
import { ClausesInput } from "./clauses-input";
import type { FormErrors } from "./editor-schema";

const emptyBasis: TLegalBasis = { text: "", document: null, date: null, number: null, clauses: [] };
const orNull = (value: string) => (value.trim() === "" ? null : value);

/** An item's legal references: the text as printed, plus its parts for searching and checks. */
export function LegalBasisFields(props: {
  idPrefix: string;
  path: string;
  itemLabel: string;
  list: TLegalBasis[];
  errors: FormErrors;
  onChange: (list: TLegalBasis[]) => void;
}) {
  const { list } = props;
  const change = (index: number, patch: Partial<TLegalBasis>) =>
    props.onChange(list.map((basis, i) => (i === index ? { ...basis, ...patch } : basis)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Правовое основание</legend>
      {list.length === 0 && <p className="text-sm text-muted-foreground">Нет. Основание раздела действует и для его пунктов.</p>}
      {list.map((basis, index) => {
        const id = (field: string) => `${props.idPrefix}-basis-${index}-${field}`;
        const error = (field: string) => props.errors.message(`${props.path}.${index}.${field}`);
        return (
          <div key={index} className="space-y-3 rounded-md border border-border p-3">
            <Field id={id("text")} label="Ссылка, как в бланке" error={error("text")}>
              <Input
                value={basis.text}
                onChange={(e) => change(index, { text: e.target.value })}
                {...fieldAria(id("text"), error("text"))}
              />
            </Field>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <Field id={id("document")} label="Документ" error={error("document")}>
                <Input
                  value={basis.document ?? ""}
                  onChange={(e) => change(index, { document: orNull(e.target.value) })}
                  {...fieldAria(id("document"), error("document"))}
                />
              </Field>
              <Field id={id("date")} label="Дата документа" error={error("date")}>
                <Input
                  type="date"
                  value={basis.date ?? ""}
                  onChange={(e) => change(index, { date: orNull(e.target.value) })}
                  {...fieldAria(id("date"), error("date"))}
                />
              </Field>
              <Field id={id("number")} label="Номер документа" error={error("number")}>
                <Input
                  value={basis.number ?? ""}
                  onChange={(e) => change(index, { number: orNull(e.target.value) })}
                  {...fieldAria(id("number"), error("number"))}
                />
              </Field>
              <Field id={id("clauses")} label="Пункты через запятую" error={error("clauses")}>
                <ClausesInput
                  value={basis.clauses}
                  onValueChange={(clauses) => change(index, { clauses })}
                  {...fieldAria(id("clauses"), error("clauses"))}
                />
              </Field>
            </div>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              aria-label={`Удалить основание ${index + 1} пункта ${props.itemLabel}`}
              onClick={() => props.onChange(list.filter((_, i) => i !== index))}
            >
              Удалить основание
            </Button>
          </div>
        );
      })}
      <Button
        type="button"
        variant="outline"
        size="sm"
        aria-label={`Добавить основание пункта ${props.itemLabel}`}
        onClick={() => props.onChange([...list, emptyBasis])}
      >
        Добавить основание
      </Button>
    </fieldset>
  );
}
