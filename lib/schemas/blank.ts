import { latestLocalToday } from "@/lib/dates";
import { z } from "./z";

/**
 * A coordinator's answer to one item of a blank, by the item's kind, and the
 * auditor's mark. Used by the form's resolver and re-parsed on the server.
 */

/**
 * A document's date. `formatError` names the format the person typed it in (the screen's ДД.ММ.ГГГГ; the
 * answers file of `cli score` leaves zod's default, which names ГГГГ-ММ-ДД); a date that is not one stops there.
 */
export const documentDate = (formatError?: string) =>
  z.iso
    .date({ error: formatError, abort: true })
    .refine((date) => date >= "1991-01-01", "Дата слишком ранняя.")
    .refine((date) => date <= latestLocalToday(), "Дата документа не может быть в будущем.");

export const ZDocumentAnswer = z.object({
  kind: z.literal("DOCUMENT"),
  /** The participant has the document. */
  present: z.boolean({ error: "Отметьте, есть ли документ." }),
  docType: z.string().trim().max(100, "Не длиннее 100 символов.").default(""),
  issuer: z.string().trim().max(300, "Не длиннее 300 символов.").default(""),
  date: documentDate("Дата в формате ДД.ММ.ГГГГ.").nullable().default(null),
  number: z.string().trim().max(50, "Не длиннее 50 символов.").default(""),
  title: z.string().trim().max(1000, "Не длиннее 1000 символов.").default(""),
  fileId: z.uuid().nullable().default(null),
  /** The registry document the answer was taken from, if any. */
  documentId: z.uuid().nullable().optional(),
});

export const ZCountAnswer = z.object({
  kind: z.literal("COUNT"),
  count: z
    .number({ error: "Численность — целое число." })
    .int("Численность — целое число.")
    .min(0, "Численность не может быть отрицательной.")
    .max(10_000_000, "Слишком большое число.")
    .nullable(),
});

export const ZPresenceAnswer = z.object({
  kind: z.literal("PRESENCE"),
  present: z.boolean().nullable(),
});

export const ZTextAnswer = z.object({
  kind: z.literal("TEXT"),
  text: z.string().trim().max(5000, "Не длиннее 5000 символов."),
});

export const ZBlankAnswer = z.discriminatedUnion("kind", [ZDocumentAnswer, ZCountAnswer, ZPresenceAnswer, ZTextAnswer]);
export type TBlankAnswer = z.infer<typeof ZBlankAnswer>;

/** An autosave or a save: the changed items and the blank version the form started from. */
export const ZBlankSave = z.object({
  blankId: z.uuid(),
  version: z.number().int().min(0),
  answers: z.array(z.object({ itemKey: z.uuid(), value: ZBlankAnswer.nullable(), confirm: z.boolean().default(false) })).max(500),
});
export type TBlankSave = z.infer<typeof ZBlankSave>;

/**
 * Applying a filled Word blank that was uploaded and previewed: the file, the version the preview
 * showed, and the items to take from it (all it would change when none are named).
 */
export const ZBlankDocxImport = z.object({
  blankId: z.uuid(),
  fileId: z.uuid({ error: "Загрузите файл заново." }),
  version: z.number().int().min(0),
  itemKeys: z.array(z.uuid()).max(500).optional(),
});
export type TBlankDocxImport = z.infer<typeof ZBlankDocxImport>;

/** Sending the blank for review, from the version the participant saw. */
export const ZBlankSubmit = z.object({ blankId: z.uuid(), version: z.number().int().min(0) });
export type TBlankSubmit = z.infer<typeof ZBlankSubmit>;

/** A blank a reviewer acts on as a whole (marks every item, accepts it). */
export const ZBlankRef = z.object({ blankId: z.string() });

/** One item of a blank, to read its history. */
export const ZBlankItemRef = z.object({ blankId: z.string(), itemKey: z.string() });

export const AUDIT_MARKS = ["MATCHES", "MISMATCH", "PARTIAL", "NOT_APPLICABLE"] as const;
export type AuditMark = (typeof AUDIT_MARKS)[number];
export const AUDIT_MARK_LABELS: Record<AuditMark, string> = {
  MATCHES: "соответствует",
  MISMATCH: "не соответствует",
  PARTIAL: "частично",
  NOT_APPLICABLE: "не применимо",
};

export const ZAnswerMark = z
  .object({
    blankId: z.uuid(),
    itemKey: z.uuid(),
    mark: z.enum(AUDIT_MARKS, { error: "Выберите отметку." }).nullable(),
    comment: z.string().trim().max(2000, "Не длиннее 2000 символов.").default(""),
  })
  .refine((m) => m.mark !== "NOT_APPLICABLE" || m.comment.length > 0, {
    path: ["comment"],
    error: "Укажите причину, по которой пункт не применим.",
  });
export type TAnswerMark = z.infer<typeof ZAnswerMark>;

export const ZBlankReturn = z.object({
  blankId: z.uuid(),
  message: z.string().trim().min(5, "Напишите, что исправить (не короче 5 символов).").max(5000),
});
export type TBlankReturn = z.infer<typeof ZBlankReturn>;

export const BLANK_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "RETURNED", "ACCEPTED"] as const;
export type BlankStatus = (typeof BLANK_STATUSES)[number];
export const BLANK_STATUS_LABELS: Record<BlankStatus, string> = {
  NOT_STARTED: "не начат",
  IN_PROGRESS: "заполняется",
  SUBMITTED: "на проверке",
  RETURNED: "возвращён на доработку",
  ACCEPTED: "принят",
};

/** An answer counts as given when it says something (a document yes/no, a number, a mark, a text). */
export function isAnswered(value: TBlankAnswer | null | undefined): boolean {
  if (!value) return false;
  switch (value.kind) {
    case "DOCUMENT":
      return true;
    case "COUNT":
      return value.count !== null;
    case "PRESENCE":
      return value.present !== null;
    case "TEXT":
      return value.text.length > 0;
  }
}

/** How an answer reads in the blank's value column. */
export function describeAnswer(value: TBlankAnswer | null | undefined): { text: string; present: boolean | null } {
  if (!value) return { text: "", present: null };
  switch (value.kind) {
    case "DOCUMENT": {
      if (!value.present) return { text: "документ отсутствует", present: false };
      const date = value.date ? `от ${value.date.split("-").reverse().join(".")}` : "";
      const number = value.number ? `№${value.number}` : "";
      const title = value.title ? `«${value.title}»` : "";
      return { text: [value.docType, value.issuer, date, number, title].filter(Boolean).join(" "), present: true };
    }
    case "COUNT":
      return { text: value.count === null ? "" : String(value.count), present: value.count === null ? null : value.count > 0 };
    case "PRESENCE":
      return { text: value.present === null ? "" : value.present ? "есть" : "нет", present: value.present };
    case "TEXT":
      return { text: value.text, present: value.text.length > 0 ? true : null };
  }
}
