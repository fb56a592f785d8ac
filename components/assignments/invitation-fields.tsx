"use client";

import { useEffect } from "react";
import { useFormState, useWatch } from "react-hook-form";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { AssignmentFormApi } from "./assignment-form-api";

/**
 * «Доступ к системе»: invite the coordinator as a user, with an initial password.
 * Offered only where the caller may invite (region admins); elsewhere the
 * invitation is switched off, so a municipality changed after ticking it does not keep it.
 */
export function InvitationFields({ form, canInvite }: { form: AssignmentFormApi; canInvite: boolean }) {
  const { errors } = useFormState({ control: form.control });
  const invite = useWatch({ control: form.control, name: "invite" });

  useEffect(() => {
    if (!canInvite && form.getValues("invite")) form.setValue("invite", false);
  }, [canInvite, form]);

  if (!canInvite) return null;
  return (
    <fieldset className="space-y-4 rounded-md border border-border p-4">
      <legend className="px-1 text-sm font-semibold">Доступ к системе</legend>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" {...form.register("invite")} />
        <span>
          Пригласить координатора: создать пользователя с этой ролью (если пользователь с этой почтой уже есть в регионе, роль будет
          добавлена ему)
        </span>
      </label>
      {errors.invite?.message && (
        <p role="alert" className="text-sm text-destructive">
          {errors.invite.message}
        </p>
      )}
      {invite && (
        <Field
          id="password"
          label="Начальный пароль"
          hint="Не короче 10 символов; сообщите его координатору лично. Пароль существующего пользователя не меняется."
          error={errors.password?.message}
        >
          <Input
            type="password"
            autoComplete="new-password"
            {...fieldAria("password", errors.password?.message)}
            {...form.register("password")}
          />
        </Field>
      )}
    </fieldset>
  );
}
