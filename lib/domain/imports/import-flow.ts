/**
 * The steps of the import screen (components/imports/import-screen.tsx), pure so
 * that they are tested without a browser: a file is checked first (a dry run) and
 * previewed, then imported; a file with problems is refused with them and nothing
 * changes; a request that fails says why. The component only renders this state.
 */
import { fileTooLarge } from "@/lib/domain/files/detect-file-type";
import { ZImportFailure, type TImportNotice, type TImportProblem, type TImportResult } from "@/lib/schemas/import";
import type { z } from "@/lib/schemas/z";

/** What the screen shows under its form. */
export type ImportView<R> =
  | { step: "idle" }
  | { step: "preview"; result: R }
  /** `sheets`: the workbook's sheets that hold the table, when the file is refused until one is chosen. */
  | { step: "refused"; errors: TImportProblem[]; notices: TImportNotice[]; sheets: string[] }
  | { step: "done"; result: R }
  | { step: "failed"; message: string };

export interface ImportState<R> {
  view: ImportView<R>;
  /** The request on its way: the check (a dry run) or the import itself. */
  pending: "check" | "import" | null;
}

export type ImportEvent<R> =
  /** A request leaves: with `dryRun` the check, else the import. */
  | { type: "send"; dryRun: boolean }
  /** The route answered in its shape: a preview, the import done, or the file refused. */
  | { type: "answer"; result: R }
  /** The route refused the request, or nothing came back. */
  | { type: "fail"; message: string }
  /** Another file or another kind of table chosen, or the preview cancelled: start over. */
  | { type: "reset" }
  /** A field sent with the file changed: a preview no longer holds, but problems stay shown to guide the fix. */
  | { type: "edit" };

export const IMPORT_IDLE: ImportState<never> = { view: { step: "idle" }, pending: null };

export function importReducer<R extends TImportResult>(state: ImportState<R>, event: ImportEvent<R>): ImportState<R> {
  switch (event.type) {
    case "send":
      return { ...state, pending: event.dryRun ? "check" : "import" };
    case "answer":
      return { view: viewOf(event.result), pending: null };
    case "fail":
      return { view: { step: "failed", message: event.message }, pending: null };
    case "reset":
      return { ...state, view: IMPORT_IDLE.view };
    case "edit":
      return state.view.step === "preview" ? { ...state, view: IMPORT_IDLE.view } : state;
  }
}

function viewOf<R extends TImportResult>(result: R): ImportView<R> {
  if (result.errors.length) return { step: "refused", errors: result.errors, notices: result.notices, sheets: result.sheets };
  return result.dryRun ? { step: "preview", result } : { step: "done", result };
}

/**
 * The event a response's body makes: the import's answer (also a refusal for the
 * file's problems, which comes as 422), the app's error message, or `noAnswer` when
 * the body is neither (the network failed, or the server answered no JSON).
 */
export function answerEvent<R>(schema: z.ZodType<R>, body: unknown, noAnswer: string): ImportEvent<R> {
  const result = schema.safeParse(body);
  if (result.success) return { type: "answer", result: result.data };
  const failure = ZImportFailure.safeParse(body);
  return { type: "fail", message: failure.success ? failure.data.error.message : noAnswer };
}

/** Whether importing the previewed file would change anything: else there is nothing to confirm. */
export function changesAnything(result: TImportResult): boolean {
  return result.rows.some((row) => row.action !== "unchanged");
}

/** What is wrong with the chosen file before it is sent, said next to the file field. */
export function fileProblem(file: { size: number } | null, rules: { missing: string; maxBytes?: number }): string | undefined {
  if (!file) return rules.missing;
  if (rules.maxBytes !== undefined && file.size > rules.maxBytes) return fileTooLarge(rules.maxBytes);
  return undefined;
}
