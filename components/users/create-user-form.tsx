"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { createUserAction } from "@/lib/actions/users";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ZUserCreate } from "@/lib/schemas/user";
import type { MembershipTargets } from "@/lib/server/directory/list-membership-targets";
import { MembershipFields } from "./membership-fields";

type FormInput = z.input<typeof ZUserCreate>;
type Output = z.output<typeof ZUserCreate>;

export function CreateUserForm({ targets }: { targets: MembershipTargets }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, Output>({
    resolver: zodResolver(ZUserCreate),
    defaultValues: { email: "", name: "", password: "", memberships: [{ role: undefined, scopeId: "" }] },
  });
  const memberships = useFieldArray({ control: form.control, name: "memberships" });
  const { errors, isSubmitting } = form.formState;
  const roles = form.watch("memberships");

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await createUserAction(values);
    if (!result.ok) {
      setError(applyServerErrors(result, form.setError));
      return;
    }
    router.push(`/region/users/${result.data.id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Новый пользователь">
      {error && <Alert>{error}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label="ФИО" error={errors.name?.message}>
          <Input {...fieldAria("name", errors.name?.message)} {...form.register("name")} />
        </Field>
        <Field id="email" label="Электронная почта" error={errors.email?.message}>
          <Input type="email" {...fieldAria("email", errors.email?.message)} {...form.register("email")} />
        </Field>
        <Field
          id="password"
          label="Начальный пароль"
          hint="Не короче 10 символов; сообщите его пользователю лично."
          error={errors.password?.message}
        >
          <Input
            type="password"
            autoComplete="new-password"
            {...fieldAria("password", errors.password?.message)}
            {...form.register("password")}
          />
        </Field>
      </div>
      <fieldset className="space-y-4 rounded-md border border-border p-4">
        <legend className="px-1 text-sm font-semibold">Роли</legend>
        {errors.memberships?.message && <Alert>{errors.memberships.message}</Alert>}
        {memberships.fields.map((field, index) => (
          <div key={field.id} className="space-y-2">
            <MembershipFields
              idPrefix={`membership-${index}`}
              role={roles[index]?.role}
              targets={targets}
              registerRole={form.register(`memberships.${index}.role`)}
              registerScope={form.register(`memberships.${index}.scopeId`)}
              roleError={errors.memberships?.[index]?.role?.message}
              scopeError={errors.memberships?.[index]?.scopeId?.message}
            />
            {memberships.fields.length > 1 && (
              <Button type="button" variant="ghost" size="sm" onClick={() => memberships.remove(index)}>
                Убрать роль
              </Button>
            )}
          </div>
        ))}
        <Button type="button" variant="outline" size="sm" onClick={() => memberships.append({ role: undefined as never, scopeId: "" })}>
          Добавить роль
        </Button>
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Сохранение…" : "Создать пользователя"}
      </Button>
    </form>
  );
}
