"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { saveIndicatorAction } from "@/lib/actions/indicators";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, fieldAria } from "@/components/ui/field";
import { fieldClass, Input } from "@/components/ui/input";
import { describeRule, parseTargetRules } from "@/lib/domain/plans/target-rules";
import { ZIndicatorCreate } from "@/lib/schemas/plan";

type FormInput = z.input<typeof ZIndicatorCreate>;
type FormOutput = z.output<typeof ZIndicatorCreate>;

const textareaClass = cn(fieldClass, "h-auto py-2");
const EMPTY: FormInput = { number: "", title: "", targetText: "", method: "", monitoring: "" };

/** «3» → «4»: the number a next indicator likely has; anything else is left to the user. */
const nextNumber = (n: string) => {
  const match = /^(\d+)\.?$/.exec(n.trim());
  return match ? String(Number(match[1]) + 1) : "";
};

/**
 * A target indicator of a plan (seed 004, sections 6 and 7): a new one, or one to
 * change. The target value is read as the server will read it while it is typed,
 * so the user sees which rules «achieved» will be checked against — or why the
 * text cannot be read — before saving.
 */
export function IndicatorForm(props: {
  planId: string;
  /** null: a new indicator. */
  indicatorId: string | null;
  defaults?: Partial<FormInput>;
  /** A new indicator: the plan's last number, so the form suggests the next one. */
  lastNumber?: string;
  /** After a change is saved, or on «Отмена» (edit only). */
  onClose?: () => void;
}) {
  const router = useRouter();
  const editing = props.indicatorId !== null;
  const prefix = `indicator-${props.indicatorId ?? "new"}`;
  const id = (name: string) => `${prefix}-${name}`;
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(ZIndicatorCreate),
    defaultValues: { ...EMPTY, number: nextNumber(props.lastNumber ?? "0"), ...props.defaults },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    setSaved(false);
    const rules = parseTargetRules(values.targetText);
    if (!rules.ok) return form.setError("targetText", { type: "rules", message: rules.error });
    const result = await saveIndicatorAction({ ...values, planId: props.planId, indicatorId: props.indicatorId });
    if (!result.ok) return setError(applyServerErrors(result, form.setError));
    router.refresh();
    if (editing) return props.onClose?.();
    form.reset({ ...EMPTY, number: nextNumber(values.number) });
    setSaved(true);
  });

  const label = editing ? `Изменение показателя ${props.defaults?.number ?? ""}` : "Новый показатель";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={label}>
      {error && <Alert>{error}</Alert>}
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <Field id={id("number")} label="№" hint="Например, 1 или 1.2." error={errors.number?.message}>
          <Input autoComplete="off" {...fieldAria(id("number"), errors.number?.message)} {...form.register("number")} />
        </Field>
        <Field id={id("title")} label="Показатель" error={errors.title?.message}>
          <textarea rows={2} className={textareaClass} {...fieldAria(id("title"), errors.title?.message)} {...form.register("title")} />
        </Field>
      </div>
      <TargetField form={form} id={id("targetText")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("method")} label="Метод сбора информации" error={errors.method?.message}>
          <textarea rows={2} className={textareaClass} {...fieldAria(id("method"), errors.method?.message)} {...form.register("method")} />
        </Field>
        <Field
          id={id("monitoring")}
          label="Результат (мониторинг)"
          hint="Например, «Мониторинг кадровых потребностей»."
          error={errors.monitoring?.message}
        >
          <textarea
            rows={2}
            className={textareaClass}
            {...fieldAria(id("monitoring"), errors.monitoring?.message)}
            {...form.register("monitoring")}
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Сохранение…" : editing ? "Сохранить показатель" : "Добавить показатель"}
        </Button>
        {editing && (
          <Button type="button" variant="ghost" onClick={props.onClose} disabled={isSubmitting}>
            Отмена
          </Button>
        )}
        {saved && !form.formState.isDirty && (
          <p role="status" className="text-sm text-muted-foreground">
            Показатель добавлен.
          </p>
        )}
      </div>
    </form>
  );
}

/** The target value and, live, how it is read: the rules, or the reason it cannot be read. */
function TargetField({ form, id }: { form: UseFormReturn<FormInput, unknown, FormOutput>; id: string }) {
  const text = useWatch({ control: form.control, name: "targetText" }) ?? "";
  const message = form.formState.errors.targetText?.message;
  const parsed = parseTargetRules(text);
  const readingId = `${id}-reading`;
  const aria = fieldAria(id, message);
  return (
    <Field id={id} label="Значение показателя" error={message}>
      <textarea
        rows={2}
        className={textareaClass}
        {...aria}
        aria-describedby={[aria["aria-describedby"], readingId].filter(Boolean).join(" ")}
        {...form.register("targetText")}
      />
      <div id={readingId} aria-live="polite" className="text-xs">
        {text.trim() === "" ? (
          <p className="text-muted-foreground">
            Например: «не менее 30 % от общего количества педагогов в год», «100 % до конца 2024 года», «не менее 1 педагога от каждой
            образовательной организации в год», «до 4 заседаний в год».
          </p>
        ) : parsed.ok ? (
          <div className="text-muted-foreground">
            <p>Как прочитано ({parsed.unit === "%" ? "доля, %" : "количество"}):</p>
            <ul className="list-disc pl-5">
              {parsed.rules.map((rule, i) => (
                <li key={i}>{describeRule(rule, { withSubject: true })}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-destructive">Не прочитано: {parsed.error}</p>
        )}
      </div>
    </Field>
  );
}
