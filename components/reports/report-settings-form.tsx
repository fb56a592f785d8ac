"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { saveReportSettingsAction } from "@/lib/actions/reports";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatDate } from "@/lib/dates";
import { LOGO_MIME_TYPES, MAX_DETAIL_LINES, MAX_LOGO_BYTES, ZReportSettings } from "@/lib/schemas/report";

type FormInput = z.input<typeof ZReportSettings>;
type Output = z.output<typeof ZReportSettings>;

export interface ReportSettingsFormProps {
  settings: {
    regionId: string;
    organizationName: string;
    details: string;
    logo: { id: string; name: string } | null;
    isDefault: boolean;
    /** Whom an uploaded logo belongs to ("organization:<id>"); null when the region has nowhere to keep it. */
    logoOwner: string | null;
  };
  /** "YYYY-MM-DD", for the preview's date. */
  today: string;
  editable: boolean;
}

/** The issuer of the region's reports, with the page header as the PDFs will print it. */
export function ReportSettingsForm({ settings, today, editable }: ReportSettingsFormProps) {
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [logo, setLogo] = useState(settings.logo);
  const [upload, setUpload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const form = useForm<FormInput, unknown, Output>({
    resolver: zodResolver(ZReportSettings),
    defaultValues: {
      regionId: settings.regionId,
      organizationName: settings.organizationName,
      details: settings.details,
      logoFileId: settings.logo?.id ?? null,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const [name, details] = form.watch(["organizationName", "details"]);

  const uploadLogo = async (file: File) => {
    if (!(LOGO_MIME_TYPES as readonly string[]).includes(file.type)) {
      setUpload({ busy: false, error: "Логотип — изображение PNG или JPEG." });
      return;
    }
    if (file.size > MAX_LOGO_BYTES) {
      setUpload({ busy: false, error: `Логотип больше ${MAX_LOGO_BYTES / 1024 / 1024} МБ: уменьшите изображение.` });
      return;
    }
    setUpload({ busy: true, error: null });
    const body = new FormData();
    body.set("file", file);
    body.set("owner", settings.logoOwner ?? "");
    const response = await fetch("/api/files", { method: "POST", body }).catch(() => null);
    const json = await response?.json().catch(() => null);
    if (!response?.ok) {
      setUpload({ busy: false, error: json?.error?.message ?? "Не удалось загрузить файл." });
      return;
    }
    form.setValue("logoFileId", json.id, { shouldDirty: true });
    setLogo({ id: json.id, name: json.name });
    setUpload({ busy: false, error: null });
  };

  const removeLogo = () => {
    form.setValue("logoFileId", null, { shouldDirty: true });
    setLogo(null);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await saveReportSettingsAction(values);
    setMessage(
      result.ok
        ? { tone: "info", text: "Оформление сохранено: так будут выглядеть новые отчёты." }
        : { tone: "error", text: applyServerErrors(result, form.setError) },
    );
  });

  const lines = (details ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Оформление отчётов">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {settings.isDefault && (
        <p className="text-sm text-muted-foreground">Оформление ещё не задано: в отчётах выпускающей организацией указан регион.</p>
      )}
      <input type="hidden" {...form.register("regionId")} />
      <Field id="organizationName" label="Организация, выпускающая отчёты" error={errors.organizationName?.message}>
        <Input
          disabled={!editable}
          {...fieldAria("organizationName", errors.organizationName?.message)}
          {...form.register("organizationName")}
        />
      </Field>
      <Field
        id="details"
        label="Реквизиты"
        hint={`Адрес, телефоны, электронная почта — не больше ${MAX_DETAIL_LINES} строк.`}
        error={errors.details?.message}
      >
        <textarea
          rows={MAX_DETAIL_LINES}
          disabled={!editable}
          className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm"
          {...fieldAria("details", errors.details?.message)}
          {...form.register("details")}
        />
      </Field>
      <Field id="logo" label="Логотип (PNG или JPEG до 1 МБ)" error={upload.error ?? errors.logoFileId?.message}>
        {editable && (
          <input
            id="logo"
            type="file"
            accept=".png,.jpg,.jpeg,image/png,image/jpeg"
            className="block text-sm"
            disabled={upload.busy || !settings.logoOwner}
            aria-invalid={upload.error || errors.logoFileId ? true : undefined}
            aria-describedby={upload.error || errors.logoFileId ? "logo-error" : undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void uploadLogo(file);
            }}
          />
        )}
        {logo && (
          <p className="flex items-center gap-3 text-sm">
            <span>Логотип: {logo.name}</span>
            {editable && (
              <Button type="button" variant="outline" size="sm" onClick={removeLogo}>
                Убрать логотип
              </Button>
            )}
          </p>
        )}
      </Field>
      <section aria-label="Шапка страницы отчёта" className="space-y-1">
        <p className="text-sm font-medium">Так выглядит шапка каждой страницы отчёта</p>
        <div className="flex items-start gap-3 border-b border-foreground/60 bg-background p-3 font-sans">
          {logo && (
            // The stored file itself: served as an attachment, which an <img> still shows (next/image would fetch it through its optimizer).
            // biome-ignore lint/performance/noImgElement: see above
            <img src={`/api/files/${logo.id}`} alt="Логотип" className="h-10 w-10 object-contain" />
          )}
          <div className="min-w-0 flex-1">
            <p className="text-sm font-bold">{name || "—"}</p>
            {lines.map((line, index) => (
              <p key={index} className="text-xs text-muted-foreground">
                {line}
              </p>
            ))}
          </div>
          <p className="text-xs text-muted-foreground">{formatDate(today)}</p>
        </div>
      </section>
      {editable && (
        <Button type="submit" disabled={isSubmitting || upload.busy}>
          Сохранить оформление
        </Button>
      )}
    </form>
  );
}
