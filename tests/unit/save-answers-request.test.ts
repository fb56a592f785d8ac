import { describe, expect, it } from "vitest";
import { SAVE_FAILED_MESSAGE, saveAnswersRequest, sendAnswers } from "@/lib/domain/blanks/save-answers-request";

const BLANK = "01a241f4-49ae-73a6-b867-066f8230075f";
const ITEM = "01a241f4-43b0-76bb-8d58-20ae8bde6ef3";
const input = { blankId: BLANK, version: 4, answers: [{ itemKey: ITEM, value: { kind: "COUNT" as const, count: 7 }, confirm: false }] };
const answering = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });

describe("the autosave's request (PATCH /api/blanks/<id>/answers)", () => {
  it("sends the version and the answers as JSON to the blank's address", () => {
    const { path, init } = saveAnswersRequest(input);
    expect(path).toBe(`/api/blanks/${BLANK}/answers`);
    expect(init.method).toBe("PATCH");
    expect(init.headers["Content-Type"]).toBe("application/json");
    expect(JSON.parse(init.body)).toEqual({ version: 4, answers: input.answers });
  });

  it("a save gives the next version", async () => {
    expect(await sendAnswers(input, answering(200, { version: 5 }))).toEqual({ ok: true, data: { version: 5 } });
  });

  it("a refusal comes back as the server said it: the conflict's message, a validation's fields", async () => {
    const conflict = { error: { code: "CONFLICT", message: "Бланк уже изменил другой пользователь.", fieldErrors: {} } };
    expect(await sendAnswers(input, answering(409, conflict))).toEqual({ ok: false, error: conflict.error });
    const invalid = {
      error: {
        code: "VALIDATION",
        message: "Проверьте заполнение полей.",
        fieldErrors: { "answers.0.value.count": ["Численность — целое число."] },
      },
    };
    expect(await sendAnswers(input, answering(422, invalid))).toEqual({ ok: false, error: invalid.error });
  });

  it("no answer from the server (the network, a proxy's page): a failure that says the answers are kept, never a throw", async () => {
    const offline = async (): Promise<Response> => {
      throw new TypeError("Failed to fetch");
    };
    expect(await sendAnswers(input, offline)).toEqual({ ok: false, error: { message: SAVE_FAILED_MESSAGE } });
    const gateway = async () => new Response("<html>502 Bad Gateway</html>", { status: 502 });
    expect(await sendAnswers(input, gateway)).toEqual({ ok: false, error: { message: SAVE_FAILED_MESSAGE } });
  });
});
