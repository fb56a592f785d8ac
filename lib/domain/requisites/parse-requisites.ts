/**
 * Document requisites (реквизиты) from free Russian text: «Приказ департамента
 * образования МО город Краснодар от 14 мая 2021 года № 560 "Об итогах …"» →
 * type, issuer, date, number, title. Pure.
 */
import { splitApproval } from "./approval";
import { documentStarts, KIND_RE, kindOf, UNKNOWN_KIND } from "./document-kinds";
import { findDocumentDate, findDocumentNumber } from "./document-marks";
import { findQuoted, quoteCounter } from "./quotes";

export interface Requisites {
  type: string | null;
  issuer: string | null;
  date: string | null;
  number: string | null;
  title: string | null;
}

export type ParseResult = { ok: true; value: Requisites } | { ok: false; error: string };

const clean = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(/^[\s,.;:—-]+|[\s,.;:—-]+$/g, "")
    .trim();
const orNull = (text: string) => (clean(text) === "" ? null : clean(text));

/** «о», «об», «обо» opening a subject: «Приказ МКУ КНМЦ о проведении …», «Протокол о намерениях». */
const ABOUT = /(?<![\p{L}\d])(?:о|об|обо)\s/giu;

/** Where a subject starts in a text, outside quotes; -1 when none does. */
function aboutAt(text: string): number {
  const quotes = quoteCounter(text);
  for (const match of text.matchAll(ABOUT)) if (!quotes.insideAt(match.index)) return match.index;
  return -1;
}

/**
 * What stands between the kind and the date or number: a quoted title (and its
 * issuer after it), a subject («Положение о школьном координаторе»), or an issuer
 * with the subject after «о/об» («Приказ МКУ КНМЦ о проведении …»).
 */
function readHead(head: string, subject: boolean): { issuer: string | null; title: string | null } {
  const text = clean(head);
  const quoted = findQuoted(text);
  if (quoted?.index === 0) return { title: orNull(quoted.content), issuer: orNull(text.slice(quoted.content.length + 2)) };
  if (subject) return { issuer: null, title: orNull(text) };
  const about = aboutAt(text);
  return about === -1 ? { issuer: orNull(text), title: null } : { issuer: orNull(text.slice(0, about)), title: orNull(text.slice(about)) };
}

/**
 * The title after the date and number: quoted, a subject after «о/об» («… № 45 о назначении
 * ответственных»), or whatever follows for the kinds that name a subject («Договор № 7-д от
 * 02.02.2022 между …»).
 */
function readTail(tail: string, subject: boolean): string | null {
  const quoted = findQuoted(tail);
  if (quoted) return orNull(quoted.content);
  const text = clean(tail);
  return subject || aboutAt(text) === 0 ? orNull(text) : null;
}

/** One document without an approval clause. */
function readDocument(text: string): ParseResult {
  const kindMatch = KIND_RE.exec(text);
  if (!kindMatch) return { ok: false, error: UNKNOWN_KIND };
  const kind = kindOf(kindMatch[0]);
  const afterKind = text.slice(kindMatch.index + kindMatch[0].length);
  const date = findDocumentDate(afterKind);
  if (date && date.iso === null) return { ok: false, error: `Дата «${date.written}» не существует.` };
  const number = findDocumentNumber(afterKind, date);

  // The head runs from the kind (or a number right after it) to the date or the number; the tail follows both.
  const headStart = number?.first ? number.end : 0;
  const headEnd = Math.min(date?.from ?? afterKind.length, number && !number.first ? number.index : afterKind.length);
  const tailStart = Math.max(date?.end ?? 0, number?.end ?? 0, headEnd);
  const head = readHead(afterKind.slice(headStart, Math.max(headStart, headEnd)), kind.subject);
  return {
    ok: true,
    value: {
      type: kind.type,
      issuer: head.issuer,
      date: date?.iso ?? null,
      number: number?.value ?? null,
      title: head.title ?? readTail(afterKind.slice(tailStart), kind.subject),
    },
  };
}

type Reading = { ok: true; value: Requisites; approvedBy: Requisites | null } | { ok: false; error: string };

/**
 * One document and the order that approved it («…, утв. приказом … от … № …»):
 * the approved document's issuer is the approver when the text names no other.
 */
function readWithApproval(input: string): Reading {
  const { main, approval } = splitApproval(input.replace(/\s+/g, " ").trim());
  const approvedBy = approval === null ? null : readDocument(approval);
  if (approvedBy && !approvedBy.ok) return approvedBy;
  const document = readDocument(main);
  if (!document.ok) return approvedBy && document.error === UNKNOWN_KIND ? { ...approvedBy, approvedBy: null } : document;
  const issuer = document.value.issuer ?? approvedBy?.value.issuer ?? null;
  return { ok: true, value: { ...document.value, issuer }, approvedBy: approvedBy?.value ?? null };
}

/** One document's requisites; refuses text without a document kind or with a date that does not exist. */
export function parseRequisites(input: string): ParseResult {
  const reading = readWithApproval(input);
  return reading.ok ? { ok: true, value: reading.value } : reading;
}

/**
 * Several documents in one text, as in seed 002's last column: a new document
 * starts at a capitalised document kind outside quotes.
 */
export function splitDocuments(input: string): string[] {
  const text = input.replace(/\s+/g, " ").trim();
  const starts = documentStarts(text);
  if (starts.length === 0) return [text];
  // Text before the first kind (e.g. «Приложение к письму …») stays with it.
  starts[0] = 0;
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length).trim()).filter(Boolean);
}

export type ListResult = { ok: true; value: Requisites[] } | { ok: false; error: string };

/**
 * All documents of a text, each approving order right after the document it
 * approved; refuses when none is recognised or a date does not exist.
 */
export function parseRequisitesList(input: string): ListResult {
  const parts = splitDocuments(input).map(readWithApproval);
  const failed = parts.find((p): p is { ok: false; error: string } => !p.ok && p.error.startsWith("Дата"));
  if (failed) return failed;
  const found = parts.flatMap((p) => (p.ok ? [p.value, ...(p.approvedBy ? [p.approvedBy] : [])] : []));
  if (found.length === 0) return { ok: false, error: UNKNOWN_KIND };
  return { ok: true, value: found };
}
