"use client";

import { useState } from "react";
import type { FieldErrors, UseFormRegister, UseFormSetValue } from "react-hook-form";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { FormAnswer } from "@/lib/domain/blanks/answer-form";
import { describeRequisites } from "@/lib/schemas/document";
import type { AnswerKind } from "@/lib/schemas/template";
import type { OwnerDocument } from "@/lib/server/documents/list-documents-for-owner";
import { sendUpload } from "@/components/files/send-upload";
import { acceptOf, BLANK_ATTACHMENT_UPLOAD, rulesText } from "@/lib/domain/files/upload-rules";

export type BlankFormValues = { answers: Record<string, FormAnswer> };

interface Props {
  itemKey: string;
  kind: AnswerKind;
  label: string;
  register: UseFormRegister<BlankFormValues>;
  setValue: UseFormSetValue<BlankFormValues>;
  errors: FieldErrors<BlankFormValues>;
  value: FormAnswer;
  /** "municipality:<id>" or "organization:<id>": who the attached files belong to. */
  fileOwner: string;
  disabled: boolean;
  /** The participant's registry documents, to take a document's requisites from. */
  registry: OwnerDocument[];
}

function YesNo(props: Props & { yes: string; no: string }) {
  const name = `answers.${props.itemKey}.present` as const;
  const error = props.errors.answers?.[props.itemKey]?.present?.message;
  return (
    <div role="radiogroup" aria-label={`${props.label}: наличие`} className="flex flex-wrap gap-4 text-sm">
      {(["yes", "no"] as const).map((option) => (
        <label key={option} className="inline-flex items-center gap-2">
          <input type="radio" value={option} disabled={props.disabled} {...props.register(name)} />
          {option === "yes" ? props.yes : props.no}
        </label>
      ))}
      {error && <span className="text-destructive">{error}</span>}
    </div>
  );
}

/** The inputs of one item, by its answer kind. */
export function AnswerFields(props: Props) {
  const { itemKey, kind, register, errors, disabled } = props;
  const id = (field: string) => `a-${itemKey}-${field}`;
  const error = (field: keyof FormAnswer) => errors.answers?.[itemKey]?.[field]?.message;
  const text = (field: "docType" | "issuer" | "number" | "title", label: string, wide = false) => (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <Field id={id(field)} label={label} error={error(field)}>
        <Input disabled={disabled} {...fieldAria(id(field), error(field))} {...register(`answers.${itemKey}.${field}`)} />
      </Field>
    </div>
  );

  if (kind === "COUNT") {
    return (
      <Field id={id("count")} label="Численность" error={error("count")}>
        <Input
          inputMode="numeric"
          className="w-40"
          disabled={disabled}
          {...fieldAria(id("count"), error("count"))}
          {...register(`answers.${itemKey}.count`)}
        />
      </Field>
    );
  }
  if (kind === "PRESENCE") return <YesNo {...props} yes="Есть" no="Нет" />;
  if (kind === "TEXT") {
    return (
      <Field id={id("text")} label="Ответ" error={error("text")}>
        <textarea
          rows={3}
          disabled={disabled}
          className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm"
          {...fieldAria(id("text"), error("text"))}
          {...register(`answers.${itemKey}.text`)}
        />
      </Field>
    );
  }
  return (
    <div className="space-y-3">
      <YesNo {...props} yes="Документ есть" no="Документа нет" />
      {props.value.present === "yes" && (
        <div className="grid gap-3 sm:grid-cols-2">
          {props.registry.length > 0 && (
            <div className="sm:col-span-2">
              <RegistryPicker {...props} />
            </div>
          )}
          {text("docType", "Вид документа (приказ, положение, соглашение…)")}
          {text("issuer", "Кем издан")}
          <Field id={id("date")} label="Дата" error={error("date")}>
            <Input type="date" disabled={disabled} {...fieldAria(id("date"), error("date"))} {...register(`answers.${itemKey}.date`)} />
          </Field>
          {text("number", "Номер")}
          {text("title", "Наименование", true)}
          <div className="sm:col-span-2">
            <AttachmentField {...props} />
          </div>
        </div>
      )}
    </div>
  );
}

function AttachmentField(props: Props) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const inputId = `a-${props.itemKey}-file`;
  const upload = async (file: File) => {
    setState({ busy: true, error: null });
    const result = await sendUpload(file, { owner: props.fileOwner }, BLANK_ATTACHMENT_UPLOAD);
    if (!result.ok) {
      setState({ busy: false, error: result.error });
      return;
    }
    props.setValue(`answers.${props.itemKey}.fileId`, result.id, { shouldDirty: true });
    props.setValue(`answers.${props.itemKey}.fileName`, result.name, { shouldDirty: true });
    setState({ busy: false, error: null });
  };
  return (
    <Field id={inputId} label={`Файл документа (${rulesText(BLANK_ATTACHMENT_UPLOAD)})`} error={state.error ?? undefined}>
      {props.value.fileId && (
        <p className="text-sm">
          <a className="text-primary underline" href={`/api/files/${props.value.fileId}`}>
            {props.value.fileName || "Прикреплённый файл"}
          </a>{" "}
          {!props.disabled && (
            <button
              type="button"
              className="text-muted-foreground underline"
              onClick={() => {
                props.setValue(`answers.${props.itemKey}.fileId`, "", { shouldDirty: true });
                props.setValue(`answers.${props.itemKey}.fileName`, "", { shouldDirty: true });
              }}
            >
              убрать
            </button>
          )}
        </p>
      )}
      <input
        id={inputId}
        type="file"
        accept={acceptOf(BLANK_ATTACHMENT_UPLOAD)}
        disabled={props.disabled || state.busy}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? `${inputId}-error` : undefined}
        className="block text-sm"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void upload(file);
          event.target.value = "";
        }}
      />
    </Field>
  );
}

function RegistryPicker(props: Props) {
  const id = `a-${props.itemKey}-registry`;
  const choose = (documentId: string) => {
    const doc = props.registry.find((d) => d.id === documentId);
    const set = (field: keyof FormAnswer, value: string) =>
      props.setValue(`answers.${props.itemKey}.${field}`, value, { shouldDirty: true });
    set("documentId", documentId);
    if (!doc) return;
    set("docType", doc.type.charAt(0).toUpperCase() + doc.type.slice(1));
    set("issuer", doc.issuer);
    set("date", doc.date);
    set("number", doc.number);
    set("title", doc.title);
    set("fileId", doc.fileId ?? "");
    set("fileName", doc.fileName);
  };
  return (
    <Field id={id} label="Документ из реестра (заполнит реквизиты)">
      <NativeSelect id={id} value={props.value.documentId} disabled={props.disabled} onChange={(e) => choose(e.target.value)}>
        <option value="">— не из реестра —</option>
        {props.registry.map((d) => (
          <option key={d.id} value={d.id}>
            {describeRequisites({ ...d, issuer: d.issuer || null, date: d.date || null, number: d.number || null, title: d.title || null })}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}
