/**
 * The participant's blank autosaves without React: a debounce timer, one queue so
 * that saves never overlap or reorder, a backup in the browser's storage so nothing
 * typed is lost, and the blank version each save starts from. `useBlankAutosave`
 * wires it to the form; the tests drive it directly with fake timers.
 */
import type { TBlankAnswer } from "@/lib/schemas/blank";
import type { AnswerKind } from "@/lib/schemas/template";
import { checkFormAnswer, type FormAnswer } from "./answer-form";

export type SaveState =
  | { kind: "saved"; at: Date | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "invalid" }
  | { kind: "error"; message: string };

export type FieldMessages = Partial<Record<keyof FormAnswer, string>>;

/** The server's answer (a server action's result, or the autosave route's, save-answers-request.ts), as far as the autosave reads it. */
export type Outcome<T> =
  | { ok: true; data: T }
  | { ok: false; error: { message: string; code?: string; fieldErrors?: Record<string, string[]> } };

export interface AnswerToSave {
  itemKey: string;
  value: TBlankAnswer | null;
  /** Confirms an answer carried over from the previous campaign. */
  confirm: boolean;
}

/** The answers could not all be saved: `invalid` names the items to correct; none means the save itself failed (the status line says why). */
export type Unsaved = { kind: "unsaved"; invalid: string[] };

/** Before the participant confirms the submit: everything saved, and how many items are left empty. */
export type SubmitCheck = Unsaved | { kind: "ready"; unanswered: number };

export type SubmitOutcome =
  | Unsaved
  /** The server found items to correct first (answers carried over and not confirmed): shown at the button and at each item. */
  | { kind: "refused"; message: string; items: Record<string, string> }
  /** A conflict or a network failure: the status line offers a retry and a reload. */
  | { kind: "failed" }
  | { kind: "submitted" };

export type BackupStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface BlankAutosaveOptions {
  blankId: string;
  /** The blank's version as the page loaded it. */
  version: number;
  /** The answerable items and their kinds. */
  kinds: ReadonlyMap<string, AnswerKind>;
  /** The answers as the page loaded them: what the server holds. */
  initial: Readonly<Record<string, FormAnswer>>;
  /** The form's answers now. */
  values: () => Readonly<Record<string, FormAnswer>>;
  /** Shows one item's validation messages; none clears them. */
  showErrors: (itemKey: string, errors: FieldMessages) => void;
  onState: (state: SaveState) => void;
  /** Items the server now holds as they are in the form. */
  onSaved: (itemKeys: string[]) => void;
  saveAnswers: (input: { blankId: string; version: number; answers: AnswerToSave[] }) => Promise<Outcome<{ version: number }>>;
  submitBlank: (input: { blankId: string; version: number }) => Promise<Outcome<unknown>>;
  storage: BackupStorage;
  delayMs?: number;
}

export const AUTOSAVE_MS = 1500;

export const backupKey = (blankId: string) => `metodaudit:blank:${blankId}`;

/** Answerable items left empty (a valid «no answer»): the submit asks before sending them as not done. */
export function countUnanswered(kinds: ReadonlyMap<string, AnswerKind>, values: Readonly<Record<string, FormAnswer>>): number {
  return [...kinds].filter(([key, kind]) => {
    const check = checkFormAnswer(kind, values[key] as FormAnswer);
    return check.ok && check.value === null;
  }).length;
}

export class BlankAutosave {
  private readonly options: BlankAutosaveOptions;
  private version: number;
  /** Each item's answer as the server holds it, serialized. */
  private readonly saved: Map<string, string>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The tail of the queue: a save or submit starts only when the one before it has ended. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: BlankAutosaveOptions) {
    this.options = options;
    this.version = options.version;
    this.saved = new Map(Object.entries(options.initial).map(([key, value]) => [key, JSON.stringify(value)]));
  }

  /**
   * Brings back answers typed before a failed save or a closed tab — only those, so
   * what others saved meanwhile on other items is kept — and schedules their save.
   */
  start(apply: (itemKey: string, value: FormAnswer) => void): void {
    const backup = this.readBackup();
    if (!backup) return;
    for (const [key, value] of Object.entries(backup)) {
      if (this.options.kinds.has(key)) apply(key, value);
    }
    this.options.onState({ kind: "dirty" });
    this.schedule();
  }

  /** The form changed: back the unsaved answers up and save them once typing pauses. */
  changed(): void {
    this.writeBackup();
    this.options.onState({ kind: "dirty" });
    this.schedule();
  }

  /** The form goes away: nothing more is scheduled. */
  stop(): void {
    clearTimeout(this.timer);
  }

  /** Sends every changed, valid item (and the ones to confirm); true when nothing is left unsaved. */
  save(confirmKeys: readonly string[] = []): Promise<boolean> {
    return this.enqueue(async () => (await this.saveNow(confirmKeys)) === null);
  }

  /** Saves what is typed before the participant is asked to confirm the submit, and counts the items left empty. */
  checkSubmit(): Promise<SubmitCheck> {
    clearTimeout(this.timer);
    return this.enqueue(async (): Promise<SubmitCheck> => {
      const unsaved = await this.saveNow([]);
      if (unsaved) return unsaved;
      return { kind: "ready", unanswered: countUnanswered(this.options.kinds, this.options.values()) };
    });
  }

  /** Saves once more (typing may have gone on), then sends the blank for review. */
  submit(): Promise<SubmitOutcome> {
    clearTimeout(this.timer);
    return this.enqueue(async (): Promise<SubmitOutcome> => {
      const unsaved = await this.saveNow([]);
      if (unsaved) return unsaved;
      const result = await this.options.submitBlank({ blankId: this.options.blankId, version: this.version });
      if (!result.ok && result.error.code === "VALIDATION") {
        const items = Object.fromEntries(Object.entries(result.error.fieldErrors ?? {}).map(([key, messages]) => [key, messages[0] ?? ""]));
        return { kind: "refused", message: result.error.message, items };
      }
      if (!result.ok) {
        this.options.onState({ kind: "error", message: result.error.message });
        return { kind: "failed" };
      }
      this.options.storage.removeItem(backupKey(this.options.blankId));
      return { kind: "submitted" };
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), this.options.delayMs ?? AUTOSAVE_MS);
  }

  /** Null when nothing is left unsaved. */
  private async saveNow(confirmKeys: readonly string[]): Promise<Unsaved | null> {
    const values = this.options.values();
    const payload: AnswerToSave[] = [];
    // What is sent, as it was when read: typing during the request stays unsaved.
    const sent = new Map<string, string>();
    const invalid: string[] = [];
    for (const [key, kind] of this.options.kinds) {
      const current = values[key] as FormAnswer;
      const serialized = JSON.stringify(current);
      const confirm = confirmKeys.includes(key);
      if (serialized === this.saved.get(key) && !confirm) continue;
      const check = checkFormAnswer(kind, current);
      this.options.showErrors(key, check.ok ? {} : check.errors);
      if (!check.ok) {
        invalid.push(key);
        continue;
      }
      payload.push({ itemKey: key, value: check.value, confirm });
      sent.set(key, serialized);
    }
    const outcome: Unsaved | null = invalid.length ? { kind: "unsaved", invalid } : null;
    if (payload.length === 0) {
      this.options.onState(outcome ? { kind: "invalid" } : { kind: "saved", at: null });
      return outcome;
    }
    this.options.onState({ kind: "saving" });
    const result = await this.options.saveAnswers({ blankId: this.options.blankId, version: this.version, answers: payload });
    if (!result.ok) {
      // A conflict among others: the answers stay in the form and in the backup.
      this.options.onState({ kind: "error", message: result.error.message });
      return { kind: "unsaved", invalid: [] };
    }
    this.version = result.data.version;
    for (const [key, serialized] of sent) this.saved.set(key, serialized);
    this.options.onSaved([...sent.keys()]);
    this.writeBackup();
    this.options.onState(outcome ? { kind: "invalid" } : { kind: "saved", at: new Date() });
    return outcome;
  }

  /** Keeps the answers the server does not hold yet; none left removes the backup. */
  private writeBackup(): void {
    const values = this.options.values();
    const unsaved = Object.fromEntries(Object.entries(values).filter(([key, value]) => JSON.stringify(value) !== this.saved.get(key)));
    const key = backupKey(this.options.blankId);
    if (Object.keys(unsaved).length === 0) this.options.storage.removeItem(key);
    else this.options.storage.setItem(key, JSON.stringify({ answers: unsaved }));
  }

  private readBackup(): Record<string, FormAnswer> | null {
    const raw = this.options.storage.getItem(backupKey(this.options.blankId));
    if (!raw) return null;
    try {
      const { answers } = JSON.parse(raw) as { answers?: unknown };
      return answers && typeof answers === "object" ? (answers as Record<string, FormAnswer>) : null;
    } catch {
      // A backup that is not ours (edited by hand, cut short): nothing to bring back.
      return null;
    }
  }
}
