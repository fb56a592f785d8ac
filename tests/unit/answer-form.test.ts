import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFormAnswer, EMPTY_FORM_ANSWER, fromAnswer } from "@/lib/domain/blanks/answer-form";
import type { TBlankAnswer } from "@/lib/schemas/blank";

const form = (patch: Partial<typeof EMPTY_FORM_ANSWER>) => ({ ...EMPTY_FORM_ANSWER, ...patch });

describe("blank form answers", () => {
  it("an untouched item is not answered", () => {
    for (const kind of ["DOCUMENT", "COUNT", "PRESENCE", "TEXT"] as const) {
      expect(checkFormAnswer(kind, EMPTY_FORM_ANSWER)).toEqual({ ok: true, value: null });
    }
  });

  it("reads a document's requisites", () => {
    const result = checkFormAnswer(
      "DOCUMENT",
      form({ present: "yes", docType: "Приказ", issuer: "УО", date: "2021-05-14", number: "560", title: "Об итогах" }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        kind: "DOCUMENT",
        present: true,
        docType: "Приказ",
        issuer: "УО",
        date: "2021-05-14",
        number: "560",
        title: "Об итогах",
        fileId: null,
      },
    });
  });

  it("puts the Russian messages on the fields", () => {
    expect(checkFormAnswer("COUNT", form({ count: "2,5" }))).toEqual({ ok: false, errors: { count: "Численность — целое число." } });
    expect(checkFormAnswer("COUNT", form({ count: "много" }))).toEqual({ ok: false, errors: { count: "Численность — целое число." } });
    expect(checkFormAnswer("COUNT", form({ count: "-1" }))).toEqual({
      ok: false,
      errors: { count: "Численность не может быть отрицательной." },
    });
    expect(checkFormAnswer("DOCUMENT", form({ present: "yes", date: "2999-12-31" }))).toEqual({
      ok: false,
      errors: { date: "Дата документа не может быть в будущем." },
    });
  });

  it("round-trips every valid answer through the form", () => {
    const answer = fc.oneof(
      fc.record({ kind: fc.constant("COUNT" as const), count: fc.integer({ min: 0, max: 100000 }) }),
      fc.record({ kind: fc.constant("PRESENCE" as const), present: fc.boolean() }),
      fc.record({
        kind: fc.constant("TEXT" as const),
        text: fc
          .string({ minLength: 1, maxLength: 50 })
          .map((s) => s.trim())
          .filter(Boolean),
      }),
      fc.record({
        kind: fc.constant("DOCUMENT" as const),
        present: fc.constant(true),
        docType: fc.constantFrom("Приказ", "Положение", "Соглашение"),
        issuer: fc.constantFrom("", "Управление образования"),
        date: fc.option(
          fc
            .date({ min: new Date("2000-01-01"), max: new Date("2024-12-31"), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          { nil: null },
        ),
        number: fc.constantFrom("", "2378", "52-П", "3121/30"),
        title: fc.constantFrom("", "О назначении"),
        fileId: fc.constant(null),
      }),
    );
    fc.assert(
      fc.property(answer, (value) => {
        const result = checkFormAnswer(value.kind, fromAnswer(value as TBlankAnswer));
        expect(result).toEqual({ ok: true, value });
      }),
    );
  });
});
