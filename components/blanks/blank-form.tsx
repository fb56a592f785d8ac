"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { saveAnswersAction, submitBlankAction } from "@/lib/actions/blanks";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { checkFormAnswer, fromAnswer, type FormAnswer } from "@/lib/blanks/answer-form";
import type { TBlankAnswer } from "@/lib/schemas/blank";
import type { OwnerDocument } from "@/lib/server/documents/list-documents-for-owner";
import { effectiveLegalBasis, walkItems, type AnswerKind, type TTemplateContent } from "@/lib/schemas/template";
import { AnswerFields, type BlankFormValues } from "./answer-fields";
import { ItemHistory } from "./item-history";
import { LegalBasis } from "./legal-basis";
import { OfficialCount } from "./official-count";

export interface BlankFormProps {
  blankId: string;
  version: number;
  content: TTemplateContent;
  answers: Record<string, { value: TBlankAnswer | null; carriedOver: boolean }>;
  fileNames: Record<string, string>;
  fileOwner: string;
  registry: OwnerDocument[];
  officialCounts: Record<string, number>;
}

type SaveState =
  | { kind: "saved"; at: Date | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "invalid" }
  | { kind: "error"; message: string };

const AUTOSAVE_MS = 1500;
const backupKey = (blankId: string) => `metodaudit:blank:${blankId}`;

/**
 * The participant's form: grouped by section, legal basis on each item, autosaved.
 * A save names the version it started from; on a conflict nothing is lost — the
 * answers stay in the form and in the browser's storage until they are saved.
 */
export function BlankForm(props: BlankFormProps) {
  const router = useRouter();
  const rows = useMemo(() => [...walkItems(props.content.items)], [props.content]);
  const kinds = useMemo(
    () => new Map(rows.filter((r) => r.item.kind !== "SECTION").map((r) => [r.item.key, r.item.kind as AnswerKind])),
    [rows],
  );
  const initial = useMemo(
    () =>
      Object.fromEntries(
        [...kinds.keys()].map((key) => {
          const value = props.answers[key]?.value;
          const fileName = value?.kind === "DOCUMENT" && value.fileId ? (props.fileNames[value.fileId] ?? "") : "";
          return [key, fromAnswer(value, fileName)];
        }),
      ),
    [kinds, props.answers, props.fileNames],
  );
  const form = useForm<BlankFormValues>({ defaultValues: { answers: initial } });
  const version = useRef(props.version);
  const saved = useRef<Record<string, string>>(Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)])));
  const [carried, setCarried] = useState(
    () =>
      new Set(
        Object.entries(props.answers)
          .filter(([, a]) => a.carriedOver)
          .map(([k]) => k),
      ),
  );
  const [state, setState] = useState<SaveState>({ kind: "saved", at: null });
  const [confirmingSubmit, setConfirmingSubmit] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);

  /** Sends every changed, valid item; returns true when nothing is left unsaved. */
  const save = useCallback(
    async (confirmKeys: string[] = []): Promise<boolean> => {
      if (inFlight.current) await inFlight.current;
      const run = async () => {
        const values = form.getValues("answers");
        const payload: { itemKey: string; value: TBlankAnswer | null; confirm: boolean }[] = [];
        let invalid = false;
        for (const [key, kind] of kinds) {
          const current = values[key] as FormAnswer;
          const changed = JSON.stringify(current) !== saved.current[key];
          if (!changed && !confirmKeys.includes(key)) continue;
          const check = checkFormAnswer(kind, current);
          form.clearErrors(`answers.${key}`);
          if (!check.ok) {
            invalid = true;
            for (const [field, message] of Object.entries(check.errors)) {
              form.setError(`answers.${key}.${field as keyof FormAnswer}`, { type: "validate", message });
            }
            continue;
          }
          payload.push({ itemKey: key, value: check.value, confirm: confirmKeys.includes(key) });
        }
        if (payload.length === 0) {
          setState(invalid ? { kind: "invalid" } : { kind: "saved", at: null });
          return !invalid;
        }
        setState({ kind: "saving" });
        const result = await saveAnswersAction({ blankId: props.blankId, version: version.current, answers: payload });
        if (!result.ok) {
          setState({ kind: "error", message: result.error.message });
          return false;
        }
        version.current = result.data.version;
        for (const { itemKey } of payload) saved.current[itemKey] = JSON.stringify(values[itemKey]);
        setCarried((before) => new Set([...before].filter((k) => !payload.some((p) => p.itemKey === k))));
        if (!invalid) window.localStorage.removeItem(backupKey(props.blankId));
        setState(invalid ? { kind: "invalid" } : { kind: "saved", at: new Date() });
        return !invalid;
      };
      inFlight.current = run().finally(() => {
        inFlight.current = null;
      });
      return inFlight.current;
    },
    [form, kinds, props.blankId],
  );

  useEffect(() => {
    const schedule = () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    };
    const backup = window.localStorage.getItem(backupKey(props.blankId));
    if (backup) {
      // Answers typed before a failed save or a closed tab come back — only those,
      // so what others saved meanwhile on other items is kept.
      const { answers } = JSON.parse(backup) as BlankFormValues;
      for (const [key, value] of Object.entries(answers)) {
        if (kinds.has(key)) form.setValue(`answers.${key}`, value, { shouldDirty: true });
      }
      setState({ kind: "dirty" });
      schedule();
    }
    const subscription = form.watch((values) => {
      const unsaved = Object.fromEntries(
        Object.entries(values.answers ?? {}).filter(([key, value]) => JSON.stringify(value) !== saved.current[key]),
      );
      window.localStorage.setItem(backupKey(props.blankId), JSON.stringify({ answers: unsaved }));
      setState({ kind: "dirty" });
      schedule();
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [form, kinds, props.blankId, save]);

  const values = form.watch("answers");
  const unanswered = [...kinds].filter(([key, kind]) => {
    const check = checkFormAnswer(kind, values[key] as FormAnswer);
    return check.ok && check.value === null;
  }).length;

  const submit = async (force: boolean) => {
    clearTimeout(timer.current);
    if (!(await save())) return;
    if (unanswered > 0 && !force) {
      setConfirmingSubmit(unanswered);
      return;
    }
    setConfirmingSubmit(null);
    const result = await submitBlankAction({ blankId: props.blankId, version: version.current });
    if (!result.ok) {
      setState({ kind: "error", message: result.error.message });
      return;
    }
    window.localStorage.removeItem(backupKey(props.blankId));
    router.refresh();
  };

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-label="Заполнение бланка" className="space-y-4">
      <SaveStatus state={state} onRetry={() => void save()} onReload={() => router.refresh()} />
      {rows.map(({ item, depth }) =>
        item.kind === "SECTION" ? (
          <div key={item.key} className="pt-2" style={{ marginLeft: `${depth * 1.25}rem` }}>
            <h2 className={depth === 0 ? "text-lg font-semibold" : "font-semibold"}>
              {item.number} {item.title}
            </h2>
            <LegalBasis bases={item.legalBasis} />
          </div>
        ) : (
          <fieldset
            key={item.key}
            className="space-y-3 rounded-md border border-border bg-background p-4"
            style={{ marginLeft: `${depth * 1.25}rem` }}
          >
            <legend className="px-1 font-medium">
              {item.number} {item.title}
              {item.footnotes.map((f) => f.mark).join("")}
            </legend>
            <LegalBasis bases={effectiveLegalBasis(props.content, item.key)} />
            {item.annualUpdate && (
              <p className="text-xs text-muted-foreground">Ежегодное обновление: документ не старше 12 месяцев на дату аудита.</p>
            )}
            {carried.has(item.key) && (
              <div className="flex flex-wrap items-center gap-2">
                <Badge>перенесено из прошлой кампании</Badge>
                <Button type="button" size="sm" variant="outline" onClick={() => void save([item.key])}>
                  Подтвердить ответ {item.number}
                </Button>
              </div>
            )}
            <AnswerFields
              itemKey={item.key}
              kind={item.kind as AnswerKind}
              label={`${item.number} ${item.title}`}
              register={form.register}
              setValue={form.setValue}
              errors={form.formState.errors}
              value={values[item.key] as FormAnswer}
              fileOwner={props.fileOwner}
              disabled={false}
              registry={props.registry}
            />
            <OfficialCount
              official={props.officialCounts[item.key]}
              declared={(values[item.key] as FormAnswer).count.trim() === "" ? null : Number((values[item.key] as FormAnswer).count)}
            />
            <ItemHistory blankId={props.blankId} itemKey={item.key} label={item.number} />
          </fieldset>
        ),
      )}
      {confirmingSubmit !== null && (
        <Alert tone="info">
          Не заполнено пунктов: {confirmingSubmit}. Незаполненные пункты будут считаться невыполненными. Отправить бланк на проверку?
          <div className="mt-2 flex gap-2">
            <Button type="button" size="sm" onClick={() => void submit(true)}>
              Отправить с незаполненными пунктами
            </Button>
            <Button type="button" size="sm" variant="outline" onClick={() => setConfirmingSubmit(null)}>
              Продолжить заполнение
            </Button>
          </div>
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="outline" onClick={() => void save()}>
          Сохранить
        </Button>
        <Button type="button" onClick={() => void submit(false)} disabled={state.kind === "saving"}>
          Отправить на проверку
        </Button>
      </div>
    </form>
  );
}

function SaveStatus(props: { state: SaveState; onRetry: () => void; onReload: () => void }) {
  const { state } = props;
  if (state.kind === "error") {
    return (
      <Alert>
        {state.message}
        <div className="mt-2 flex gap-2">
          <Button type="button" size="sm" variant="outline" onClick={props.onRetry}>
            Повторить сохранение
          </Button>
          <Button type="button" size="sm" variant="outline" onClick={props.onReload}>
            Обновить бланк
          </Button>
        </div>
      </Alert>
    );
  }
  const text = {
    saved: state.kind === "saved" && state.at ? `Сохранено в ${state.at.toLocaleTimeString("ru-RU")}` : "Все изменения сохранены",
    dirty: "Есть несохранённые изменения…",
    saving: "Сохранение…",
    invalid: "Исправьте ошибки в отмеченных полях: они не сохранены.",
  }[state.kind];
  return (
    <p role="status" aria-live="polite" className="sticky top-0 z-10 rounded-md bg-muted px-3 py-2 text-sm">
      {text}
    </p>
  );
}
