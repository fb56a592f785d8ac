"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { createPlanAction } from "@/lib/actions/plans";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { PLAN_KIND_LABELS, PLAN_KINDS, roman } from "@/lib/domain/plans/plan-labels";
import { parseSchoolYear } from "@/lib/domain/plans/school-year";
import { ZPlanCreate } from "@/lib/schemas/plan";
import { TimingReading, type DraftRange } from "./timing-reading";

type FormInput = z.input<typeof ZPlanCreate>;
type Output = z.output<typeof ZPlanCreate>;
type Period = "year" | "dates";

const baseResolver = zodResolver(ZPlanCreate);

/** Only what the chosen kind and period use is sent: hidden parts never block the form, and are kept if the user switches back. */
function prepare(values: FormInput, period: Period): FormInput {
  return {
    ...values,
    schoolYear: period === "year" ? values.schoolYear : null,
    startsOn: period === "dates" ? values.startsOn : null,
    endsOn: period === "dates" ? values.endsOn : null,
    stages: values.kind === "PROGRAMME" ? values.stages : [],
    sections: values.kind === "METHODICAL_PLAN" ? values.sections : [],
  };
}

function draftRange(values: Pick<FormInput, "schoolYear" | "startsOn" | "endsOn">, period: Period): DraftRange {
  if (period === "dates") return { schoolYear: null, startsOn: values.startsOn, endsOn: values.endsOn };
  const year = values.schoolYear ? parseSchoolYear(values.schoolYear) : null;
  return year ? { schoolYear: year.label, startsOn: year.start, endsOn: year.end } : {};
}

/** A new plan: kind, title, whose it is, its school year or dates; a programme's stages, a methodical plan's sections. */
export function PlanForm({ owners }: { owners: Array<{ value: string; label: string }> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [period, setPeriodState] = useState<Period>("year");
  const periodRef = useRef<Period>("year");
  const setPeriod = (next: Period) => {
    periodRef.current = next;
    setPeriodState(next);
  };
  const form = useForm<FormInput, unknown, Output>({
    resolver: (values, context, options) => baseResolver(prepare(values, periodRef.current), context, options),
    defaultValues: {
      kind: "ROADMAP",
      title: "",
      owner: owners[0]?.value ?? "",
      schoolYear: "",
      startsOn: "",
      endsOn: "",
      stages: [],
      sections: [],
    },
  });
  const stages = useFieldArray({ control: form.control, name: "stages" });
  const sections = useFieldArray({ control: form.control, name: "sections" });
  const { errors, isSubmitting } = form.formState;
  const [kind, schoolYear, startsOn, endsOn, stageValues] = form.watch(["kind", "schoolYear", "startsOn", "endsOn", "stages"]);
  const range = draftRange({ schoolYear, startsOn, endsOn }, period);

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await createPlanAction(values);
    if (!result.ok) {
      setError(applyServerErrors(result, form.setError));
      return;
    }
    router.push(`/plans/${result.data.id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Новый план">
      {error && <Alert>{error}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="plan-kind" label="Вид плана" error={errors.kind?.message}>
          <NativeSelect {...fieldAria("plan-kind", errors.kind?.message)} {...form.register("kind")}>
            {PLAN_KINDS.map((k) => (
              <option key={k} value={k}>
                {PLAN_KIND_LABELS[k]}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="plan-owner" label="Чей план" error={errors.owner?.message}>
          <NativeSelect {...fieldAria("plan-owner", errors.owner?.message)} {...form.register("owner")}>
            {owners.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <Field
        id="plan-title"
        label="Название"
        hint="Например: «Муниципальная дорожная карта на 2020-2021 учебный год по сопровождению школ с низкими образовательными результатами»."
        error={errors.title?.message}
      >
        <textarea
          rows={2}
          className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm aria-[invalid=true]:border-destructive"
          {...fieldAria("plan-title", errors.title?.message)}
          {...form.register("title")}
        />
      </Field>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Период плана</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="plan-period" className="h-4 w-4" checked={period === "year"} onChange={() => setPeriod("year")} />
            Учебный год
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="plan-period" className="h-4 w-4" checked={period === "dates"} onChange={() => setPeriod("dates")} />
            Даты начала и окончания
          </label>
        </div>
        {period === "year" ? (
          <div className="max-w-xs">
            <Field
              id="plan-schoolYear"
              label="Учебный год"
              hint="Например, 2025/2026: с 1 сентября по 31 августа."
              error={errors.schoolYear?.message ?? errors.startsOn?.message}
            >
              <Input
                {...fieldAria("plan-schoolYear", errors.schoolYear?.message ?? errors.startsOn?.message)}
                {...form.register("schoolYear")}
              />
            </Field>
          </div>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="plan-startsOn" label="Дата начала" error={errors.startsOn?.message}>
              <Input type="date" {...fieldAria("plan-startsOn", errors.startsOn?.message)} {...form.register("startsOn")} />
            </Field>
            <Field id="plan-endsOn" label="Дата окончания" error={errors.endsOn?.message}>
              <Input type="date" {...fieldAria("plan-endsOn", errors.endsOn?.message)} {...form.register("endsOn")} />
            </Field>
          </div>
        )}
      </fieldset>

      {kind === "PROGRAMME" && (
        <fieldset className="space-y-3 rounded-md border border-border p-4">
          <legend className="px-1 text-sm font-medium">Этапы программы</legend>
          {stages.fields.length === 0 && (
            <p className="text-sm text-muted-foreground">
              Этапов пока нет. Например: «I этап. Сентябрь – декабрь 2013 г. – подготовительный этап».
            </p>
          )}
          {stages.fields.map((field, i) => {
            const id = (name: string) => `plan-stages-${i}-${name}`;
            const titleError = errors.stages?.[i]?.title?.message;
            const timingError = errors.stages?.[i]?.timingText?.message;
            return (
              <div
                key={field.id}
                className="grid gap-3 border-t border-border pt-3 first-of-type:border-t-0 first-of-type:pt-0 sm:grid-cols-[1fr_1fr_auto] sm:items-start"
              >
                <Field id={id("title")} label={`${roman(i + 1)} этап: название`} error={titleError}>
                  <Input {...fieldAria(id("title"), titleError)} {...form.register(`stages.${i}.title`)} />
                </Field>
                <div className="space-y-1.5">
                  <Field id={id("timing")} label={`${roman(i + 1)} этап: сроки`} error={timingError}>
                    <Input
                      {...form.register(`stages.${i}.timingText`)}
                      id={id("timing")}
                      aria-invalid={timingError ? true : undefined}
                      aria-describedby={[timingError ? `${id("timing")}-error` : "", id("reading")].filter(Boolean).join(" ")}
                    />
                  </Field>
                  <TimingReading id={id("reading")} text={stageValues?.[i]?.timingText ?? ""} range={range} />
                </div>
                <Button type="button" variant="outline" size="sm" className="sm:mt-7" onClick={() => stages.remove(i)}>
                  Удалить этап {roman(i + 1)}
                </Button>
              </div>
            );
          })}
          {stages.fields.length < 10 && (
            <Button type="button" variant="outline" size="sm" onClick={() => stages.append({ title: "", timingText: "" })}>
              Добавить этап
            </Button>
          )}
        </fieldset>
      )}

      {kind === "METHODICAL_PLAN" && (
        <fieldset className="space-y-3 rounded-md border border-border p-4">
          <legend className="px-1 text-sm font-medium">Разделы плана</legend>
          {sections.fields.length === 0 && (
            <p className="text-sm text-muted-foreground">
              Разделов пока нет. Например: «1. Мероприятия по повышению квалификации и профессиональной переподготовки педагогов».
            </p>
          )}
          {sections.fields.map((field, i) => {
            const id = (name: string) => `plan-sections-${i}-${name}`;
            const numberError = errors.sections?.[i]?.number?.message;
            const titleError = errors.sections?.[i]?.title?.message;
            return (
              <div key={field.id} className="grid gap-3 sm:grid-cols-[8rem_1fr_auto] sm:items-start">
                <Field id={id("number")} label={`Раздел ${i + 1}: номер`} error={numberError}>
                  <Input {...fieldAria(id("number"), numberError)} {...form.register(`sections.${i}.number`)} />
                </Field>
                <Field id={id("title")} label={`Раздел ${i + 1}: название`} error={titleError}>
                  <Input {...fieldAria(id("title"), titleError)} {...form.register(`sections.${i}.title`)} />
                </Field>
                <Button type="button" variant="outline" size="sm" className="sm:mt-7" onClick={() => sections.remove(i)}>
                  Удалить раздел {i + 1}
                </Button>
              </div>
            );
          })}
          {sections.fields.length < 30 && (
            <Button
              type="button"
              variant="outline"
              size="sm"
              onClick={() => sections.append({ number: String(sections.fields.length + 1), title: "" })}
            >
              Добавить раздел
            </Button>
          )}
        </fieldset>
      )}

      <Button type="submit" disabled={isSubmitting || owners.length === 0}>
        {isSubmitting ? "Создание…" : "Создать план"}
      </Button>
    </form>
  );
}
