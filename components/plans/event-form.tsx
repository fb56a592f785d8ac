"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { savePlanEventAction } from "@/lib/actions/plans";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import type { PlanRange } from "@/lib/domain/plans/event-timing";
import { ZPlanEvent } from "@/lib/schemas/plan";
import { DocumentPicker } from "./document-picker";
import { ResponsibleReading } from "./responsible-reading";
import { TimingReading } from "./timing-reading";

export type EventFormValues = z.input<typeof ZPlanEvent>;
type Output = z.output<typeof ZPlanEvent>;
type Option = { value: string; label: string };

export interface EventFormOptions {
  stages: Option[];
  sections: Option[];
  people: Option[];
  documents: Option[];
}

const textareaClass = "w-full rounded-md border border-border bg-background px-3 py-2 text-sm aria-[invalid=true]:border-destructive";
const MAX_LINKS = 20;

/** aria-describedby of a control with a live reading under it, and its error when there is one. */
const describedBy = (id: string, error: string | undefined, reading: string) =>
  [error ? `${id}-error` : "", reading].filter(Boolean).join(" ");

/**
 * An event of a plan, new (eventId null) or changed. The timing and the
 * responsible people are read live as the server will read them. A version
 * changed meanwhile is a conflict: the form keeps everything typed.
 */
export function EventForm(props: {
  planId: string;
  eventId: string | null;
  range: PlanRange;
  options: EventFormOptions;
  defaults: EventFormValues;
}) {
  const router = useRouter();
  const [error, setError] = useState<{ message: string; conflict: boolean; existingId?: string } | null>(null);
  const form = useForm<EventFormValues, unknown, Output>({ resolver: zodResolver(ZPlanEvent), defaultValues: props.defaults });
  const { errors, isSubmitting } = form.formState;
  const [timingText, responsibleText, documentIds, links] = form.watch(["timingText", "responsibleText", "documentIds", "links"]);
  const linkList = links ?? [];
  const id = (name: string) => `event-${name}`;
  const err = (name: keyof EventFormValues) => errors[name]?.message as string | undefined;
  const setLinks = (next: string[]) => form.setValue("links", next, { shouldDirty: true });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await savePlanEventAction({ ...values, planId: props.planId, eventId: props.eventId });
    if (!result.ok) {
      const message = applyServerErrors(result, form.setError);
      const conflict = result.error.code === "CONFLICT" && Object.keys(result.error.fieldErrors).length === 0;
      setError({ message, conflict, existingId: result.error.meta?.existingId });
      return;
    }
    router.push(`/plans/${props.planId}#event-${result.data.id}`);
  });

  const select = (name: "stageId" | "sectionId" | "responsibleUserId", label: string, none: string, options: Option[]) => (
    <Field id={id(name)} label={label} error={err(name)}>
      <NativeSelect {...fieldAria(id(name), err(name))} {...form.register(name)}>
        <option value="">{none}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
  const textarea = (name: "description" | "audience" | "expectedResult" | "evidenceText", label: string, hint?: string) => (
    <Field id={id(name)} label={label} hint={hint} error={err(name)}>
      <textarea rows={3} className={textareaClass} {...fieldAria(id(name), err(name))} {...form.register(name)} />
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={props.eventId ? "Изменение мероприятия" : "Новое мероприятие"}>
      {error && (
        <Alert>
          <p>{error.message}</p>
          {error.conflict && props.eventId && (
            <p className="mt-1">
              <a href={`/plans/${props.planId}/events/${props.eventId}`} target="_blank" rel="noopener" className="underline">
                Открыть текущую версию в новой вкладке
              </a>{" "}
              — сравните и перенесите нужное; то, что вы ввели здесь, не потеряется.
            </p>
          )}
          {error.existingId && (
            <p className="mt-1">
              <Link href={`/plans/${props.planId}#event-${error.existingId}`} className="underline">
                Открыть существующее мероприятие
              </Link>
            </p>
          )}
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
        <Field id={id("number")} label="Номер" hint="Например, 1.1" error={err("number")}>
          <Input {...fieldAria(id("number"), err("number"))} {...form.register("number")} />
        </Field>
        <Field id={id("title")} label="Мероприятие" error={err("title")}>
          <textarea rows={2} className={textareaClass} {...fieldAria(id("title"), err("title"))} {...form.register("title")} />
        </Field>
      </div>
      {textarea("description", "Краткое описание", "Место и формат проведения, цель и задачи мероприятия.")}
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <Field id={id("timingText")} label="Сроки" error={err("timingText")}>
            <Input
              {...form.register("timingText")}
              id={id("timingText")}
              aria-invalid={err("timingText") ? true : undefined}
              aria-describedby={describedBy(id("timingText"), err("timingText"), id("timing-reading"))}
            />
          </Field>
          <TimingReading id={id("timing-reading")} text={timingText ?? ""} range={props.range} />
        </div>
        {props.options.stages.length > 0 && select("stageId", "Этап", "— вне этапов —", props.options.stages)}
        {props.options.sections.length > 0 && select("sectionId", "Раздел", "— вне разделов —", props.options.sections)}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <Field id={id("responsibleText")} label="Ответственный" error={err("responsibleText")}>
            <textarea
              rows={2}
              className={textareaClass}
              {...form.register("responsibleText")}
              id={id("responsibleText")}
              aria-invalid={err("responsibleText") ? true : undefined}
              aria-describedby={describedBy(id("responsibleText"), err("responsibleText"), id("responsible-reading"))}
            />
          </Field>
          <ResponsibleReading id={id("responsible-reading")} text={responsibleText ?? ""} />
        </div>
        {select("responsibleUserId", "Ответственный пользователь (получает напоминания)", "— не выбран —", props.options.people)}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {textarea("audience", "Целевая аудитория", "На кого направлено мероприятие.")}
        {textarea("expectedResult", "Ожидаемый результат")}
      </div>
      {textarea(
        "evidenceText",
        "Подтверждающие документы (как записаны)",
        "Приказ о проведении мероприятия, информационная справка, список участников, отчёт, сценарий и др.",
      )}
      <DocumentPicker
        id={id("documents")}
        options={props.options.documents}
        value={documentIds ?? []}
        onChange={(next) => form.setValue("documentIds", next, { shouldDirty: true })}
        error={errors.documentIds?.message}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Ссылки на размещённые документы</legend>
        {linkList.map((link, i) => {
          const linkId = id(`links-${i}`);
          const linkError = errors.links?.[i]?.message;
          return (
            <div key={i} className="flex flex-wrap items-start gap-2">
              <div className="min-w-72 flex-1">
                <Field id={linkId} label={`Ссылка ${i + 1}`} error={linkError}>
                  <Input
                    type="url"
                    inputMode="url"
                    {...fieldAria(linkId, linkError)}
                    value={link}
                    onChange={(e) => setLinks(linkList.map((l, j) => (j === i ? e.target.value : l)))}
                  />
                </Field>
              </div>
              <Button
                type="button"
                variant="outline"
                size="sm"
                className="mt-7"
                onClick={() => setLinks(linkList.filter((_, j) => j !== i))}
              >
                Удалить ссылку {i + 1}
              </Button>
            </div>
          );
        })}
        {errors.links?.message && (
          <p role="alert" className="text-sm text-destructive">
            {errors.links.message}
          </p>
        )}
        {linkList.length < MAX_LINKS && (
          <Button type="button" variant="outline" size="sm" onClick={() => setLinks([...linkList, ""])}>
            Добавить ссылку
          </Button>
        )}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Сохранение…" : props.eventId ? "Сохранить изменения" : "Добавить мероприятие"}
        </Button>
        <Button asChild variant="outline">
          <Link href={props.eventId ? `/plans/${props.planId}#event-${props.eventId}` : `/plans/${props.planId}`}>Отмена</Link>
        </Button>
      </div>
    </form>
  );
}
