"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updateFindingPlanAction } from "@/lib/actions/findings";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ZFindingPlan } from "@/lib/schemas/finding";

type FormInput = z.input<typeof ZFindingPlan>;
type FormOutput = z.output<typeof ZFindingPlan>;

/**
 * The remediation plan: the region's staff set the deadline and the responsible
 * person; the participant names the responsible person only.
 */
export function FindingPlanForm(props: { findingId: string; deadline: string; responsible: string | null; canEditDeadline: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(ZFindingPlan),
    defaultValues: {
      findingId: props.findingId,
      deadline: props.canEditDeadline ? props.deadline : undefined,
      responsible: props.responsible ?? "",
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    setSaved(false);
    const result = await updateFindingPlanAction(values);
    if (!result.ok) {
      setError(applyServerErrors(result, form.setError));
      return;
    }
    // What was saved becomes the form's baseline; a further edit hides the confirmation.
    form.reset(values);
    setSaved(true);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="План устранения">
      {error && <Alert>{error}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        {props.canEditDeadline && (
          <Field id="plan-deadline" label="Срок устранения" error={errors.deadline?.message}>
            <Input type="date" {...fieldAria("plan-deadline", errors.deadline?.message)} {...form.register("deadline")} />
          </Field>
        )}
        <Field id="plan-responsible" label="Ответственный за устранение" hint="ФИО и должность." error={errors.responsible?.message}>
          <Input {...fieldAria("plan-responsible", errors.responsible?.message)} {...form.register("responsible")} />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="outline" disabled={isSubmitting}>
          {isSubmitting ? "Сохранение…" : "Сохранить план"}
        </Button>
        {saved && !form.formState.isDirty && (
          <p role="status" className="text-sm text-muted-foreground">
            План сохранён.
          </p>
        )}
      </div>
    </form>
  );
}
