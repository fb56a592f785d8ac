"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { z } from "@/lib/schemas/z";

const CHANGE_LABELS = { name: "наименование", addresses: "адрес", headName: "руководитель", phone: "телефон" } as const;

const ZRow = z.discriminatedUnion("action", [
  z.object({ row: z.number(), name: z.string(), action: z.literal("create") }),
  z.object({
    row: z.number(),
    name: z.string(),
    action: z.literal("update"),
    previousName: z.string(),
    changes: z.array(z.enum(["name", "addresses", "headName", "phone"])),
  }),
  z.object({ row: z.number(), name: z.string(), action: z.literal("unchanged") }),
]);
const ZProblem = z.object({ row: z.number().nullable(), column: z.string().nullable(), message: z.string() });
const ZResult = z.object({
  dryRun: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rows: z.array(ZRow),
  errors: z.array(ZProblem),
});
const ZFailure = z.object({ error: z.object({ message: z.string() }) });

type Result = z.infer<typeof ZResult>;
type Problem = z.infer<typeof ZProblem>;

type State =
  | { step: "idle" }
  | { step: "preview"; result: Result }
  | { step: "refused"; errors: Problem[] }
  | { step: "done"; result: Result }
  | { step: "failed"; message: string };

/** So many errors are shown; the rest are counted. */
const SHOWN_ERRORS = 100;

/**
 * Imports the municipality's schools from a table in seed 001's columns (XLSX or
 * CSV): the file is checked first and the preview says which schools are new and
 * which change; «Импортировать» then writes all rows or none. Also the links that
 * download the current list in the same columns.
 */
export function SchoolImport({ municipalityId }: { municipalityId: string }) {
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [state, setState] = useState<State>({ step: "idle" });
  const [busy, setBusy] = useState(false);
  const endpoint = `/api/municipalities/${municipalityId}/schools`;

  async function send(dryRun: boolean): Promise<void> {
    if (!file) {
      setFileError("Выберите файл: XLSX или CSV.");
      return;
    }
    setBusy(true);
    const body = new FormData();
    body.append("file", file);
    const response = await fetch(dryRun ? `${endpoint}?dryRun=1` : endpoint, { method: "POST", body }).catch(() => null);
    const answer: unknown = await response?.json().catch(() => null);
    setBusy(false);
    const result = ZResult.safeParse(answer);
    if (result.success) {
      if (result.data.errors.length) return setState({ step: "refused", errors: result.data.errors });
      if (dryRun) return setState({ step: "preview", result: result.data });
      setState({ step: "done", result: result.data });
      setFile(null);
      if (input.current) input.current.value = "";
      router.refresh();
      return;
    }
    const failure = ZFailure.safeParse(answer);
    setState({
      step: "failed",
      message: failure.success ? failure.data.error.message : "Не удалось отправить файл: сервер не ответил. Попробуйте ещё раз.",
    });
  }

  const onCheck = (event: FormEvent) => {
    event.preventDefault();
    void send(true);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span>Скачать список школ:</span>
        <a
          href={`${endpoint}?format=xlsx`}
          className={buttonVariants({ variant: "outline", size: "sm" })}
          aria-label="Скачать список школ в XLSX"
        >
          XLSX
        </a>
        <a
          href={`${endpoint}?format=csv`}
          className={buttonVariants({ variant: "outline", size: "sm" })}
          aria-label="Скачать список школ в CSV"
        >
          CSV
        </a>
      </div>

      <form onSubmit={onCheck} noValidate className="space-y-4" aria-label="Импорт школ">
        <Field
          id={inputId}
          label="Таблица школ (XLSX или CSV)"
          hint="Столбцы: «№», «Наименование общеобразовательной организации», «Юридический адрес», «ФИО руководителя», «Контактный телефон». Школа с тем же наименованием обновится, новая — добавится; школы, которых нет в файле, останутся как есть."
          error={fileError}
        >
          <Input
            ref={input}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="h-auto py-1.5"
            {...fieldAria(inputId, fileError)}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFileError(undefined);
              setState({ step: "idle" });
            }}
          />
        </Field>
        <Button type="submit" variant="outline" disabled={busy}>
          {busy && state.step !== "preview" ? "Проверка…" : "Проверить файл"}
        </Button>
      </form>

      {state.step === "failed" && <Alert>{state.message}</Alert>}
      {state.step === "refused" && <ProblemList errors={state.errors} />}
      {state.step === "done" && (
        <Alert tone="info">
          Импорт выполнен: новых школ — {state.result.created}, обновлено — {state.result.updated}, без изменений — {state.result.unchanged}
          .
        </Alert>
      )}
      {state.step === "preview" && (
        <Preview result={state.result} busy={busy} onImport={() => void send(false)} onCancel={() => setState({ step: "idle" })} />
      )}
    </div>
  );
}

function Preview(props: { result: Result; busy: boolean; onImport: () => void; onCancel: () => void }) {
  const { result } = props;
  const nothing = result.created === 0 && result.updated === 0;
  return (
    <section aria-label="Предварительный просмотр импорта" className="space-y-3">
      <Alert tone="info">
        {nothing
          ? `Файл совпадает со справочником, менять нечего (строк без изменений: ${result.unchanged}).`
          : `Будет добавлено школ: ${result.created}, обновлено: ${result.updated}, без изменений: ${result.unchanged}.`}
      </Alert>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Строки файла и что с ними будет</caption>
          <thead>
            <tr className="border-b border-border text-left">
              <th scope="col" className="py-2 pr-3">
                Строка
              </th>
              <th scope="col" className="py-2 pr-3">
                Наименование
              </th>
              <th scope="col" className="py-2">
                Что будет
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.row} className="border-b border-border align-top">
                <td className="py-2 pr-3 tabular-nums">{row.row}</td>
                <td className="py-2 pr-3">{row.name}</td>
                <td className="py-2">{actionText(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap gap-2">
        {!nothing && (
          <Button type="button" onClick={props.onImport} disabled={props.busy}>
            {props.busy ? "Импорт…" : "Импортировать"}
          </Button>
        )}
        <Button type="button" variant="ghost" onClick={props.onCancel} disabled={props.busy}>
          Отмена
        </Button>
      </div>
    </section>
  );
}

function actionText(row: Result["rows"][number]): string {
  if (row.action === "create") return "Новая школа";
  if (row.action === "unchanged") return "Без изменений";
  const changes = row.changes.map((c) => CHANGE_LABELS[c]).join(", ");
  return row.changes.includes("name") ? `Обновится (${changes}; было «${row.previousName}»)` : `Обновится (${changes})`;
}

function ProblemList({ errors }: { errors: Problem[] }) {
  return (
    <div className="space-y-3">
      <Alert>Файл не импортирован: ошибок — {errors.length}. Исправьте их в файле и загрузите его снова; ничего не изменено.</Alert>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">Ошибки в файле</caption>
          <thead>
            <tr className="border-b border-border text-left">
              <th scope="col" className="py-2 pr-3">
                Строка
              </th>
              <th scope="col" className="py-2 pr-3">
                Столбец
              </th>
              <th scope="col" className="py-2">
                Ошибка
              </th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, SHOWN_ERRORS).map((error, i) => (
              <tr key={i} className="border-b border-border align-top">
                <td className="py-2 pr-3 tabular-nums">{error.row ?? "—"}</td>
                <td className="py-2 pr-3">{error.column ?? "—"}</td>
                <td className="py-2">{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > SHOWN_ERRORS && <p className="text-sm text-muted-foreground">…и ещё {errors.length - SHOWN_ERRORS}.</p>}
    </div>
  );
}
