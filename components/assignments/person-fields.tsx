"use client";

import { useFormState } from "react-hook-form";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { AssignmentFormApi } from "./assignment-form-api";

/** «Координатор»: the person's name and contacts. */
export function PersonFields({ form }: { form: AssignmentFormApi }) {
  const { errors } = useFormState({ control: form.control });
  return (
    <fieldset className="space-y-4 rounded-md border border-border p-4">
      <legend className="px-1 text-sm font-semibold">Координатор</legend>
      <Field id="personName" label="ФИО" error={errors.personName?.message}>
        <Input autoComplete="off" {...fieldAria("personName", errors.personName?.message)} {...form.register("personName")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="phone" label="Телефон" hint="Необязательно." error={errors.phone?.message}>
          <Input type="tel" {...fieldAria("phone", errors.phone?.message)} {...form.register("phone")} />
        </Field>
        <Field id="email" label="Электронная почта" hint="Необязательно; нужна для приглашения." error={errors.email?.message}>
          <Input type="email" {...fieldAria("email", errors.email?.message)} {...form.register("email")} />
        </Field>
      </div>
    </fieldset>
  );
}
