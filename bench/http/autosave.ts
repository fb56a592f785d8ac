// The autosave as the blank's form sends it: PATCH /api/blanks/<id>/answers (the route handler,
// app/api/blanks/[id]/answers/route.ts), one answer, with the version the server answered last,
// built by the form's own lib/domain/blanks/save-answers-request.ts. Shared by the HTTP suite's
// load child (bench/http/load-child.ts, through autocannon) and the soak's (bench/http/soak-child.ts,
// through fetch).
import { saveAnswersRequest } from "@/lib/domain/blanks/save-answers-request";
import type { AutosaveSlot } from "./types";

/** The next autosave of a slot's blank (it counts the slot's saves, so each sends a new value). */
export function autosaveRequest(slot: AutosaveSlot, target: { origin: string }) {
  slot.counter += 1;
  const value =
    slot.itemKind === "PRESENCE"
      ? { kind: "PRESENCE" as const, present: slot.counter % 2 === 0 }
      : slot.itemKind === "COUNT"
        ? { kind: "COUNT" as const, count: slot.counter }
        : slot.itemKind === "TEXT"
          ? { kind: "TEXT" as const, text: `bench ${slot.counter}` }
          : {
              kind: "DOCUMENT" as const,
              present: true,
              docType: "Приказ",
              issuer: "Управление образования",
              date: null,
              number: String(slot.counter),
              title: `bench ${slot.counter}`,
              fileId: null,
            };
  const { path, init } = saveAnswersRequest({
    blankId: slot.blankId,
    version: slot.version,
    answers: [{ itemKey: slot.itemKey, value, confirm: false }],
  });
  // The browser adds Origin to every PATCH; proxy.ts refuses one without it (CSRF).
  return { method: init.method, path, headers: { ...init.headers, cookie: slot.cookie, origin: target.origin }, body: init.body };
}

/**
 * Reads the route's answer: a saved blank answers `{ version }`, which the slot keeps for its
 * next save; without one (an error, a page) the save failed.
 */
export function autosaveSaved(slot: AutosaveSlot, body: string | undefined): boolean {
  const version = /^\{"version":(\d+)\}$/.exec(body ?? "");
  if (version) slot.version = Number(version[1]);
  return version !== null;
}
