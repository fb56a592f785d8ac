/**
 * The answers file of `cli score`: one blank's answers and the auditor's marks,
 * items named by their key (from the template export) or by their printed number.
 *
 *   { "campaignDate": "2022-12-06",
 *     "answers": [ { "item": "1.2.1", "value": { "kind": "DOCUMENT", "present": false }, "mark": "MATCHES" } ] }
 */
import {
  AUDIT_MARK_LABELS,
  AUDIT_MARKS,
  documentDate,
  ZCountAnswer,
  ZDocumentAnswer,
  ZPresenceAnswer,
  ZTextAnswer,
} from "@/lib/schemas/blank";
import { answerableItems, type TTemplateContent } from "@/lib/schemas/template";
import { z } from "@/lib/schemas/z";
import type { ScoredAnswer } from "./item-status";

/**
 * A date as the file writes it, ГГГГ-ММ-ДД (the template export's way, and `--campaign-date`'s): refused with
 * zod's default message for ISO dates, which names that format, never the screen's ДД.ММ.ГГГГ.
 */
export const ZFileDate = z.iso.date();

/** A blank's answer (lib/schemas/blank) with the document's date read as the file writes it. */
const ZFileAnswer = z.discriminatedUnion("kind", [
  ZDocumentAnswer.extend({ date: documentDate().nullable().default(null) }),
  ZCountAnswer,
  ZPresenceAnswer,
  ZTextAnswer,
]);

const MARKS = AUDIT_MARKS.map((mark) => `«${mark}» (${AUDIT_MARK_LABELS[mark]})`).join(", ");

export const ZAnswersFile = z.object({
  campaignDate: ZFileDate.optional(),
  answers: z
    .array(
      z.object({
        item: z.string().trim().min(1, "Укажите ключ или номер пункта."),
        value: ZFileAnswer.nullable().default(null),
        mark: z
          .enum(AUDIT_MARKS, { error: `Отметка — одна из: ${MARKS}.` })
          .nullable()
          .default(null),
      }),
    )
    .max(1000),
});

export interface AnswersProblem {
  path: string;
  message: string;
}

export type AnswersResult =
  | { ok: true; campaignDate: string | null; answers: Record<string, ScoredAnswer> }
  | { ok: false; problems: AnswersProblem[] };

/** Validates the file against the template: items must exist, be unambiguous and match their kind. */
export function readAnswersFile(content: TTemplateContent, json: unknown): AnswersResult {
  const parsed = ZAnswersFile.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(файл)", message: i.message })) };
  }
  const items = answerableItems(content);
  const problems: AnswersProblem[] = [];
  const answers: Record<string, ScoredAnswer> = {};
  for (const [index, entry] of parsed.data.answers.entries()) {
    const path = `answers.${index}.item`;
    const byKey = items.find((i) => i.key === entry.item);
    const byNumber = items.filter((i) => i.number === entry.item);
    const item = byKey ?? (byNumber.length === 1 ? byNumber[0] : undefined);
    if (!item) {
      problems.push({
        path,
        message:
          byNumber.length > 1
            ? `номер «${entry.item}» встречается в шаблоне ${byNumber.length} раза: укажите ключ пункта`
            : `в шаблоне нет пункта «${entry.item}», на который можно ответить`,
      });
      continue;
    }
    if (entry.value && entry.value.kind !== item.kind) {
      problems.push({ path: `answers.${index}.value.kind`, message: `пункт ${item.number} ждёт ответ вида «${item.kind}»` });
      continue;
    }
    if (answers[item.key]) {
      problems.push({ path, message: `пункт ${item.number} указан дважды` });
      continue;
    }
    answers[item.key] = { value: entry.value, mark: entry.mark };
  }
  return problems.length ? { ok: false, problems } : { ok: true, campaignDate: parsed.data.campaignDate ?? null, answers };
}
