"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { markFindingFixedAction } from "@/lib/actions/findings";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { ZFindingFix } from "@/lib/schemas/finding";
import { sendUpload } from "@/components/files/send-upload";
import { acceptOf, FILE_UPLOAD, rulesText } from "@/lib/domain/files/upload-rules";

type Input = z.input<typeof ZFindingFix>;
type Output = z.output<typeof ZFindingFix>;

const textareaClass = "w-full rounded-md border border-border bg-background px-3 py-2 text-sm aria-[invalid=true]:border-destructive";

/**
 * «Отметить как устранённое»: the participant says what was done and/or attaches
 * a document, uploaded through /api/files for the blank's subject.
 */
export function FixFindingForm({ findingId, fileOwner }: { findingId: string; fileOwner: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [upload, setUpload] = useState<{ busy: boolean; error: string | null; name: string | null }>({
    busy: false,
    error: null,
    name: null,
  });
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(ZFindingFix),
    defaultValues: { findingId, comment: "", fileId: null },
  });
  const { errors, isSubmitting } = form.formState;
  const fileId = form.watch("fileId");

  const send = async (file: File) => {
    setUpload({ busy: true, error: null, name: null });
    const result = await sendUpload(file, { owner: fileOwner });
    if (!result.ok) {
      setUpload({ busy: false, error: result.error, name: null });
      return;
    }
    form.setValue("fileId", result.id, { shouldDirty: true });
    form.clearErrors(["fileId", "comment"]);
    setUpload({ busy: false, error: null, name: result.name });
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await markFindingFixedAction(values);
    if (!result.ok) {
      setError(applyServerErrors(result, form.setError));
      return;
    }
    router.refresh();
  });

  const fileError = upload.error ?? errors.fileId?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Отметка об устранении">
      {error && <Alert>{error}</Alert>}
      <Field
        id="fix-comment"
        label="Что сделано"
        hint="Опишите, как устранено замечание, или приложите подтверждающий документ."
        error={errors.comment?.message}
      >
        <textarea rows={4} className={textareaClass} {...fieldAria("fix-comment", errors.comment?.message)} {...form.register("comment")} />
      </Field>
      <Field id="fix-file" label={`Подтверждающий документ (${rulesText(FILE_UPLOAD)})`} error={fileError}>
        {fileId && (
          <p className="text-sm">
            <a className="text-primary underline" href={`/api/files/${fileId}`}>
              {upload.name ?? "Прикреплённый файл"}
            </a>{" "}
            <button
              type="button"
              className="text-muted-foreground underline"
              onClick={() => {
                form.setValue("fileId", null, { shouldDirty: true });
                setUpload({ busy: false, error: null, name: null });
              }}
            >
              убрать файл
            </button>
          </p>
        )}
        <input
          id="fix-file"
          type="file"
          accept={acceptOf(FILE_UPLOAD)}
          disabled={upload.busy || isSubmitting}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "fix-file-error" : undefined}
          className="block text-sm"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void send(file);
            event.target.value = "";
          }}
        />
        {upload.busy && (
          <p role="status" className="text-sm text-muted-foreground">
            Загрузка файла…
          </p>
        )}
      </Field>
      <Button type="submit" disabled={isSubmitting || upload.busy}>
        {isSubmitting ? "Сохранение…" : "Отметить как устранённое"}
      </Button>
    </form>
  );
}
