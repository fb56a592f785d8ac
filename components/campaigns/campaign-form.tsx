"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createCampaignAction } from "@/lib/actions/campaigns";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ZCampaignCreate } from "@/lib/schemas/campaign";
import { TEMPLATE_LEVEL_LABELS } from "@/lib/schemas/template";
import type { CampaignOptions } from "@/lib/server/campaigns/list-campaign-options";

type FormInput = z.input<typeof ZCampaignCreate>;
type Output = z.output<typeof ZCampaignCreate>;

export function CampaignForm({ options }: { options: CampaignOptions }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [tasksText, setTasksText] = useState("");
  const form = useForm<FormInput, unknown, Output>({
    resolver: zodResolver(ZCampaignCreate),
    defaultValues: { name: "", goal: "", tasks: [], date: "", deadline: "", templateVersionIds: [], municipalityIds: [], schoolIds: [] },
  });
  const { errors, isSubmitting } = form.formState;
  const municipalityIds = form.watch("municipalityIds") ?? [];

  const selectBaseSchools = () =>
    form.setValue(
      "schoolIds",
      options.schools.filter((s) => s.isBaseSchool && municipalityIds.includes(s.municipalityId)).map((s) => s.id),
    );

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await createCampaignAction(values);
    if (!result.ok) {
      setError(applyServerErrors(result, form.setError));
      return;
    }
    router.push(`/campaigns/${result.data.id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Новая кампания">
      {error && <Alert>{error}</Alert>}
      <Field id="name" label="Название кампании" error={errors.name?.message}>
        <Input placeholder="Методический аудит МЦДО 2026" {...fieldAria("name", errors.name?.message)} {...form.register("name")} />
      </Field>
      <Field id="goal" label="Цель" error={errors.goal?.message}>
        <textarea
          id="goal"
          rows={3}
          className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm"
          {...form.register("goal")}
        />
      </Field>
      <Field id="tasks" label="Задачи (по одной в строке)" error={errors.tasks?.message}>
        <textarea
          id="tasks"
          rows={4}
          value={tasksText}
          onChange={(e) => {
            setTasksText(e.target.value);
            form.setValue(
              "tasks",
              e.target.value
                .split("\n")
                .map((t) => t.trim())
                .filter(Boolean),
            );
          }}
          className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm"
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="date" label="Дата аудита" error={errors.date?.message}>
          <Input type="date" {...fieldAria("date", errors.date?.message)} {...form.register("date")} />
        </Field>
        <Field id="deadline" label="Срок сдачи бланков" error={errors.deadline?.message}>
          <Input type="date" {...fieldAria("deadline", errors.deadline?.message)} {...form.register("deadline")} />
        </Field>
      </div>
      <fieldset className="space-y-2 rounded-md border border-border p-4">
        <legend className="px-1 text-sm font-semibold">Бланки</legend>
        {errors.templateVersionIds?.message && (
          <p role="alert" className="text-sm text-destructive">
            {errors.templateVersionIds.message}
          </p>
        )}
        {options.templates.map((t) => (
          <label key={t.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={t.id} {...form.register("templateVersionIds")} />
            {t.label} ({TEMPLATE_LEVEL_LABELS[t.level]})
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-2 rounded-md border border-border p-4">
        <legend className="px-1 text-sm font-semibold">Муниципалитеты-участники (муниципальный бланк)</legend>
        {errors.municipalityIds?.message && (
          <p role="alert" className="text-sm text-destructive">
            {errors.municipalityIds.message}
          </p>
        )}
        <div className="flex gap-2">
          <Button
            type="button"
            size="sm"
            variant="outline"
            onClick={() =>
              form.setValue(
                "municipalityIds",
                options.municipalities.map((m) => m.id),
              )
            }
          >
            Выбрать все
          </Button>
          <Button type="button" size="sm" variant="outline" onClick={() => form.setValue("municipalityIds", [])}>
            Снять все
          </Button>
        </div>
        <div className="grid max-h-72 gap-1 overflow-y-auto sm:grid-cols-2 lg:grid-cols-3">
          {options.municipalities.map((m) => (
            <label key={m.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={m.id} {...form.register("municipalityIds")} />
              {m.name}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2 rounded-md border border-border p-4">
        <legend className="px-1 text-sm font-semibold">Школы-участники (школьный бланк)</legend>
        <Button type="button" size="sm" variant="outline" onClick={selectBaseSchools}>
          Базовые школы выбранных муниципалитетов
        </Button>
        <div className="max-h-72 space-y-2 overflow-y-auto">
          {options.municipalities
            .filter((m) => municipalityIds.includes(m.id))
            .map((m) => (
              <div key={m.id}>
                <p className="text-sm font-medium">{m.name}</p>
                {options.schools
                  .filter((s) => s.municipalityId === m.id)
                  .map((s) => (
                    <label key={s.id} className="ml-4 flex items-center gap-2 text-sm">
                      <input type="checkbox" value={s.id} {...form.register("schoolIds")} />
                      {s.name}
                      {s.isBaseSchool && " (БШ)"}
                    </label>
                  ))}
              </div>
            ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Создание…" : "Создать кампанию"}
      </Button>
    </form>
  );
}
