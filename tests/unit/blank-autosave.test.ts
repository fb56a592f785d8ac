import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EMPTY_FORM_ANSWER, type FormAnswer } from "@/lib/domain/blanks/answer-form";
import {
  AUTOSAVE_MS,
  BlankAutosave,
  backupKey,
  type AnswerToSave,
  type FieldMessages,
  type Outcome,
  type SaveState,
} from "@/lib/domain/blanks/autosave";
import type { AnswerKind } from "@/lib/schemas/template";

const BLANK = "0b7a4a2e-6c1d-4d1e-9f3a-1f2e3d4c5b6a";
const CONFLICT = "Бланк уже изменил другой пользователь.";
const KINDS = new Map<string, AnswerKind>([
  ["count", "COUNT"],
  ["text", "TEXT"],
  ["presence", "PRESENCE"],
]);
const form = (patch: Partial<FormAnswer> = {}): FormAnswer => ({ ...EMPTY_FORM_ANSWER, ...patch });

/** The server's side of the optimistic save: a version, refused when a save starts from another one. */
class FakeServer {
  version = 3;
  readonly held = new Map<string, AnswerToSave["value"]>();
  readonly saves: { version: number; answers: AnswerToSave[] }[] = [];
  readonly submits: number[] = [];
  running = 0;
  mostAtOnce = 0;
  /** While set, each save waits for release(): a request in flight. */
  gated = false;
  private readonly waiting: (() => void)[] = [];

  async saveAnswers(input: { blankId: string; version: number; answers: AnswerToSave[] }): Promise<Outcome<{ version: number }>> {
    this.saves.push(structuredClone({ version: input.version, answers: input.answers }));
    this.running++;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    await (this.gated ? new Promise<void>((resolve) => this.waiting.push(resolve)) : Promise.resolve());
    this.running--;
    if (input.version !== this.version) return { ok: false, error: { message: CONFLICT } };
    for (const answer of input.answers) this.held.set(answer.itemKey, answer.value);
    this.version++;
    return { ok: true, data: { version: this.version } };
  }

  /** Items the next submit is refused for, as the server names them. */
  refuse: Record<string, string[]> | null = null;

  async submitBlank(input: { version: number }): Promise<Outcome<null>> {
    this.submits.push(input.version);
    if (this.refuse) return { ok: false, error: { code: "VALIDATION", message: "Подтвердите ответы", fieldErrors: this.refuse } };
    if (input.version !== this.version) return { ok: false, error: { message: CONFLICT } };
    this.version++;
    return { ok: true, data: null };
  }

  /** Someone else saved meanwhile. */
  bump() {
    this.version++;
  }

  async release() {
    this.waiting.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
  }
}

/** The form around the controller: values changed in place, as react-hook-form does. */
function open(options: { server: FakeServer; initial?: Record<string, Partial<FormAnswer>>; storage?: Map<string, string> }) {
  const values: Record<string, FormAnswer> = Object.fromEntries([...KINDS.keys()].map((key) => [key, form(options.initial?.[key])]));
  const storage = options.storage ?? new Map<string, string>();
  const states: SaveState[] = [];
  const errors: Record<string, FieldMessages> = {};
  const savedKeys: string[][] = [];
  const autosave = new BlankAutosave({
    blankId: BLANK,
    version: options.server.version,
    kinds: KINDS,
    initial: structuredClone(values),
    values: () => values,
    showErrors: (key, messages) => {
      errors[key] = messages;
    },
    onState: (state) => states.push(state),
    onSaved: (keys) => savedKeys.push(keys),
    saveAnswers: (input) => options.server.saveAnswers(input),
    submitBlank: (input) => options.server.submitBlank(input),
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
      removeItem: (key) => void storage.delete(key),
    },
  });
  return {
    autosave,
    values,
    storage,
    errors,
    savedKeys,
    state: () => states.at(-1),
    type(key: string, patch: Partial<FormAnswer>) {
      Object.assign(values[key]!, patch);
      autosave.changed();
    },
    backup(): Record<string, FormAnswer> | null {
      const raw = storage.get(backupKey(BLANK));
      return raw ? (JSON.parse(raw) as { answers: Record<string, FormAnswer> }).answers : null;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-03-02T09:15:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("blank autosave: the timer", () => {
  it("saves once, 1.5 s after typing pauses, everything typed so far", async () => {
    const server = new FakeServer();
    const page = open({ server });
    page.type("count", { count: "2" });
    expect(page.state()).toEqual({ kind: "dirty" });
    await vi.advanceTimersByTimeAsync(1000);
    page.type("text", { text: "План" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 1);
    expect(server.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.saves).toEqual([
      {
        version: 3,
        answers: [
          { itemKey: "count", value: { kind: "COUNT", count: 2 }, confirm: false },
          { itemKey: "text", value: { kind: "TEXT", text: "План" }, confirm: false },
        ],
      },
    ]);
    expect(page.state()).toEqual({ kind: "saved", at: new Date("2026-03-02T09:15:02.500Z") });
  });

  it("shows the save in progress, and a stopped form saves nothing more", async () => {
    const server = new FakeServer();
    server.gated = true;
    const page = open({ server });
    page.type("count", { count: "2" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(page.state()).toEqual({ kind: "saving" });
    await server.release();
    expect(page.state()?.kind).toBe("saved");

    page.type("count", { count: "5" });
    page.autosave.stop();
    await vi.advanceTimersByTimeAsync(10 * AUTOSAVE_MS);
    expect(server.saves).toHaveLength(1);
  });

  it("an explicit save with nothing changed says everything is saved, without a request", async () => {
    const server = new FakeServer();
    const page = open({ server, initial: { count: { count: "4" } } });
    expect(await page.autosave.save()).toBe(true);
    expect(server.saves).toHaveLength(0);
    expect(page.state()).toEqual({ kind: "saved", at: null });
  });
});

describe("blank autosave: one save at a time", () => {
  it("saves asked for while one is in flight wait for it, run in order, and each starts from the version the last returned", async () => {
    const server = new FakeServer();
    server.gated = true;
    const page = open({ server });
    page.type("count", { count: "1" });
    const first = page.autosave.save();
    await vi.advanceTimersByTimeAsync(0);
    page.type("text", { text: "а" });
    const second = page.autosave.save();
    const third = page.autosave.save();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.saves).toHaveLength(1);
    await server.release();
    page.type("presence", { present: "yes" });
    await server.release();
    await server.release();
    expect(await Promise.all([first, second, third])).toEqual([true, true, true]);
    expect(server.mostAtOnce).toBe(1);
    expect(server.saves.map((s) => [s.version, s.answers.map((a) => a.itemKey)])).toEqual([
      [3, ["count"]],
      [4, ["text"]],
      [5, ["presence"]],
    ]);
    expect(page.state()?.kind).toBe("saved");
  });

  it("an answer changed while its save is in flight is sent again: only what was sent counts as saved", async () => {
    const server = new FakeServer();
    server.gated = true;
    const page = open({ server });
    page.type("count", { count: "1" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    page.type("count", { count: "12" });
    await server.release();
    expect(page.backup()).toEqual({ count: form({ count: "12" }) });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    await server.release();
    expect(server.saves.map((s) => s.answers[0]?.value)).toEqual([
      { kind: "COUNT", count: 1 },
      { kind: "COUNT", count: 12 },
    ]);
    expect(server.held.get("count")).toEqual({ kind: "COUNT", count: 12 });
    expect(page.backup()).toBeNull();
  });

  it("a failed request does not stop the saves after it", async () => {
    const server = new FakeServer();
    const page = open({ server });
    const failing = vi.spyOn(server, "saveAnswers").mockRejectedValueOnce(new Error("network"));
    page.type("count", { count: "1" });
    await expect(page.autosave.save()).rejects.toThrow("network");
    failing.mockRestore();
    expect(await page.autosave.save()).toBe(true);
    expect(server.held.get("count")).toEqual({ kind: "COUNT", count: 1 });
  });
});

describe("blank autosave: the backup in the browser", () => {
  it("keeps what is not saved yet, and drops it once the server holds it", async () => {
    const server = new FakeServer();
    const page = open({ server, initial: { text: { text: "было" } } });
    page.type("count", { count: "7" });
    expect(page.backup()).toEqual({ count: form({ count: "7" }) });
    page.type("text", { text: "было" });
    expect(page.backup()).toEqual({ count: form({ count: "7" }) });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(page.backup()).toBeNull();
  });

  it("brings back the backed-up answers of this blank's items on opening, and saves them", async () => {
    const server = new FakeServer();
    const storage = new Map([
      [backupKey(BLANK), JSON.stringify({ answers: { count: form({ count: "9" }), removed: form({ text: "x" }) } })],
      [backupKey("another-blank"), JSON.stringify({ answers: { text: form({ text: "чужое" }) } })],
    ]);
    const page = open({ server, storage });
    const applied: [string, FormAnswer][] = [];
    page.autosave.start((key, value) => {
      applied.push([key, value]);
      page.values[key] = value;
    });
    expect(applied).toEqual([["count", form({ count: "9" })]]);
    expect(page.state()).toEqual({ kind: "dirty" });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(server.held).toEqual(new Map([["count", { kind: "COUNT", count: 9 }]]));
    expect(page.backup()).toBeNull();
    expect(storage.has(backupKey("another-blank"))).toBe(true);
  });

  it("opens as saved when there is no backup or it cannot be read", async () => {
    const server = new FakeServer();
    for (const raw of [undefined, "{not json", JSON.stringify({ answers: 5 })]) {
      const storage = new Map(raw === undefined ? [] : [[backupKey(BLANK), raw]]);
      const page = open({ server, storage });
      const apply = vi.fn();
      page.autosave.start(apply);
      await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
      expect(apply).not.toHaveBeenCalled();
      expect(page.state()).toBeUndefined();
    }
    expect(server.saves).toHaveLength(0);
  });

  it("an invalid answer is not sent: its message is shown, the valid ones are saved, and it stays in the backup", async () => {
    const server = new FakeServer();
    const page = open({ server });
    page.type("count", { count: "2,5" });
    page.type("text", { text: "План" });
    expect(await page.autosave.save()).toBe(false);
    expect(page.errors.count).toEqual({ count: "Численность — целое число." });
    expect(server.saves[0]?.answers.map((a) => a.itemKey)).toEqual(["text"]);
    expect(page.state()).toEqual({ kind: "invalid" });
    expect(page.backup()).toEqual({ count: form({ count: "2,5" }) });

    page.type("count", { count: "2" });
    expect(await page.autosave.save()).toBe(true);
    expect(page.errors.count).toEqual({});
    expect(page.backup()).toBeNull();
  });
});

describe("blank autosave: versions and conflicts", () => {
  it("after someone else saved, the save is refused with the server's message and nothing typed is lost", async () => {
    const server = new FakeServer();
    const storage = new Map<string, string>();
    const page = open({ server, storage });
    page.type("count", { count: "3" });
    server.bump();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(page.state()).toEqual({ kind: "error", message: CONFLICT });
    expect(page.values.count).toEqual(form({ count: "3" }));
    expect(page.backup()).toEqual({ count: form({ count: "3" }) });
    // Retrying from the same version is refused again; nothing counts as saved.
    expect(await page.autosave.save()).toBe(false);

    // «Обновить бланк»: the page reloads at the new version and the form opens anew.
    const reloaded = open({ server, storage });
    reloaded.autosave.start((key, value) => {
      reloaded.values[key] = value;
    });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(server.saves.at(-1)?.version).toBe(4);
    expect(server.held.get("count")).toEqual({ kind: "COUNT", count: 3 });
    expect(reloaded.state()?.kind).toBe("saved");
    expect(reloaded.backup()).toBeNull();
  });

  it("confirming a carried-over answer sends it unchanged, and reports it saved", async () => {
    const server = new FakeServer();
    const page = open({ server, initial: { presence: { present: "yes" } } });
    expect(await page.autosave.save(["presence"])).toBe(true);
    expect(server.saves).toEqual([
      { version: 3, answers: [{ itemKey: "presence", value: { kind: "PRESENCE", present: true }, confirm: true }] },
    ]);
    expect(page.savedKeys).toEqual([["presence"]]);
  });
});

describe("blank autosave: submitting", () => {
  it("saves first and counts unanswered items for the confirmation, then submits at the version the save returned and drops the backup", async () => {
    const server = new FakeServer();
    const page = open({ server });
    page.type("count", { count: "2" });
    expect(await page.autosave.checkSubmit()).toEqual({ kind: "ready", unanswered: 2 });
    expect(server.submits).toEqual([]);
    // The pending autosave was cancelled: the check saved already.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS);
    expect(server.saves).toHaveLength(1);

    page.type("text", { text: "План" });
    expect(await page.autosave.submit()).toEqual({ kind: "submitted" });
    expect(server.submits).toEqual([5]);
    expect(page.backup()).toBeNull();
  });

  it("names the items to correct before a submit, and shows a conflict in the status line", async () => {
    const server = new FakeServer();
    const page = open({ server });
    page.type("count", { count: "много" });
    expect(await page.autosave.checkSubmit()).toEqual({ kind: "unsaved", invalid: ["count"] });
    expect(await page.autosave.submit()).toEqual({ kind: "unsaved", invalid: ["count"] });
    expect(server.submits).toEqual([]);

    page.type("count", { count: "1" });
    await page.autosave.save();
    server.bump();
    expect(await page.autosave.submit()).toEqual({ kind: "failed" });
    expect(page.state()).toEqual({ kind: "error", message: CONFLICT });
  });

  it("passes the items the server refused to the form, without offering a retry", async () => {
    const server = new FakeServer();
    server.refuse = { text: ["Подтвердите ответ, перенесённый из прошлой кампании."] };
    const page = open({ server });
    expect(await page.autosave.submit()).toEqual({
      kind: "refused",
      message: "Подтвердите ответы",
      items: { text: "Подтвердите ответ, перенесённый из прошлой кампании." },
    });
    expect(page.state()?.kind).not.toBe("error");
  });
});
