"use client";

import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { TTemplateItem } from "@/lib/schemas/template";
import type { FormErrors } from "./editor-schema";

type Footnote = TTemplateItem["footnotes"][number];

/** Footnote marks printed after the title ("¹"), with an optional text under the blank. */
export function FootnoteFields(props: {
  idPrefix: string;
  path: string;
  itemLabel: string;
  list: Footnote[];
  errors: FormErrors;
  onChange: (list: Footnote[]) => void;
}) {
  const { list } = props;
  const change = (index: number, patch: Partial<Footnote>) =>
    props.onChange(list.map((note, i) => (i === index ? { ...note, ...patch } : note)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Сноски</legend>
      {list.map((note, index) => {
        const id = (field: string) => `${props.idPrefix}-footnote-${index}-${field}`;
        const error = (field: string) => props.errors.message(`${props.path}.${index}.${field}`);
        return (
          <div key={index} className="flex flex-wrap items-end gap-3">
            <div className="w-24">
              <Field id={id("mark")} label="Знак" error={error("mark")}>
                <Input
                  value={note.mark}
                  onChange={(e) => change(index, { mark: e.target.value })}
                  {...fieldAria(id("mark"), error("mark"))}
                />
              </Field>
            </div>
            <div className="min-w-48 flex-1">
              <Field id={id("text")} label="Текст сноски" error={error("text")}>
                <Input
                  value={note.text ?? ""}
                  onChange={(e) => change(index, { text: e.target.value.trim() === "" ? null : e.target.value })}
                  {...fieldAria(id("text"), error("text"))}
                />
              </Field>
            </div>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              aria-label={`Удалить сноску ${index + 1} пункта ${props.itemLabel}`}
              onClick={() => props.onChange(list.filter((_, i) => i !== index))}
            >
              Удалить сноску
            </Button>
          </div>
        );
      })}
      <Button
        type="button"
        variant="outline"
        size="sm"
        aria-label={`Добавить сноску пункта ${props.itemLabel}`}
        onClick={() => props.onChange([...list, { mark: "¹", text: null }])}
      >
        Добавить сноску
      </Button>
    </fieldset>
  );
}
