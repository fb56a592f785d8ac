"use client";

import { useFormState } from "react-hook-form";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { AssignmentFormApi } from "./assignment-form-api";
import { OrderPicker } from "./order-picker";

/** «Срок и основание»: the period of the appointment and the order that makes it. */
export function TermFields({ form, municipalityId }: { form: AssignmentFormApi; municipalityId: string }) {
  const { errors } = useFormState({ control: form.control });
  return (
    <fieldset className="space-y-4 rounded-md border border-border p-4">
      <legend className="px-1 text-sm font-semibold">Срок и основание</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="validFrom" label="Действует с" error={errors.validFrom?.message}>
          <Input type="date" {...fieldAria("validFrom", errors.validFrom?.message)} {...form.register("validFrom")} />
        </Field>
        <Field id="validTo" label="Действует по" hint="Оставьте пустым, если срок не ограничен." error={errors.validTo?.message}>
          <Input type="date" {...fieldAria("validTo", errors.validTo?.message)} {...form.register("validTo")} />
        </Field>
      </div>
      <OrderPicker form={form} municipalityId={municipalityId} />
    </fieldset>
  );
}
