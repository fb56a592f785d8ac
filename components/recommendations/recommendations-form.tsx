"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { saveRecommendationsAction } from "@/lib/actions/recommendations";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FINDING_STATUSES, ITEM_STATUS_LABELS, SEVERITY_LABELS, SEVERITY_OF, type FindingStatus } from "@/lib/domain/scoring/statuses";
import { ZRecommendations, type TRecommendations } from "@/lib/schemas/recommendation";

export function RecommendationsForm({ texts, editable }: { texts: Record<FindingStatus, string>; editable: boolean }) {
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const form = useForm<TRecommendations>({ resolver: zodResolver(ZRecommendations), defaultValues: { texts } });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await saveRecommendationsAction(values);
    setMessage(
      result.ok ? { tone: "info", text: "Рекомендации сохранены." } : { tone: "error", text: applyServerErrors(result, form.setError) },
    );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Рекомендации по умолчанию">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {FINDING_STATUSES.map((status) => {
        const error = form.formState.errors.texts?.[status]?.message;
        const id = `rec-${status}`;
        return (
          <Field
            key={status}
            id={id}
            label={`${ITEM_STATUS_LABELS[status]} (важность: ${SEVERITY_LABELS[SEVERITY_OF[status]]})`}
            error={error}
          >
            <textarea
              id={id}
              rows={2}
              disabled={!editable}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm"
              {...form.register(`texts.${status}`)}
            />
          </Field>
        );
      })}
      {editable && (
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Сохранить рекомендации
        </Button>
      )}
    </form>
  );
}
