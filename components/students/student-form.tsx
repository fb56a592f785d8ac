"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createStudentAction, updateStudentAction } from "@/lib/actions/students";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { sendUpload } from "@/components/files/send-upload";
import { acceptOf, FILE_UPLOAD, rulesText } from "@/lib/domain/files/upload-rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import {
  FURTHER_EDUCATION,
  FURTHER_EDUCATION_LABELS,
  STUDENT_STATUS_LABELS,
  STUDENT_STATUSES,
  ZStudentFields,
} from "@/lib/schemas/student";

type FormInput = z.input<typeof ZStudentFields>;
type Output = z.output<typeof ZStudentFields>;

export interface StudentFormOptions {
  documents: Array<{ id: string; label: string }>;
  teachers: Array<{ id: string; label: string }>;
}

/** A student's record: a new one for the coordinator's school, or the card's fields to correct. */
export function StudentForm(props: {
  mode: "create" | "edit";
  organizationId: string;
  studentId?: string;
  defaults: Partial<FormInput>;
  options: StudentFormOptions;
  iupFileName?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [upload, setUpload] = useState<{ busy: boolean; name: string; error: string | null }>({
    busy: false,
    name: props.iupFileName ?? "",
    error: null,
  });
  const form = useForm<FormInput, unknown, Output>({
    resolver: zodResolver(ZStudentFields),
    defaultValues: {
      schoolYear: "",
      fullName: "",
      birthDate: "",
      grade: "",
      enrolmentOrderId: "",
      networkAgreementId: "",
      disabilityConfirmedUntil: "",
      iupPresent: false,
      iupFileId: null,
      timetable: "",
      teacherIds: [],
      status: "STUDYING",
      furtherEducation: "",
      ...props.defaults,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const status = form.watch("status");
  const teacherIds = form.watch("teacherIds") ?? [];
  const prefix = props.mode === "create" ? "new-student" : "student";
  const id = (name: string) => `${prefix}-${name}`;

  const uploadFile = async (file: File) => {
    setUpload({ busy: true, name: "", error: null });
    // A child's file from the first moment: its name never reaches the audit trail.
    const result = await sendUpload(file, { owner: `organization:${props.organizationId}`, for: "child" });
    if (!result.ok) {
      setUpload({ busy: false, name: "", error: result.error });
      return;
    }
    form.setValue("iupFileId", result.id);
    form.setValue("iupPresent", true);
    setUpload({ busy: false, name: result.name, error: null });
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    setSaved(false);
    if (props.mode === "create") {
      const result = await createStudentAction({ ...values, organizationId: props.organizationId });
      if (!result.ok) return setError(applyServerErrors(result, form.setError));
      router.push(`/students/${result.data.id}`);
      return;
    }
    const result = await updateStudentAction({ ...values, studentId: props.studentId as string });
    if (!result.ok) return setError(applyServerErrors(result, form.setError));
    // The action revalidates this page and answers with it: a refresh here would render the card (and log a read) twice.
    setSaved(true);
  });

  const err = (name: keyof FormInput) => errors[name]?.message as string | undefined;

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-5"
      aria-label={props.mode === "create" ? "Новый обучающийся" : "Изменение карточки"}
    >
      {error && <Alert>{error}</Alert>}
      {saved && <Alert tone="info">Изменения сохранены.</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id("fullName")} label="ФИО или инициалы" error={err("fullName")}>
          <Input autoComplete="off" {...fieldAria(id("fullName"), err("fullName"))} {...form.register("fullName")} />
        </Field>
        <Field id={id("schoolYear")} label="Учебный год" error={err("schoolYear")} hint="Например, 2025/2026">
          <Input {...fieldAria(id("schoolYear"), err("schoolYear"))} {...form.register("schoolYear")} />
        </Field>
        <Field id={id("birthDate")} label="Дата рождения" error={err("birthDate")}>
          <Input type="date" {...fieldAria(id("birthDate"), err("birthDate"))} {...form.register("birthDate")} />
        </Field>
        <Field id={id("grade")} label="Класс" error={err("grade")}>
          <Input {...fieldAria(id("grade"), err("grade"))} {...form.register("grade")} />
        </Field>
        <Field id={id("enrolmentOrderId")} label="Приказ о зачислении на обучение с ДОТ" error={err("enrolmentOrderId")}>
          <NativeSelect {...fieldAria(id("enrolmentOrderId"), err("enrolmentOrderId"))} {...form.register("enrolmentOrderId")}>
            <option value="">— нет —</option>
            {props.options.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id={id("networkAgreementId")} label="Договор о сетевой форме" error={err("networkAgreementId")}>
          <NativeSelect {...fieldAria(id("networkAgreementId"), err("networkAgreementId"))} {...form.register("networkAgreementId")}>
            <option value="">— нет —</option>
            {props.options.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field id={id("disabilityConfirmedUntil")} label="Инвалидность подтверждена до" error={err("disabilityConfirmedUntil")}>
          <Input
            type="date"
            {...fieldAria(id("disabilityConfirmedUntil"), err("disabilityConfirmedUntil"))}
            {...form.register("disabilityConfirmedUntil")}
          />
        </Field>
        <Field id={id("status")} label="Статус" error={err("status")}>
          <NativeSelect {...fieldAria(id("status"), err("status"))} {...form.register("status")}>
            {STUDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STUDENT_STATUS_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        </Field>
        {status === "GRADUATED" && (
          <Field id={id("furtherEducation")} label="Продолжение обучения" error={err("furtherEducation")}>
            <NativeSelect {...fieldAria(id("furtherEducation"), err("furtherEducation"))} {...form.register("furtherEducation")}>
              <option value="">— не известно —</option>
              {FURTHER_EDUCATION.map((f) => (
                <option key={f} value={f}>
                  {FURTHER_EDUCATION_LABELS[f]}
                </option>
              ))}
            </NativeSelect>
          </Field>
        )}
      </div>
      <div className="flex items-center gap-2">
        <input type="checkbox" id={id("iupPresent")} className="h-4 w-4" {...form.register("iupPresent")} />
        <label htmlFor={id("iupPresent")} className="text-sm">
          Есть индивидуальный учебный план (ИУП)
        </label>
      </div>
      <Field id={id("iupFile")} label={`Файл ИУП (${rulesText(FILE_UPLOAD)})`} error={upload.error ?? err("iupFileId")}>
        <input
          id={id("iupFile")}
          type="file"
          accept={acceptOf(FILE_UPLOAD)}
          className="block text-sm"
          disabled={upload.busy}
          aria-invalid={upload.error ? true : undefined}
          aria-describedby={upload.error || err("iupFileId") ? `${id("iupFile")}-error` : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void uploadFile(file);
          }}
        />
        {upload.name && <p className="text-sm">Загружен: {upload.name}</p>}
      </Field>
      <Field id={id("timetable")} label="Расписание занятий" error={err("timetable")}>
        <textarea
          rows={3}
          className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm"
          {...fieldAria(id("timetable"), err("timetable"))}
          {...form.register("timetable")}
        />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Педагоги</legend>
        {props.options.teachers.length === 0 && <p className="text-sm text-muted-foreground">Педагогов этого учебного года пока нет.</p>}
        {props.options.teachers.map((t) => (
          <div key={t.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              id={id(`teacher-${t.id}`)}
              className="h-4 w-4"
              checked={teacherIds.includes(t.id)}
              onChange={(e) =>
                form.setValue("teacherIds", e.target.checked ? [...teacherIds, t.id] : teacherIds.filter((x) => x !== t.id), {
                  shouldDirty: true,
                })
              }
            />
            <label htmlFor={id(`teacher-${t.id}`)} className="text-sm">
              {t.label}
            </label>
          </div>
        ))}
        {errors.teacherIds && (
          <p role="alert" className="text-sm text-destructive">
            {errors.teacherIds.message}
          </p>
        )}
      </fieldset>
      <Button type="submit" disabled={isSubmitting || upload.busy}>
        {props.mode === "create" ? "Добавить обучающегося" : "Сохранить изменения"}
      </Button>
    </form>
  );
}
