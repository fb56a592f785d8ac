"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createAssignmentAction, listOrderOptionsAction } from "@/lib/actions/assignments";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { COORDINATOR_ROLE_LABELS, ZAssignmentCreate } from "@/lib/schemas/assignment";
import type { AssignmentTargets } from "@/lib/server/assignments/list-assignment-targets";
import type { OrderOption } from "@/lib/server/assignments/list-order-options";
import type { CoordinatorRole } from "@/lib/roles";

type FormInput = z.input<typeof ZAssignmentCreate>;
type Output = z.output<typeof ZAssignmentCreate>;

export interface AssignmentFormInitial {
  role: CoordinatorRole;
  municipalityId: string;
  subjectId: string;
}

/**
 * Appoints a coordinator: the subject (a municipality, or a school picked within
 * its municipality), the person and contacts, the period, the appointing order
 * from the municipality's registry and, for region admins, an invitation.
 */
export function AssignmentForm({ targets, initial }: { targets: AssignmentTargets; initial: AssignmentFormInitial }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [municipalityId, setMunicipalityId] = useState(initial.municipalityId);
  const [orders, setOrders] = useState<{ municipalityId: string; options: OrderOption[] } | null>(null);
  const form = useForm<FormInput, unknown, Output>({
    resolver: zodResolver(ZAssignmentCreate),
    defaultValues: {
      role: initial.role,
      subjectId: initial.subjectId,
      personName: "",
      phone: "",
      email: "",
      validFrom: "",
      validTo: "",
      orderDocumentId: "",
      invite: false,
      password: "",
    },
  });
  const { errors, isSubmitting, isSubmitted } = form.formState;
  const role = form.watch("role");
  const invite = form.watch("invite");

  const roles = (["MUNICIPAL_COORDINATOR", "SCHOOL_COORDINATOR"] as const).filter(
    (r) => r === "SCHOOL_COORDINATOR" || targets.municipalities.some((m) => m.canAppointMunicipal),
  );
  const municipalities =
    role === "MUNICIPAL_COORDINATOR" ? targets.municipalities.filter((m) => m.canAppointMunicipal) : targets.municipalities;
  const schools = targets.schools.filter((s) => s.municipalityId === municipalityId);
  const municipality = targets.municipalities.find((m) => m.id === municipalityId);
  const canInvite = municipality?.canInvite ?? false;

  // The municipality's registry documents, fetched when the municipality changes.
  useEffect(() => {
    if (!municipalityId) return;
    let cancelled = false;
    void listOrderOptionsAction({ municipalityId }).then((result) => {
      if (cancelled) return;
      setOrders({ municipalityId, options: result.ok ? result.data : [] });
      const chosen = form.getValues("orderDocumentId");
      if (chosen && !(result.ok && result.data.some((o) => o.id === chosen))) form.setValue("orderDocumentId", "");
    });
    return () => {
      cancelled = true;
    };
  }, [municipalityId, form]);

  useEffect(() => {
    if (!canInvite && form.getValues("invite")) form.setValue("invite", false);
  }, [canInvite, form]);

  const chooseSubject = (nextRole: CoordinatorRole, nextMunicipality: string) => {
    setMunicipalityId(nextMunicipality);
    form.setValue("subjectId", nextRole === "MUNICIPAL_COORDINATOR" ? nextMunicipality : "", { shouldValidate: isSubmitted });
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await createAssignmentAction(values);
    if (!result.ok) {
      setError(applyServerErrors(result, form.setError));
      return;
    }
    router.push(`/coordinators/${result.data.subjectId}`);
  });

  const loadingOrders = municipalityId !== "" && orders?.municipalityId !== municipalityId;
  const options = orders && orders.municipalityId === municipalityId ? orders.options : [];
  const subjectError = errors.subjectId?.message;
  const roleField = form.register("role", {
    onChange: (event: { target: { value: string } }) => chooseSubject(event.target.value as CoordinatorRole, municipalityId),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Назначение координатора">
      {error && <Alert>{error}</Alert>}
      <fieldset className="space-y-4 rounded-md border border-border p-4">
        <legend className="px-1 text-sm font-semibold">Кого координирует</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="role" label="Роль" error={errors.role?.message}>
            <NativeSelect {...fieldAria("role", errors.role?.message)} {...roleField}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {COORDINATOR_ROLE_LABELS[r]}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field id="municipality" label="Муниципалитет" error={role === "MUNICIPAL_COORDINATOR" ? subjectError : undefined}>
            <NativeSelect
              {...fieldAria("municipality", role === "MUNICIPAL_COORDINATOR" ? subjectError : undefined)}
              value={municipalities.some((m) => m.id === municipalityId) ? municipalityId : ""}
              onChange={(event) => chooseSubject(role, event.target.value)}
            >
              <option value="">— выберите —</option>
              {municipalities.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
          {role === "SCHOOL_COORDINATOR" && (
            <Field id="school" label="Школа" error={subjectError}>
              <NativeSelect {...fieldAria("school", subjectError)} disabled={!municipalityId} {...form.register("subjectId")}>
                <option value="">{municipalityId ? "— выберите —" : "— сначала выберите муниципалитет —"}</option>
                {schools.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </NativeSelect>
            </Field>
          )}
        </div>
      </fieldset>

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
        <Field
          id="orderDocumentId"
          label="Приказ о назначении"
          hint={
            !municipalityId
              ? "Сначала выберите муниципалитет."
              : loadingOrders
                ? "Загружаются документы реестра…"
                : options.length === 0
                  ? "В реестре документов муниципалитета пока нет документов."
                  : "Документ из реестра муниципалитета и его школ."
          }
          error={errors.orderDocumentId?.message}
        >
          <NativeSelect
            {...fieldAria("orderDocumentId", errors.orderDocumentId?.message)}
            aria-describedby={errors.orderDocumentId?.message ? "orderDocumentId-error" : "orderDocumentId-hint"}
            {...form.register("orderDocumentId")}
          >
            <option value="">— без приказа —</option>
            {options.some((o) => o.isOrder) && (
              <optgroup label="Приказы">
                {options
                  .filter((o) => o.isOrder)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
              </optgroup>
            )}
            {options.some((o) => !o.isOrder) && (
              <optgroup label="Другие документы">
                {options
                  .filter((o) => !o.isOrder)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
              </optgroup>
            )}
          </NativeSelect>
        </Field>
      </fieldset>

      {canInvite && (
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
      )}

      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Сохранение…" : "Назначить"}
      </Button>
    </form>
  );
}
