/**
 * The blank form works on strings (what inputs hold); answers are typed. These
 * convert between the two, so the same zod schema validates the form on the
 * client and the answers on the server.
 */
import { ZBlankAnswer, type TBlankAnswer } from "@/lib/schemas/blank";
import type { AnswerKind } from "@/lib/schemas/template";

export interface FormAnswer {
  present: "" | "yes" | "no";
  docType: string;
  issuer: string;
  date: string;
  number: string;
  title: string;
  fileId: string;
  fileName: string;
  documentId: string;
  count: string;
  text: string;
}

export const EMPTY_FORM_ANSWER: FormAnswer = {
  present: "",
  docType: "",
  issuer: "",
  date: "",
  number: "",
  title: "",
  fileId: "",
  fileName: "",
  documentId: "",
  count: "",
  text: "",
};

export function fromAnswer(value: TBlankAnswer | null | undefined, fileName = ""): FormAnswer {
  if (!value) return { ...EMPTY_FORM_ANSWER };
  switch (value.kind) {
    case "DOCUMENT":
      return {
        ...EMPTY_FORM_ANSWER,
        present: value.present ? "yes" : "no",
        docType: value.docType,
        issuer: value.issuer,
        date: value.date ?? "",
        number: value.number,
        title: value.title,
        fileId: value.fileId ?? "",
        fileName,
        documentId: value.documentId ?? "",
      };
    case "COUNT":
      return { ...EMPTY_FORM_ANSWER, count: value.count === null ? "" : String(value.count) };
    case "PRESENCE":
      return { ...EMPTY_FORM_ANSWER, present: value.present === null ? "" : value.present ? "yes" : "no" };
    case "TEXT":
      return { ...EMPTY_FORM_ANSWER, text: value.text };
  }
}

/** The raw answer a form holds, before validation; null when nothing is answered. */
export function toRawAnswer(kind: AnswerKind, form: FormAnswer): unknown {
  switch (kind) {
    case "DOCUMENT":
      if (form.present === "") return null;
      if (form.present === "no") {
        return { kind, present: false, docType: "", issuer: "", date: null, number: "", title: "", fileId: null };
      }
      return {
        kind,
        present: true,
        docType: form.docType,
        issuer: form.issuer,
        date: form.date || null,
        number: form.number,
        title: form.title,
        fileId: form.fileId || null,
        ...(form.documentId ? { documentId: form.documentId } : {}),
      };
    case "COUNT":
      return form.count.trim() === "" ? null : { kind, count: Number(form.count.trim().replace(",", ".")) };
    case "PRESENCE":
      return form.present === "" ? null : { kind, present: form.present === "yes" };
    case "TEXT":
      return form.text.trim() === "" ? null : { kind, text: form.text };
  }
}

export type AnswerCheck = { ok: true; value: TBlankAnswer | null } | { ok: false; errors: Partial<Record<keyof FormAnswer, string>> };

/** Validates one item's form answer with the shared schema; errors land on the form's field names. */
export function checkFormAnswer(kind: AnswerKind, form: FormAnswer): AnswerCheck {
  const raw = toRawAnswer(kind, form);
  if (raw === null) return { ok: true, value: null };
  const parsed = ZBlankAnswer.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<keyof FormAnswer, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = (issue.path[0] === "present" && kind === "DOCUMENT" ? "present" : issue.path[0]) as keyof FormAnswer;
    errors[field in EMPTY_FORM_ANSWER ? field : "text"] ??= issue.message;
  }
  return { ok: false, errors };
}
