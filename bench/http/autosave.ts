// The autosave as the blank's form sends it: the Next server action `saveAnswersAction` over
// Next's action protocol, one answer, with the version the server answered last. Shared by the
// HTTP suite's load child (bench/http/load-child.ts, through autocannon) and the soak's
// (bench/http/soak-child.ts, through fetch).
import type { AutosaveSlot } from "./types";

/** The next autosave of a slot's blank (it counts the slot's saves, so each sends a new value). */
export function autosaveRequest(slot: AutosaveSlot, action: { actionId: string; origin: string }) {
  slot.counter += 1;
  const value =
    slot.itemKind === "PRESENCE"
      ? { kind: "PRESENCE", present: slot.counter % 2 === 0 }
      : slot.itemKind === "COUNT"
        ? { kind: "COUNT", count: slot.counter }
        : slot.itemKind === "TEXT"
          ? { kind: "TEXT", text: `bench ${slot.counter}` }
          : { kind: "DOCUMENT", present: true, title: `bench ${slot.counter}` };
  return {
    method: "POST",
    path: `/blanks/${slot.blankId}`,
    headers: {
      cookie: slot.cookie,
      origin: action.origin,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "next-action": action.actionId,
    },
    // A server action's arguments as React's encodeReply writes plain JSON values.
    body: JSON.stringify([{ blankId: slot.blankId, version: slot.version, answers: [{ itemKey: slot.itemKey, value }] }]),
  };
}

/**
 * Reads the server action's answer: a saved blank answers with its new version, which the slot
 * keeps for its next save; without one (an error, a page) the save failed.
 */
export function autosaveSaved(slot: AutosaveSlot, body: string | undefined): boolean {
  const version = /"version":(\d+)/.exec(body ?? "");
  if (version) slot.version = Number(version[1]);
  return version !== null;
}
