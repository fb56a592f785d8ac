"use client";

import type { FieldPath, UseFormReturn } from "react-hook-form";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ColumnHeaderFields } from "./column-header-fields";
import type { EditorValues } from "./editor-schema";

/** The template's name and everything printed above and around the rows. */
export function BlankHeaderFields({ form }: { form: UseFormReturn<EditorValues> }) {
  const { errors } = form.formState;
  // react-hook-form fills a registered input through its ref, once hydrated: without the
  // value in the server's HTML the fields would show empty until then.
  const bind = (name: FieldPath<EditorValues>, options?: { valueAsNumber: true }) => ({
    ...form.register(name, options),
    defaultValue: form.getValues(name) as string | number,
  });
  const content = errors.content;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="template-name" label="Название шаблона" error={errors.name?.message}>
          <Input {...fieldAria("template-name", errors.name?.message)} {...bind("name")} />
        </Field>
        <Field id="blank-title" label="Заголовок бланка" error={content?.title?.message}>
          <Input {...fieldAria("blank-title", content?.title?.message)} {...bind("content.title")} />
        </Field>
        <Field
          id="blank-subtitle"
          label="Подзаголовок"
          hint="«_____» отмечает место, где печатается наименование участника."
          error={content?.subtitle?.message}
        >
          <Input {...fieldAria("blank-subtitle", content?.subtitle?.message)} {...bind("content.subtitle")} />
        </Field>
        <Field id="blank-caption" label="Подпись под подзаголовком" error={content?.subjectCaption?.message}>
          <Input {...fieldAria("blank-caption", content?.subjectCaption?.message)} {...bind("content.subjectCaption")} />
        </Field>
      </div>
      <ColumnHeaderFields
        idPrefix="blank-columns"
        legend="Заголовки столбцов"
        input={(column) => bind(`content.columns.${column}`)}
        error={(column) => content?.columns?.[column]?.message}
      />
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Итоговая оценка по доле выполненных пунктов, %</legend>
        {content?.gradeBands?.message && (
          <p role="alert" className="text-sm text-destructive">
            {content.gradeBands.message}
          </p>
        )}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="grade-compliant" label="«Соответствует» — от" error={content?.gradeBands?.compliant?.message}>
            <Input
              type="number"
              min={0}
              max={100}
              {...fieldAria("grade-compliant", content?.gradeBands?.compliant?.message)}
              {...bind("content.gradeBands.compliant", { valueAsNumber: true })}
            />
          </Field>
          <Field id="grade-partial" label="«Частично соответствует» — от" error={content?.gradeBands?.partial?.message}>
            <Input
              type="number"
              min={0}
              max={100}
              {...fieldAria("grade-partial", content?.gradeBands?.partial?.message)}
              {...bind("content.gradeBands.partial", { valueAsNumber: true })}
            />
          </Field>
        </div>
      </fieldset>
    </div>
  );
}
