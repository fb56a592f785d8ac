import { describe, expect, it } from "vitest";
import {
  answerEvent,
  changesAnything,
  fileProblem,
  IMPORT_IDLE,
  importReducer,
  type ImportEvent,
  type ImportState,
} from "@/lib/domain/imports/import-flow";
import { countedRecords, refusedRecords } from "@/lib/domain/imports/import-result";
import { ZSchoolImportResult, type TSchoolImportResult } from "@/lib/schemas/import";

type State = ImportState<TSchoolImportResult>;

const preview = countedRecords(true, [
  { row: 2, name: "Школа № 1", action: "create" as const },
  { row: 3, name: "Школа № 2", action: "unchanged" as const },
]);
const imported = { ...preview, dryRun: false };
const refused = refusedRecords(true, [{ row: 3, column: "Контактный телефон", message: "«звонить» не похоже на номер телефона." }]);

const run = (events: ImportEvent<TSchoolImportResult>[], from: State = IMPORT_IDLE): State => events.reduce(importReducer, from);

describe("the import screen's steps", () => {
  it("checks a file, previews it, imports it and says it is done", () => {
    const checking = run([{ type: "send", dryRun: true }]);
    expect(checking).toEqual({ view: { step: "idle" }, pending: "check" });
    const previewed = run([{ type: "answer", result: preview }], checking);
    expect(previewed).toEqual({ view: { step: "preview", result: preview }, pending: null });
    const importing = run([{ type: "send", dryRun: false }], previewed);
    // The preview stays while the import runs, its button saying so.
    expect(importing).toEqual({ view: { step: "preview", result: preview }, pending: "import" });
    expect(run([{ type: "answer", result: imported }], importing)).toEqual({ view: { step: "done", result: imported }, pending: null });
  });

  it("refuses a file with problems, showing them, whether checked or imported", () => {
    expect(
      run([
        { type: "send", dryRun: true },
        { type: "answer", result: refused },
      ]).view,
    ).toEqual({
      step: "refused",
      errors: refused.errors,
      notices: [],
      sheets: [],
    });
    const late = { ...refused, dryRun: false };
    expect(
      run([
        { type: "send", dryRun: false },
        { type: "answer", result: late },
      ]).view.step,
    ).toBe("refused");
  });

  it("says why a request failed and is ready to send again", () => {
    const failed = run([
      { type: "send", dryRun: true },
      { type: "fail", message: "Файл больше 5 МБ." },
    ]);
    expect(failed).toEqual({ view: { step: "failed", message: "Файл больше 5 МБ." }, pending: null });
  });

  it("starts over on another file or a cancelled preview", () => {
    const previewed = run([{ type: "answer", result: preview }]);
    expect(run([{ type: "reset" }], previewed)).toEqual(IMPORT_IDLE);
    const refusedState = run([{ type: "answer", result: refused }]);
    expect(run([{ type: "reset" }], refusedState)).toEqual(IMPORT_IDLE);
  });

  it("drops a preview when a field sent with the file changes, but keeps the problems that guide the fix", () => {
    expect(run([{ type: "edit" }], run([{ type: "answer", result: preview }]))).toEqual(IMPORT_IDLE);
    const refusedState = run([{ type: "answer", result: refused }]);
    expect(run([{ type: "edit" }], refusedState)).toBe(refusedState);
    const failed = run([{ type: "fail", message: "Не удалось определить учебный год." }]);
    expect(run([{ type: "edit" }], failed)).toBe(failed);
  });

  it("shows the check as running only while the check runs, not while the import does", () => {
    const importing = run([
      { type: "answer", result: preview },
      { type: "send", dryRun: false },
    ]);
    expect(importing.pending).toBe("import");
    const rechecking = run([
      { type: "answer", result: preview },
      { type: "send", dryRun: true },
    ]);
    expect(rechecking.pending).toBe("check");
  });
});

describe("reading the route's answer", () => {
  const noAnswer = "Не удалось отправить файл: сервер не ответил.";

  it("takes an answer in the import's shape, refused or not", () => {
    expect(answerEvent(ZSchoolImportResult, JSON.parse(JSON.stringify(preview)), noAnswer)).toEqual({ type: "answer", result: preview });
    expect(answerEvent(ZSchoolImportResult, JSON.parse(JSON.stringify(refused)), noAnswer)).toEqual({ type: "answer", result: refused });
  });

  it("says the app's error message, or that nothing came back", () => {
    const body = { error: { code: "VALIDATION", message: "Файл больше 5 МБ." } };
    expect(answerEvent(ZSchoolImportResult, body, noAnswer)).toEqual({ type: "fail", message: "Файл больше 5 МБ." });
    expect(answerEvent(ZSchoolImportResult, null, noAnswer)).toEqual({ type: "fail", message: noAnswer });
    expect(answerEvent(ZSchoolImportResult, { rows: "?" }, noAnswer)).toEqual({ type: "fail", message: noAnswer });
  });
});

describe("before a file is sent", () => {
  it("asks for a file, and one not larger than allowed", () => {
    const rules = { missing: "Выберите файл: XLSX или CSV.", maxBytes: 5 * 1024 * 1024 };
    expect(fileProblem(null, rules)).toBe("Выберите файл: XLSX или CSV.");
    expect(fileProblem({ size: rules.maxBytes + 1 }, rules)).toBe("Файл больше 5 МБ.");
    expect(fileProblem({ size: rules.maxBytes }, rules)).toBeUndefined();
    expect(fileProblem({ size: 10 ** 9 }, { missing: "Выберите файл." })).toBeUndefined();
  });
});

describe("a preview that changes nothing", () => {
  it("has nothing to confirm", () => {
    expect(changesAnything(preview)).toBe(true);
    expect(changesAnything(countedRecords(true, [{ row: 2, name: "Школа № 2", action: "unchanged" as const }]))).toBe(false);
  });

  it("is counted row by row", () => {
    expect(preview).toMatchObject({ created: 1, updated: 0, unchanged: 1, errors: [], notices: [] });
  });
});
