"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { reopenFindingAction, verifyFindingAction } from "@/lib/actions/findings";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { ZFindingReopen, ZFindingVerify } from "@/lib/schemas/finding";

type Input = z.input<typeof ZFindingVerify>;
type Output = z.output<typeof ZFindingVerify>;

/**
 * The auditor's decision on a reported fix: «Подтвердить устранение» (a comment
 * is optional) or «Вернуть в работу» (the comment says what is still wrong).
 */
export function ReviewFindingForm({ findingId }: { findingId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(ZFindingVerify),
    defaultValues: { findingId, comment: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const done = (result: Awaited<ReturnType<typeof verifyFindingAction>>) => {
    if (!result.ok) {
      setError(applyServerErrors(result, form.setError));
      return;
    }
    router.refresh();
  };

  const verify = form.handleSubmit(async (values) => {
    setError(null);
    done(await verifyFindingAction(values));
  });

  const reopen = form.handleSubmit(async (values) => {
    setError(null);
    const parsed = ZFindingReopen.safeParse(values);
    if (!parsed.success) {
      form.setError("comment", { type: "validate", message: parsed.error.issues[0]?.message }, { shouldFocus: true });
      return;
    }
    done(await reopenFindingAction(parsed.data));
  });

  return (
    <form onSubmit={verify} noValidate className="space-y-4" aria-label="Проверка устранения">
      {error && <Alert>{error}</Alert>}
      <Field
        id="review-comment"
        label="Комментарий аудитора"
        hint="Обязателен, если замечание возвращается в работу."
        error={errors.comment?.message}
      >
        <textarea
          rows={3}
          className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm aria-[invalid=true]:border-destructive"
          {...fieldAria("review-comment", errors.comment?.message)}
          {...form.register("comment")}
        />
      </Field>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={isSubmitting}>
          Подтвердить устранение
        </Button>
        <Button type="button" variant="outline" disabled={isSubmitting} onClick={() => void reopen()}>
          Вернуть в работу
        </Button>
      </div>
    </form>
  );
}
