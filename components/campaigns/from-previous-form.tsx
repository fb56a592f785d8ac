"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { startFromPreviousAction } from "@/lib/actions/campaigns";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ZCampaignFromPrevious } from "@/lib/schemas/campaign";

/** Starts the next campaign from this one: same participants, last answers carried over as drafts. */
export function FromPreviousForm({ previousCampaignId, previousName }: { previousCampaignId: string; previousName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof ZCampaignFromPrevious>, unknown, z.output<typeof ZCampaignFromPrevious>>({
    resolver: zodResolver(ZCampaignFromPrevious),
    defaultValues: { previousCampaignId, name: `${previousName} (повторный)`, date: "", deadline: "", useSuccessor: true },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await startFromPreviousAction(values);
    if (!result.ok) setError(applyServerErrors(result, form.setError));
    else router.push(`/campaigns/${result.data.id}`);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Новая кампания на основе этой">
      {error && <Alert>{error}</Alert>}
      <Field id="next-name" label="Название новой кампании" error={errors.name?.message}>
        <Input {...fieldAria("next-name", errors.name?.message)} {...form.register("name")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="next-date" label="Дата аудита" error={errors.date?.message}>
          <Input type="date" {...fieldAria("next-date", errors.date?.message)} {...form.register("date")} />
        </Field>
        <Field id="next-deadline" label="Срок сдачи бланков" error={errors.deadline?.message}>
          <Input type="date" {...fieldAria("next-deadline", errors.deadline?.message)} {...form.register("deadline")} />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...form.register("useSuccessor")} />
        Использовать новейшие опубликованные версии бланков
      </label>
      <Button type="submit" disabled={isSubmitting}>
        Начать кампанию с переносом ответов
      </Button>
    </form>
  );
}
