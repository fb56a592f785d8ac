"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { createTeacherAction, updateTeacherAction } from "@/lib/actions/students";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ZTeacherFields } from "@/lib/schemas/student";

type FormInput = z.input<typeof ZTeacherFields>;
type Output = z.output<typeof ZTeacherFields>;

/** A teacher working with ДОТ and the courses they took: a new one, or one to correct. */
export function TeacherForm(props: { organizationId: string; teacherId: string | null; defaults: Partial<FormInput> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, Output>({
    resolver: zodResolver(ZTeacherFields),
    defaultValues: { schoolYear: "", fullName: "", subject: "", needsCourse: false, courses: [], ...props.defaults },
  });
  const courses = useFieldArray({ control: form.control, name: "courses" });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = props.teacherId
      ? await updateTeacherAction({ ...values, teacherId: props.teacherId })
      : await createTeacherAction({ ...values, organizationId: props.organizationId });
    if (!result.ok) return setError(applyServerErrors(result, form.setError));
    if (!props.teacherId) form.reset();
    router.push("/school/students/teachers");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={props.teacherId ? "Изменение педагога" : "Новый педагог"}>
      {error && <Alert>{error}</Alert>}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="teacher-fullName" label="ФИО педагога" error={errors.fullName?.message}>
          <Input autoComplete="off" {...fieldAria("teacher-fullName", errors.fullName?.message)} {...form.register("fullName")} />
        </Field>
        <Field id="teacher-subject" label="Предмет" error={errors.subject?.message}>
          <Input {...fieldAria("teacher-subject", errors.subject?.message)} {...form.register("subject")} />
        </Field>
        <Field id="teacher-schoolYear" label="Учебный год" error={errors.schoolYear?.message}>
          <Input {...fieldAria("teacher-schoolYear", errors.schoolYear?.message)} {...form.register("schoolYear")} />
        </Field>
      </div>
      <div className="flex items-center gap-2">
        <input type="checkbox" id="teacher-needsCourse" className="h-4 w-4" {...form.register("needsCourse")} />
        <label htmlFor="teacher-needsCourse" className="text-sm">
          Нуждается в курсах повышения квалификации
        </label>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Курсы повышения квалификации</legend>
        {courses.fields.map((field, index) => {
          const e = errors.courses?.[index];
          const cid = (name: string) => `course-${index}-${name}`;
          return (
            <div key={field.id} className="grid items-end gap-3 rounded-md border border-border p-3 sm:grid-cols-[2fr_1fr_1fr_6rem_auto]">
              <Field id={cid("title")} label={`Курс ${index + 1}: название`} error={e?.title?.message}>
                <Input {...fieldAria(cid("title"), e?.title?.message)} {...form.register(`courses.${index}.title`)} />
              </Field>
              <Field id={cid("dateFrom")} label="С" error={e?.dateFrom?.message}>
                <Input type="date" {...fieldAria(cid("dateFrom"), e?.dateFrom?.message)} {...form.register(`courses.${index}.dateFrom`)} />
              </Field>
              <Field id={cid("dateTo")} label="По" error={e?.dateTo?.message}>
                <Input type="date" {...fieldAria(cid("dateTo"), e?.dateTo?.message)} {...form.register(`courses.${index}.dateTo`)} />
              </Field>
              <Field id={cid("hours")} label="Часов" error={e?.hours?.message}>
                <Input type="number" min={1} {...fieldAria(cid("hours"), e?.hours?.message)} {...form.register(`courses.${index}.hours`)} />
              </Field>
              <Button type="button" variant="outline" size="sm" onClick={() => courses.remove(index)}>
                Удалить курс {index + 1}
              </Button>
            </div>
          );
        })}
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => courses.append({ title: "", dateFrom: "", dateTo: "", hours: 72 })}
        >
          Добавить курс
        </Button>
      </fieldset>
      <Button type="submit" disabled={isSubmitting}>
        {props.teacherId ? "Сохранить педагога" : "Добавить педагога"}
      </Button>
    </form>
  );
}
