"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useReducer, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { answerEvent, changesAnything, fileProblem, IMPORT_IDLE, importReducer } from "@/lib/domain/imports/import-flow";
import type { TImportResult } from "@/lib/schemas/import";
import type { z } from "@/lib/schemas/z";
import { type ImportColumn, ImportTable } from "./import-table";
import { NoticeList } from "./notice-list";
import { ProblemList } from "./problem-list";
import { SheetChoice } from "./sheet-choice";

/** What the caller's own fields may do to the screen. */
export interface ImportControls {
  /** Start over, e.g. another kind of table chosen. */
  reset: () => void;
  /** A field sent with the file changed: a preview shown no longer holds. */
  edit: () => void;
}

export interface ImportScreenProps<R extends TImportResult> {
  /** The import route; the check asks it with `?dryRun=1`. */
  endpoint: string;
  /** The route's answer (lib/schemas/import). */
  schema: z.ZodType<R>;
  /** The form's accessible name. */
  label: string;
  file: { label: string; hint: string; accept: string; missing: string; maxBytes?: number };
  checkLabel?: string;
  /** Form fields sent with the file; those undefined are left out. */
  data?: Record<string, string | undefined>;
  /** Checks the caller's own fields before a send, saying next to them what is wrong; false stops it. */
  checkFields?: () => boolean;
  /** Above the form: the download links, a choice of table. */
  before?: (controls: ImportControls) => ReactNode;
  /** Inside the form, before the file field, laid out together by `fieldsClassName`. */
  fields?: (controls: ImportControls) => ReactNode;
  fieldsClassName?: string;
  /** The preview's columns after «Строка». */
  columns: ImportColumn<R["rows"][number]>[];
  /** The preview's line above its table. */
  summary: (result: R) => ReactNode;
  /** The message once imported. */
  done: (result: R) => ReactNode;
  /** The file's problems as a table (row, column, message) or as a list of sentences. */
  problems?: "table" | "list";
  /** Said when the request got no answer. */
  noAnswer?: string;
}

const NO_ANSWER = "Не удалось отправить файл: сервер не ответил. Попробуйте ещё раз.";

/**
 * A table import: the file is checked first and the preview says what each row
 * does, how the file was read (encoding, sheet) and which rows around the table
 * are left out; «Импортировать» then writes all rows or none. A file with problems
 * is refused with each by row and column; a workbook that holds the table on
 * several sheets asks which, and the choice goes with every later request as
 * `sheet=<name>`. Focus moves to each answer, so that a screen reader reads it.
 * The steps are lib/domain/imports/import-flow.ts.
 */
export function ImportScreen<R extends TImportResult>(props: ImportScreenProps<R>) {
  const router = useRouter();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  /** The workbook's sheet chosen when several hold the table; another file forgets it. */
  const [sheet, setSheet] = useState<string | null>(null);
  const [state, dispatch] = useReducer(importReducer<R>, IMPORT_IDLE);
  const { view, pending } = state;
  const controls: ImportControls = {
    reset: () => {
      // Another kind of table or a cancelled preview: a sheet chosen for the last answer no longer holds.
      setSheet(null);
      dispatch({ type: "reset" });
    },
    edit: () => dispatch({ type: "edit" }),
  };

  useEffect(() => {
    if (view.step !== "idle") outcome.current?.focus();
  }, [view]);

  async function send(dryRun: boolean, chosenSheet = sheet): Promise<void> {
    const fieldsOk = props.checkFields?.() ?? true;
    const problem = fileProblem(file, props.file);
    setFileError(problem);
    if (!fieldsOk || problem || !file) return;
    dispatch({ type: "send", dryRun });
    const body = new FormData();
    body.append("file", file);
    for (const [name, value] of Object.entries(props.data ?? {})) if (value !== undefined) body.append(name, value);
    const query = new URLSearchParams({ ...(dryRun ? { dryRun: "1" } : {}), ...(chosenSheet !== null ? { sheet: chosenSheet } : {}) });
    const url = query.size ? `${props.endpoint}?${query.toString()}` : props.endpoint;
    const response = await fetch(url, { method: "POST", body }).catch(() => null);
    const event = answerEvent(props.schema, await response?.json().catch(() => null), props.noAnswer ?? NO_ANSWER);
    dispatch(event);
    if (event.type === "answer" && !event.result.dryRun && !event.result.errors.length) {
      setFile(null);
      if (input.current) input.current.value = "";
      router.refresh();
    }
  }

  const onCheck = (event: FormEvent) => {
    event.preventDefault();
    void send(true);
  };

  const fileField = (
    <Field id={fileId} label={props.file.label} hint={props.file.hint} error={fileError}>
      <Input
        ref={input}
        type="file"
        accept={props.file.accept}
        className="h-auto py-1.5"
        {...fieldAria(fileId, fileError)}
        onChange={(event) => {
          setFile(event.target.files?.[0] ?? null);
          setFileError(undefined);
          controls.reset();
        }}
      />
    </Field>
  );

  return (
    <div className="space-y-4">
      {props.before?.(controls)}
      <form onSubmit={onCheck} noValidate className="space-y-4" aria-label={props.label}>
        {props.fields ? (
          <div className={props.fieldsClassName}>
            {props.fields(controls)}
            {fileField}
          </div>
        ) : (
          fileField
        )}
        <Button type="submit" variant="outline" disabled={pending !== null}>
          {pending === "check" ? "Проверка…" : (props.checkLabel ?? "Проверить файл")}
        </Button>
      </form>

      <div ref={outcome} tabIndex={-1} className="outline-none">
        {view.step === "failed" && <Alert>{view.message}</Alert>}
        {view.step === "refused" && (
          <div className="space-y-3">
            <ProblemList errors={view.errors} layout={props.problems ?? "table"} />
            <NoticeList notices={view.notices} />
            {view.sheets.length > 0 && (
              <SheetChoice
                sheets={view.sheets}
                busy={pending !== null}
                onChoose={(chosen) => {
                  setSheet(chosen);
                  void send(true, chosen);
                }}
              />
            )}
          </div>
        )}
        {view.step === "done" && (
          <Alert tone="info" className="space-y-2">
            {props.done(view.result)}
          </Alert>
        )}
        {view.step === "preview" && (
          <Preview
            result={view.result}
            columns={props.columns}
            summary={props.summary}
            importing={pending === "import"}
            busy={pending !== null}
            onImport={() => void send(false)}
            onCancel={controls.reset}
          />
        )}
      </div>
    </div>
  );
}

function Preview<R extends TImportResult>(
  props: Pick<ImportScreenProps<R>, "columns" | "summary"> & {
    result: R;
    importing: boolean;
    busy: boolean;
    onImport: () => void;
    onCancel: () => void;
  },
) {
  const { result, columns } = props;
  return (
    <section aria-label="Предварительный просмотр импорта" className="space-y-3">
      <Alert tone="info">{props.summary(result)}</Alert>
      <NoticeList notices={result.notices} />
      <ImportTable
        caption="Строки файла и что с ними будет"
        columns={[{ header: "Строка", cell: (row) => row.row, numeric: true }, ...columns]}
        rows={result.rows}
        rowKey={(row) => row.row}
      />
      <div className="flex flex-wrap gap-2">
        {changesAnything(result) && (
          <Button type="button" onClick={props.onImport} disabled={props.busy}>
            {props.importing ? "Импорт…" : "Импортировать"}
          </Button>
        )}
        <Button type="button" variant="ghost" onClick={props.onCancel} disabled={props.busy}>
          Отмена
        </Button>
      </div>
    </section>
  );
}
