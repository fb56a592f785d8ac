"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { parseSchoolYear } from "@/lib/plans/school-year";
import { z } from "@/lib/schemas/z";

const ZRow = z.object({
  row: z.number(),
  municipality: z.string(),
  title: z.string(),
  timing: z.string(),
  people: z.array(z.string()),
  documents: z.number(),
  action: z.enum(["create", "update"]),
});
const ZProblem = z.object({ row: z.number().nullable(), column: z.string().nullable(), message: z.string() });
const ZResult = z.object({
  dryRun: z.boolean(),
  imported: z.number(),
  updated: z.number(),
  documentsCreated: z.number(),
  documentsLinked: z.number(),
  planIds: z.array(z.string()),
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

const ENDPOINT = "/api/plans/import";
/** So many errors are shown; the rest are counted. */
const SHOWN_ERRORS = 100;
const ACCEPT =
  ".md,.markdown,.txt,.csv,.xlsx,text/markdown,text/plain,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const NETWORK_FAILURE = "Не удалось отправить файл: сервер не ответил. Попробуйте ещё раз — выбранный файл сохранён.";

/**
 * Imports a roadmap execution report (seed 002): the file is checked first and
 * the preview says which events are added and which are updated, how each date
 * was read; «Импортировать» then writes all rows or none. The chosen file and
 * school year stay in the form on errors, so the user can fix and retry.
 */
export function ImportRoadmapForm({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const fileId = useId();
  const yearId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [schoolYear, setSchoolYear] = useState("");
  const [fileError, setFileError] = useState<string | undefined>();
  const [yearError, setYearError] = useState<string | undefined>();
  const [state, setState] = useState<State>({ step: "idle" });
  const [busy, setBusy] = useState(false);

  /** What the server would refuse anyway, said next to the field. */
  function checkFields(): boolean {
    const year = schoolYear.trim();
    const badYear = year !== "" && parseSchoolYear(year) === null;
    setYearError(badYear ? "Учебный год пишется как 2020/2021." : undefined);
    const badFile = !file
      ? "Выберите файл: Markdown (.md, .txt), CSV или XLSX."
      : file.size > maxBytes
        ? `Файл больше ${maxBytes / 1024 / 1024} МБ.`
        : undefined;
    setFileError(badFile);
    return !badYear && !badFile;
  }

  async function send(dryRun: boolean): Promise<void> {
    if (!checkFields() || !file) return;
    setBusy(true);
    const body = new FormData();
    body.append("file", file);
    if (schoolYear.trim()) body.append("schoolYear", schoolYear.trim());
    body.append("dryRun", String(dryRun));
    const response = await fetch(ENDPOINT, { method: "POST", body }).catch(() => null);
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
    setState({ step: "failed", message: failure.success ? failure.data.error.message : NETWORK_FAILURE });
  }

  const onCheck = (event: FormEvent) => {
    event.preventDefault();
    void send(true);
  };

  return (
    <div className="space-y-4">
      <form onSubmit={onCheck} noValidate className="space-y-4" aria-label="Импорт дорожной карты">
        <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
          <Field
            id={yearId}
            label="Учебный год (необязательно)"
            hint="Например, 2020/2021. Без него — из заголовка файла."
            error={yearError}
          >
            <Input
              inputMode="numeric"
              autoComplete="off"
              placeholder="2020/2021"
              value={schoolYear}
              {...fieldAria(yearId, yearError)}
              onChange={(event) => {
                setSchoolYear(event.target.value);
                setYearError(undefined);
                if (state.step === "preview") setState({ step: "idle" });
              }}
            />
          </Field>
          <Field id={fileId} label="Файл отчёта (Markdown, CSV или XLSX)" hint={`До ${maxBytes / 1024 / 1024} МБ.`} error={fileError}>
            <Input
              ref={input}
              type="file"
              accept={ACCEPT}
              className="h-auto py-1.5"
              {...fieldAria(fileId, fileError)}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setFileError(undefined);
                setState({ step: "idle" });
              }}
            />
          </Field>
        </div>
        <Button type="submit" variant="outline" disabled={busy}>
          {busy && state.step !== "preview" ? "Проверка…" : "Проверить"}
        </Button>
      </form>

      {state.step === "failed" && <Alert>{state.message}</Alert>}
      {state.step === "refused" && <ProblemList errors={state.errors} />}
      {state.step === "done" && <Done result={state.result} />}
      {state.step === "preview" && (
        <Preview result={state.result} busy={busy} onImport={() => void send(false)} onCancel={() => setState({ step: "idle" })} />
      )}
    </div>
  );
}

const ACTION_LABELS: Record<Result["rows"][number]["action"], string> = { create: "добавится", update: "обновится" };

function Preview(props: { result: Result; busy: boolean; onImport: () => void; onCancel: () => void }) {
  const { result } = props;
  return (
    <section aria-label="Предварительный просмотр импорта" className="space-y-3">
      <Alert tone="info">
        Добавится: {result.imported}, обновится: {result.updated}. Документов: будет связано {result.documentsLinked}, из них будет
        добавлено в реестр {result.documentsCreated}.
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
                Муниципалитет
              </th>
              <th scope="col" className="py-2 pr-3">
                Мероприятие
              </th>
              <th scope="col" className="py-2 pr-3">
                Сроки (как прочитаны)
              </th>
              <th scope="col" className="py-2 pr-3">
                Ответственные
              </th>
              <th scope="col" className="py-2 pr-3">
                Документов
              </th>
              <th scope="col" className="py-2">
                Действие
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.row} className="border-b border-border align-top">
                <td className="py-2 pr-3 tabular-nums">{row.row}</td>
                <td className="py-2 pr-3">{row.municipality}</td>
                <td className="py-2 pr-3">{row.title}</td>
                <td className="py-2 pr-3">{row.timing}</td>
                <td className="py-2 pr-3">{row.people.length ? row.people.join(", ") : "—"}</td>
                <td className="py-2 pr-3 tabular-nums">{row.documents}</td>
                <td className="py-2">{ACTION_LABELS[row.action]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={props.onImport} disabled={props.busy}>
          {props.busy ? "Импорт…" : "Импортировать"}
        </Button>
        <Button type="button" variant="ghost" onClick={props.onCancel} disabled={props.busy}>
          Отмена
        </Button>
      </div>
    </section>
  );
}

/**
 * The plans the import wrote to, named by municipality: the import creates one
 * roadmap per municipality in the order the rows first name them, so the rows'
 * municipalities, in that order, name planIds.
 */
function Done({ result }: { result: Result }) {
  const municipalities = [...new Set(result.rows.map((r) => r.municipality))];
  const named = municipalities.length === result.planIds.length;
  return (
    <Alert tone="info" className="space-y-2">
      <p>
        Импорт выполнен: добавлено мероприятий — {result.imported}, обновлено — {result.updated}; документов связано —{" "}
        {result.documentsLinked}, из них добавлено в реестр — {result.documentsCreated}.
      </p>
      <ul className="list-disc space-y-1 pl-6">
        {result.planIds.map((id, i) => (
          <li key={id}>
            <Link href={`/plans/${id}`} className="text-primary underline">
              {named ? `Дорожная карта: ${municipalities[i]}` : `Дорожная карта ${i + 1}`}
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** «Строка 5, «Муниципалитет»: …»; a problem of the whole file names no row. */
function problemText(problem: Problem): string {
  const where = [problem.row !== null ? `Строка ${problem.row}` : null, problem.column ? `«${problem.column}»` : null]
    .filter(Boolean)
    .join(", ");
  return where ? `${where}: ${problem.message}` : problem.message;
}

function ProblemList({ errors }: { errors: Problem[] }) {
  return (
    <div className="space-y-3">
      <Alert>Файл не импортирован: ошибок — {errors.length}. Исправьте их в файле и загрузите его снова; ничего не изменено.</Alert>
      <ul aria-label="Ошибки в файле" className="list-disc space-y-1 pl-6 text-sm">
        {errors.slice(0, SHOWN_ERRORS).map((error, i) => (
          <li key={i}>{problemText(error)}</li>
        ))}
      </ul>
      {errors.length > SHOWN_ERRORS && <p className="text-sm text-muted-foreground">…и ещё {errors.length - SHOWN_ERRORS}.</p>}
    </div>
  );
}
