/**
 * The autosave's request: PATCH /api/blanks/<id>/answers (app/api/blanks/[id]/answers/route.ts)
 * with `{ version, answers }`, its answer read into the Outcome the autosave expects —
 * the same shape a server action's result has (lib/server/auth/with-scope.ts), field
 * errors and conflicts included. The form sends it (components/blanks/use-blank-autosave.ts);
 * the bench builds the same request (bench/http/autosave.ts).
 */
import type { AnswerToSave, Outcome } from "./autosave";

export interface AnswersToSave {
  blankId: string;
  version: number;
  answers: AnswerToSave[];
}

export const SAVE_FAILED_MESSAGE =
  "Не удалось сохранить: сервер не ответил. Ответы не потеряны: они остались в форме. Проверьте связь и сохраните снова.";

/** The route's address and the request's method, headers and body. */
export function saveAnswersRequest(input: AnswersToSave): {
  path: string;
  init: { method: "PATCH"; headers: Record<string, string>; body: string };
} {
  return {
    path: `/api/blanks/${encodeURIComponent(input.blankId)}/answers`,
    init: {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ version: input.version, answers: input.answers }),
    },
  };
}

type Send = (path: string, init: RequestInit) => Promise<Response>;

/** Sends the answers; a failure of the network or of the server comes back as an answer, never thrown. */
export async function sendAnswers(
  input: AnswersToSave,
  send: Send = (path, init) => fetch(path, init),
): Promise<Outcome<{ version: number }>> {
  const { path, init } = saveAnswersRequest(input);
  const response = await send(path, init).catch(() => null);
  const json = (await response?.json().catch(() => null)) as
    | { version?: unknown; error?: { code?: string; message?: string; fieldErrors?: Record<string, string[]> } }
    | null
    | undefined;
  if (response?.ok && typeof json?.version === "number") return { ok: true, data: { version: json.version } };
  const error = json?.error;
  if (!error?.message) return { ok: false, error: { message: SAVE_FAILED_MESSAGE } };
  return { ok: false, error: { message: error.message, code: error.code, fieldErrors: error.fieldErrors ?? {} } };
}
