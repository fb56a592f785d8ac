"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createTemplateAction } from "@/lib/actions/templates";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { TEMPLATE_LEVEL_LABELS, TEMPLATE_LEVELS } from "@/lib/schemas/template";
import { ZNewTemplate } from "@/lib/domain/templates/new-template";

export function CreateTemplateForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof ZNewTemplate>, unknown, z.output<typeof ZNewTemplate>>({
    resolver: zodResolver(ZNewTemplate),
    defaultValues: { key: "", name: "", level: "SCHOOL" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await createTemplateAction(values).catch(() => null);
    if (!result) return setError("Сервер не ответил. Попробуйте ещё раз.");
    if (!result.ok) return setError(applyServerErrors(result, form.setError));
    router.push(`/region/templates/${result.data.versionId}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Новый шаблон">
      {error && <Alert>{error}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label="Название шаблона" error={errors.name?.message}>
          <Input {...fieldAria("name", errors.name?.message)} {...form.register("name")} />
        </Field>
        <Field id="level" label="Уровень" error={errors.level?.message}>
          <NativeSelect {...fieldAria("level", errors.level?.message)} {...form.register("level")}>
            {TEMPLATE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {TEMPLATE_LEVEL_LABELS[level]}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field
          id="key"
          label="Ключ"
          hint="Латинские строчные буквы, цифры и дефис, например mcdo-school-coordinator. Не меняется: по нему узнаются версии при импорте."
          error={errors.key?.message}
        >
          <Input {...fieldAria("key", errors.key?.message)} {...form.register("key")} />
        </Field>
      </div>
      <p className="text-sm text-muted-foreground">
        Шаблон создаётся черновиком версии 1 с одним разделом и одним пунктом; дальше он правится в редакторе.
      </p>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Создание…" : "Создать шаблон"}
      </Button>
    </form>
  );
}
