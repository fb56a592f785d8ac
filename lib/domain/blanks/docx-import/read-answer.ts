/**
 * What a row's cells say as an answer of the item's kind: requisites through the requisites
 * parser, a count as an integer, presence from the marks people put in Word («✓», «☒», «+»,
 * «да», «есть», «нет», «—»), or why the cell cannot be read. Pure.
 */
import { parseRequisites } from "@/lib/domain/requisites/parse-requisites";
import { type TBlankAnswer, ZBlankAnswer } from "@/lib/schemas/blank";
import type { AnswerKind } from "@/lib/schemas/template";

export interface Reading {
  /** Null: nothing to save (an empty cell, or one not read; `problems` say which). */
  value: TBlankAnswer | null;
  problems: string[];
}

const PRESENT = /^(?:[✓✔☑☒✅+]|да|есть|имеется|в наличии|присутствует)(?![\p{L}\d])/u;
const ABSENT = /^(?:☐|[-‐‒–—―−]+$|нет(?![\p{L}\d])|отсутству|не имеется|не предусмотрен)/u;

/** A mark's meaning: true or false; null for an empty cell; undefined when it is no mark. */
export function markOf(text: string): boolean | null | undefined {
  const t = text.trim().toLowerCase().replace(/ё/g, "е");
  if (t === "") return null;
  if (ABSENT.test(t)) return false;
  if (PRESENT.test(t)) return true;
  return undefined;
}

/** The lines of a cell that are more than a mark, and the marks found on the others. */
function splitMarks(text: string): { text: string; mark: boolean | null } {
  let mark: boolean | null = null;
  const rest: string[] = [];
  for (const line of text.split("\n").map((l) => l.trim())) {
    if (line === "") continue;
    const stripped = line.replace(/^[✓✔☑☒✅]\s*/u, "");
    if (stripped !== line) mark = true;
    const alone = markOf(stripped);
    if (stripped === "") continue;
    if (alone !== undefined && isMarkOnly(stripped)) mark = alone;
    else rest.push(stripped);
  }
  return { text: rest.join(" ").replace(/\s+/g, " ").trim(), mark };
}

/** «да», «✓», «нет», «—», «в наличии» alone, not «нет приказа № 5» or «да, приказ от …». */
const isMarkOnly = (text: string) =>
  /^(?:[✓✔☑☒✅+☐]|[-‐‒–—―−]+|да|есть|имеется|в наличии|присутствует|нет|отсутствует|не имеется)\.?$/u.test(
    text.toLowerCase().replace(/ё/g, "е"),
  );

const quoted = (text: string) => `«${text.length > 80 ? `${text.slice(0, 77)}…` : text}»`;

function readDocument(cell: string, presence: string | null): Reading {
  const { text, mark } = splitMarks(cell);
  const column = presence === null ? null : markOf(presence);
  if (text === "") {
    if (column === undefined) return unread(`Не понятно, есть ли документ: ${quoted(presence ?? "")}. Поставьте «✓» или напишите «нет».`);
    const present = mark ?? column;
    return present === null ? { value: null, problems: [] } : answer({ kind: "DOCUMENT", present });
  }
  const parsed = parseRequisites(text);
  if (!parsed.ok) {
    return unread(
      `Реквизиты не разобраны (${parsed.error.replace(/\.$/, "")}): ${quoted(text)}. Впишите вид документа, кем издан, дату и номер, например «Приказ МОНМТ КК от 22.07.2021 № 2378 "О …"».`,
    );
  }
  const { type, issuer, date, number, title } = parsed.value;
  return answer({
    kind: "DOCUMENT",
    present: true,
    // The parser names the kind in lower case («приказ»); the form shows it as a person writes it.
    docType: type ? type.charAt(0).toUpperCase() + type.slice(1) : "",
    issuer: issuer ?? "",
    date,
    number: number ?? "",
    title: title ?? "",
  });
}

const COUNT = /^(\d{1,3}(?:[\s\u00a0]\d{3})+|\d+)\s*(?:чел(?:овек)?|ед(?:иниц)?|шт|детей|педагогов|школ|обучающихся)?\.?(?:\s*\(.*\))?$/iu;

function readCount(cell: string): Reading {
  const { text, mark } = splitMarks(cell);
  if (text === "") {
    if (mark === null) return { value: null, problems: [] };
    return unread("Стоит отметка, а нужна численность: впишите число цифрами, например «12» (0, если нет).");
  }
  const match = COUNT.exec(text);
  if (!match) {
    const why = /^\d+[.,]\d+/.test(text) ? "численность — целое число" : "впишите число цифрами, например «12»";
    return unread(`Численность не прочитана: ${quoted(text)} — ${why}.`);
  }
  return answer({ kind: "COUNT", count: Number(match[1]!.replace(/\D/g, "")) });
}

function readPresence(cell: string, presence: string | null): Reading {
  const text = presence?.trim() ? presence : cell;
  const mark = markOf(text.replace(/\n/g, " "));
  if (mark === undefined) return unread(`Не понятно, есть ли: ${quoted(text.trim())}. Поставьте «✓» или напишите «нет».`);
  return mark === null ? { value: null, problems: [] } : answer({ kind: "PRESENCE", present: mark });
}

function readText(cell: string): Reading {
  const text = cell.trim();
  return text === "" ? { value: null, problems: [] } : answer({ kind: "TEXT", text });
}

const unread = (problem: string): Reading => ({ value: null, problems: [problem] });

/** The answer after the same checks a save makes (a date in the future, a title too long); else not read, with why. */
function answer(value: Record<string, unknown>): Reading {
  const parsed = ZBlankAnswer.safeParse(value);
  return parsed.success ? { value: parsed.data, problems: [] } : { value: null, problems: parsed.error.issues.map((i) => i.message) };
}

export function readAnswer(kind: AnswerKind, cells: { value: string; presence: string | null }): Reading {
  switch (kind) {
    case "DOCUMENT":
      return readDocument(cells.value, cells.presence);
    case "COUNT":
      return readCount(cells.value);
    case "PRESENCE":
      return readPresence(cells.value, cells.presence);
    case "TEXT":
      return readText(cells.value);
  }
}
