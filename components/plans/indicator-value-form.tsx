"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { saveIndicatorValueAction } from "@/lib/actions/indicators";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { ZIndicatorValue } from "@/lib/schemas/plan";

type FormInput = z.input<typeof ZIndicatorValue>;
type FormOutput = z.output<typeof ZIndicatorValue>;

/** «12,5» is how a Russian user writes 12.5; an empty field is no number at all (not 0). */
const asNumberText = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().replace(",", ".")) : v);

/**
 * Enters an indicator's value for a period — for one of the plan's organisations
 * or for the plan as a whole. Entering the same period and organisation again
 * replaces the value.
 */
export function IndicatorValueForm(props: {
  planId: string;
  indicatorId: string;
  indicatorNumber: string;
  /** The current school year, «2025/2026». */
  defaultPeriod: string;
  organizations: Array<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const id = (name: string) => `value-${props.indicatorId}-${name}`;
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const blank = (period: string, organizationId: string | null): FormInput => ({
    indicatorId: props.indicatorId,
    period,
    organizationId: organizationId ?? "",
    value: undefined,
    base: undefined,
    note: "",
  });
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(ZIndicatorValue),
    defaultValues: blank(props.defaultPeriod, null),
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    setSaved(false);
    const result = await saveIndicatorValueAction({ ...values, planId: props.planId });
    if (!result.ok) return setError(applyServerErrors(result, form.setError));
    // The period and organisation stay: the next value is often for the same ones.
    form.reset(blank(values.period, values.organizationId));
    setSaved(true);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={`Значение показателя ${props.indicatorNumber}`}>
      {error && <Alert>{error}</Alert>}
      <input type="hidden" {...form.register("indicatorId")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("period")} label="Период" hint="Учебный год (2025/2026) или календарный год (2025)." error={errors.period?.message}>
          <Input autoComplete="off" {...fieldAria(id("period"), errors.period?.message)} {...form.register("period")} />
        </Field>
        <Field id={id("organizationId")} label="Организация" error={errors.organizationId?.message}>
          <NativeSelect {...fieldAria(id("organizationId"), errors.organizationId?.message)} {...form.register("organizationId")}>
            <option value="">По плану в целом</option>
            {props.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id={id("value")} label="Значение" hint="Число; доля без базы — в процентах." error={errors.value?.message}>
          <Input
            inputMode="decimal"
            autoComplete="off"
            {...fieldAria(id("value"), errors.value?.message)}
            {...form.register("value", { setValueAs: asNumberText })}
          />
        </Field>
        <Field id={id("base")} label="База (необязательно)" hint="Для долей: например, всего педагогов." error={errors.base?.message}>
          <Input
            inputMode="decimal"
            autoComplete="off"
            {...fieldAria(id("base"), errors.base?.message)}
            {...form.register("base", { setValueAs: asNumberText })}
          />
        </Field>
      </div>
      <Field id={id("note")} label="Примечание" error={errors.note?.message}>
        <Input autoComplete="off" {...fieldAria(id("note"), errors.note?.message)} {...form.register("note")} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="outline" disabled={isSubmitting}>
          {isSubmitting ? "Сохранение…" : "Сохранить значение"}
        </Button>
        {saved && !form.formState.isDirty && (
          <p role="status" className="text-sm text-muted-foreground">
            Значение сохранено.
          </p>
        )}
      </div>
    </form>
  );
}
