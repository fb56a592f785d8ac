"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { z } from "@/lib/schemas/z";
import { RECORD_COLUMNS, RECORD_KIND_LABELS, RECORD_KINDS, type RecordKind } from "@/lib/students/student-table";

const ZRow = z.object({
  row: z.number(),
  name: z.string(),
  action: z.enum(["create", "update", "unchanged"]),
  changes: z.array(z.string()),
});
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

const SHOWN_ERRORS = 100;
const ENDPOINT = "/api/school/students/records";

const WHAT: Record<RecordKind, { of: string; hint: string }> = {
  students: {
    of: "обучающихся",
    hint: "Обучающийся с теми же ФИО и датой рождения обновится, новый — добавится; записи, которых нет в файле, останутся как есть. Даты — ДД.ММ.ГГГГ.",
  },
  teachers: {
    of: "педагогов",
    hint: "Педагог с теми же ФИО и предметом обновится, новый — добавится. Курсы ПК — по одному в строке ячейки: «название; ДД.ММ.ГГГГ–ДД.ММ.ГГГГ; N ч.».",
  },
};

/**
 * Imports the school's students or teachers of a school year from a table (XLSX or
 * CSV): the file is checked first, the preview says which records are new and
 * which change; «Импортировать» then writes all rows or none. Also the links that
 * download the current records in the same columns.
 */
export function StudentRecordsImport({ schoolYear, organizationId }: { schoolYear: string; organizationId?: string }) {
  const router = useRouter();
  const inputId = useId();
  const kindName = useId();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<RecordKind>("students");
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [state, setState] = useState<State>({ step: "idle" });
  const [busy, setBusy] = useState(false);

  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams({ kind, schoolYear, ...(organizationId ? { organizationId } : {}), ...extra });
    return `${ENDPOINT}?${params.toString()}`;
  };

  async function send(dryRun: boolean): Promise<void> {
    if (!file) {
      setFileError("Выберите файл: XLSX или CSV.");
      return;
    }
    setBusy(true);
    const body = new FormData();
    body.append("file", file);
    body.append("kind", kind);
    body.append("schoolYear", schoolYear);
    if (organizationId) body.append("organizationId", organizationId);
    const url = dryRun ? `${ENDPOINT}?dryRun=1` : ENDPOINT;
    const response = await fetch(url, { method: "POST", body }).catch(() => null);
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

  const columns = RECORD_COLUMNS[kind].map((c) => `«${c.header}»`).join(", ");

  return (
    <div className="space-y-4">
      <fieldset className="flex flex-wrap items-center gap-4 text-sm">
        <legend className="sr-only">Что импортировать и выгружать</legend>
        {RECORD_KINDS.map((k) => (
          <label key={k} className="flex items-center gap-2">
            <input
              type="radio"
              name={kindName}
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setState({ step: "idle" });
              }}
            />
            {RECORD_KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>

      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span>
          Скачать список {WHAT[kind].of} за {schoolYear}:
        </span>
        {(["xlsx", "csv"] as const).map((format) => (
          <a
            key={format}
            href={query({ format })}
            className={buttonVariants({ variant: "outline", size: "sm" })}
            aria-label={`Скачать список ${WHAT[kind].of} в ${format.toUpperCase()}`}
          >
            {format.toUpperCase()}
          </a>
        ))}
      </div>

      <form onSubmit={onCheck} noValidate className="space-y-4" aria-label={`Импорт ${WHAT[kind].of}`}>
        <Field
          id={inputId}
          label={`Таблица ${WHAT[kind].of} (XLSX или CSV)`}
          hint={`Столбцы: ${columns}. ${WHAT[kind].hint}`}
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
          Импорт выполнен: новых записей — {state.result.created}, обновлено — {state.result.updated}, без изменений —{" "}
          {state.result.unchanged}.
        </Alert>
      )}
      {state.step === "preview" && (
        <Preview
          kind={kind}
          result={state.result}
          busy={busy}
          onImport={() => void send(false)}
          onCancel={() => setState({ step: "idle" })}
        />
      )}
    </div>
  );
}

function Preview(props: { kind: RecordKind; result: Result; busy: boolean; onImport: () => void; onCancel: () => void }) {
  const { result } = props;
  const nothing = result.created === 0 && result.updated === 0;
  const header = (id: string) => RECORD_COLUMNS[props.kind].find((c) => c.id === id)?.header ?? id;
  const actionText = (row: Result["rows"][number]) =>
    row.action === "create"
      ? "Новая запись"
      : row.action === "unchanged"
        ? "Без изменений"
        : `Обновится (${row.changes.map(header).join(", ")})`;
  return (
    <section aria-label="Предварительный просмотр импорта" className="space-y-3">
      <Alert tone="info">
        {nothing
          ? `Файл совпадает с учётом, менять нечего (строк без изменений: ${result.unchanged}).`
          : `Будет добавлено записей: ${result.created}, обновлено: ${result.updated}, без изменений: ${result.unchanged}.`}
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
                ФИО
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
