"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createDocumentAction } from "@/lib/actions/documents";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { parseRequisites, parseRequisitesList } from "@/lib/domain/requisites/parse-requisites";
import { DOCUMENT_TYPES, describeRequisites, ZDocumentCreate } from "@/lib/schemas/document";
import { sendUpload } from "@/components/files/send-upload";
import { acceptOf, FILE_UPLOAD, rulesText } from "@/lib/domain/files/upload-rules";

const PASTE_LABEL = "Реквизиты текстом (например, «Приказ МКУ КНМЦ от 12.03.2021 №52-П «О проведении методического аудита»»)";

type FormInput = z.input<typeof ZDocumentCreate>;
type Output = z.output<typeof ZDocumentCreate>;

export interface OwnerOption {
  value: string;
  label: string;
}

/** A registry document: requisites typed in, or filled from pasted text and confirmed; the file checked by content. */
export function DocumentForm({ owners }: { owners: OwnerOption[] }) {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; existingId?: string } | null>(null);
  const [pasted, setPasted] = useState("");
  const [parseNote, setParseNote] = useState<{ tone: "info" | "error"; text: string } | null>(null);
  const [upload, setUpload] = useState<{ busy: boolean; name: string; error: string | null }>({ busy: false, name: "", error: null });
  const form = useForm<FormInput, unknown, Output>({
    resolver: zodResolver(ZDocumentCreate),
    defaultValues: {
      owner: owners[0]?.value ?? "",
      type: "приказ",
      issuer: "",
      date: null,
      number: "",
      title: "",
      fileId: null,
      childData: false,
    },
  });
  const { errors, isSubmitting } = form.formState;

  const fillFromText = () => {
    const result = parseRequisites(pasted);
    if (!result.ok) {
      setParseNote({ tone: "error", text: result.error });
      return;
    }
    const { type, issuer, date, number, title } = result.value;
    if (type && (DOCUMENT_TYPES as readonly string[]).includes(type)) form.setValue("type", type as Output["type"]);
    form.setValue("issuer", issuer ?? "");
    form.setValue("date", date);
    form.setValue("number", number ?? "");
    form.setValue("title", title ?? "");
    // An approving order («утв. приказом … от … № …») or a second document in the text is a document of its own.
    const list = parseRequisitesList(pasted);
    const others = list.ok ? list.value.slice(1).map((d) => describeRequisites({ ...d, type: d.type ?? "документ" })) : [];
    const more = others.length ? ` В тексте есть и другой документ: ${others.join("; ")} — внесите его в реестр отдельно.` : "";
    setParseNote({ tone: "info", text: `Реквизиты заполнены из текста. Проверьте их перед сохранением.${more}` });
  };

  const uploadFile = async (file: File) => {
    setUpload({ busy: true, name: "", error: null });
    // A scan of a document that names a child is a child's file from the first moment.
    const result = await sendUpload(file, { owner: form.getValues("owner"), ...(form.getValues("childData") ? { for: "child" } : {}) });
    if (!result.ok) {
      setUpload({ busy: false, name: "", error: result.error });
      return;
    }
    form.setValue("fileId", result.id);
    setUpload({ busy: false, name: result.name, error: null });
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await createDocumentAction(values);
    if (!result.ok) {
      setError({ message: applyServerErrors(result, form.setError), existingId: result.error.meta?.existingId });
      return;
    }
    router.push(`/documents/${result.data.id}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Новый документ">
      {error && (
        <Alert>
          {error.message}{" "}
          {error.existingId && (
            <Link className="underline" href={`/documents/${error.existingId}`}>
              Открыть существующий документ
            </Link>
          )}
        </Alert>
      )}
      <div className="space-y-2 rounded-md border border-border p-4">
        <Field id="pasted" label={PASTE_LABEL}>
          <textarea
            id="pasted"
            rows={2}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm"
          />
        </Field>
        <Button type="button" variant="outline" size="sm" onClick={fillFromText} disabled={!pasted.trim()}>
          Заполнить реквизиты из текста
        </Button>
        {parseNote && <Alert tone={parseNote.tone}>{parseNote.text}</Alert>}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="owner" label="Чей документ" error={errors.owner?.message}>
          <NativeSelect {...fieldAria("owner", errors.owner?.message)} {...form.register("owner")}>
            {owners.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="type" label="Вид документа" error={errors.type?.message}>
          <NativeSelect {...fieldAria("type", errors.type?.message)} {...form.register("type")}>
            {DOCUMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id="issuer" label="Кем издан" error={errors.issuer?.message}>
          <Input {...fieldAria("issuer", errors.issuer?.message)} {...form.register("issuer")} />
        </Field>
        <Field id="date" label="Дата" error={errors.date?.message}>
          <Input type="date" {...fieldAria("date", errors.date?.message)} {...form.register("date", { setValueAs: (v) => v || null })} />
        </Field>
        <Field id="number" label="Номер" error={errors.number?.message}>
          <Input {...fieldAria("number", errors.number?.message)} {...form.register("number")} />
        </Field>
        <Field id="title" label="Наименование" error={errors.title?.message}>
          <Input {...fieldAria("title", errors.title?.message)} {...form.register("title")} />
        </Field>
      </div>
      <div className="space-y-1">
        <label htmlFor="childData" className="inline-flex items-center gap-2 text-sm font-medium">
          <input id="childData" type="checkbox" className="h-4 w-4" aria-describedby="childData-hint" {...form.register("childData")} />
          Документ называет ребёнка (персональные данные обучающегося)
        </label>
        <p id="childData-hint" className="text-sm text-muted-foreground">
          Например, приказ о зачислении одного ребёнка на обучение на дому. Такой документ видят только координатор, в чей реестр он внесён,
          и аудиторы региона (каждое открытие записывается); в бланках, планах и назначениях его выбрать нельзя.
        </p>
      </div>
      <Field id="file" label={`Файл (${rulesText(FILE_UPLOAD)})`} error={upload.error ?? errors.fileId?.message}>
        <input
          id="file"
          type="file"
          accept={acceptOf(FILE_UPLOAD)}
          className="block text-sm"
          disabled={upload.busy}
          aria-invalid={upload.error ? true : undefined}
          aria-describedby={upload.error ? "file-error" : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void uploadFile(file);
          }}
        />
        {upload.name && <p className="text-sm">Загружен: {upload.name}</p>}
      </Field>
      <Button type="submit" disabled={isSubmitting || upload.busy}>
        Сохранить в реестре
      </Button>
    </form>
  );
}
