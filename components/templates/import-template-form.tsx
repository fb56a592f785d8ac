"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { z } from "@/lib/schemas/z";

const ZImportFile = z.object({
  file: z.custom<FileList>((value) => value instanceof FileList && value.length === 1, "Выберите файл шаблона: JSON или XLSX."),
});
type ImportFile = z.infer<typeof ZImportFile>;

const ZImported = z.object({ versionId: z.uuid(), version: z.number(), created: z.boolean() });
const ZFailure = z.object({
  error: z.object({ message: z.string(), fieldErrors: z.record(z.string(), z.array(z.string())).default({}) }),
});

interface Failure {
  message: string;
  details: [string, string[]][];
}

/** Uploads an exported template (JSON or XLSX); the server says in Russian what is wrong with a bad file. */
export function ImportTemplateForm() {
  const router = useRouter();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [unchanged, setUnchanged] = useState<z.infer<typeof ZImported> | null>(null);
  const form = useForm<ImportFile>({ resolver: zodResolver(ZImportFile) });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ file }) => {
    setFailure(null);
    setUnchanged(null);
    const body = new FormData();
    body.append("file", file[0]!);
    const response = await fetch("/api/templates/import", { method: "POST", body }).catch(() => null);
    const answer: unknown = await response?.json().catch(() => null);
    const imported = ZImported.safeParse(answer);
    if (response?.ok && imported.success) {
      if (imported.data.created) return router.push(`/region/templates/${imported.data.versionId}`);
      return setUnchanged(imported.data);
    }
    const failed = ZFailure.safeParse(answer);
    if (!failed.success) {
      return setFailure({ message: "Не удалось загрузить файл: сервер не ответил. Попробуйте ещё раз.", details: [] });
    }
    const { message, fieldErrors } = failed.data.error;
    if (fieldErrors.file) form.setError("file", { type: "server", message: fieldErrors.file.join(" ") });
    // The rest point into the file's content ("content.items.0.title"), not at this form's fields.
    setFailure({ message, details: Object.entries(fieldErrors).filter(([path]) => path !== "file") });
  });

  const fileError = errors.file?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Импорт шаблона">
      {failure && (
        <Alert>
          <p>{failure.message}</p>
          {failure.details.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {failure.details.slice(0, 20).map(([path, messages]) => (
                <li key={path}>
                  <code>{path}</code>: {messages.join(" ")}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {unchanged && (
        <Alert tone="info">
          Файл совпадает с опубликованной{" "}
          <Link href={`/region/templates/${unchanged.versionId}`} className="text-primary underline">
            версией {unchanged.version}
          </Link>
          : новая версия не создана.
        </Alert>
      )}
      <Field
        id="template-file"
        label="Файл шаблона"
        hint="Файл, выгруженный кнопкой JSON или XLSX. Новый ключ — новый шаблон; известный ключ — следующая опубликованная версия."
        error={fileError}
      >
        <Input
          type="file"
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="h-auto py-1.5"
          {...fieldAria("template-file", fileError)}
          {...form.register("file")}
        />
      </Field>
      <Button type="submit" variant="outline" disabled={isSubmitting}>
        {isSubmitting ? "Загрузка…" : "Импортировать"}
      </Button>
    </form>
  );
}
