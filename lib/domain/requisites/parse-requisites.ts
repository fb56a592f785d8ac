/**
 * Document requisites (реквизиты) from free Russian text: «Приказ департамента
 * образования МО город Краснодар от 14 мая 2021 года № 560 "Об итогах …"» →
 * type, issuer, date, number, title. Pure.
 */
import { findDate } from "./russian-dates";

export interface Requisites {
  type: string | null;
  issuer: string | null;
  date: string | null;
  number: string | null;
  title: string | null;
}

export type ParseResult = { ok: true; value: Requisites } | { ok: false; error: string };

/** Document kinds, each with the stem its inflected forms share. */
const TYPES: Array<{ type: string; pattern: string }> = [
  { type: "федеральный закон", pattern: "федеральн\\p{L}*\\s+закон\\p{L}*" },
  { type: "закон", pattern: "закон\\p{L}{0,3}" },
  { type: "приказ", pattern: "приказ\\p{L}{0,3}" },
  { type: "распоряжение", pattern: "распоряжени\\p{L}{1,3}" },
  { type: "постановление", pattern: "постановлени\\p{L}{1,3}" },
  { type: "положение", pattern: "положени\\p{L}{1,3}" },
  { type: "соглашение", pattern: "соглашени\\p{L}{1,3}" },
  { type: "договор", pattern: "договор\\p{L}{0,3}" },
  { type: "протокол", pattern: "протокол\\p{L}{0,3}" },
  { type: "письмо", pattern: "письм\\p{L}{1,3}" },
  { type: "план", pattern: "план\\p{L}{0,3}" },
  { type: "отчет", pattern: "отч[её]т\\p{L}{0,3}" },
  { type: "справка", pattern: "справк\\p{L}{1,3}" },
];
const TYPE_RE = new RegExp(`(?<![\\p{L}\\d])(${TYPES.map((t) => t.pattern).join("|")})(?![\\p{L}\\d])`, "iu");

const NUMBER_RE = /(?:№|(?<![\p{L}\d])No?\.?)\s*([\p{L}\d]*\d[\p{L}\d]*(?:[-/.][\p{L}\d]+)*)/u;
/** Quotes a title may stand in: «…», "…", „…“ (or „…”), “…”. */
const QUOTES: ReadonlyArray<{ open: string; close: string }> = [
  { open: "«", close: "»" },
  { open: '"', close: '"' },
  { open: "„", close: "“”" },
  { open: "“", close: "”" },
];

/**
 * The first quoted text (at least one character) of a text: what
 * /«([^»]+)»|"([^"]+)"|„([^“”]+)[“”]|“([^”]+)”/ finds, in linear time. That
 * regular expression takes quadratic time on a run of opening quotes that are
 * never closed (100 KB of «: a minute and a half).
 */
export function findQuoted(text: string): { index: number; content: string } | null {
  // Per kind of quote: where its closing quote was last looked for, and where it was found (-1: nowhere after).
  const next = QUOTES.map(() => ({ from: -1, at: -1 }));
  for (let i = 0; i < text.length; i++) {
    const kind = QUOTES.findIndex((q) => q.open === text[i]);
    if (kind < 0) continue;
    const cached = next[kind]!;
    if (cached.from === -1 || (cached.at !== -1 && cached.at < i + 1)) {
      let at = i + 1;
      while (at < text.length && !QUOTES[kind]!.close.includes(text[at]!)) at++;
      next[kind] = { from: i + 1, at: at < text.length ? at : -1 };
    }
    const close = next[kind]!.at;
    if (close === -1) continue;
    if (close > i + 1) return { index: i, content: text.slice(i + 1, close) };
  }
  return null;
}

function typeOf(word: string): string {
  return TYPES.find((t) => new RegExp(`^${t.pattern}$`, "iu").test(word))!.type;
}

const clean = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(/^[\s,.;:—-]+|[\s,.;:—-]+$/g, "")
    .trim();
const orNull = (text: string) => (clean(text) === "" ? null : clean(text));

/** One document's requisites; refuses text without a document kind or with a date that does not exist. */
export function parseRequisites(input: string): ParseResult {
  const text = input.replace(/\s+/g, " ").trim();
  const typeMatch = TYPE_RE.exec(text);
  if (!typeMatch) {
    return {
      ok: false,
      error:
        "Не распознан вид документа: нужен приказ, распоряжение, постановление, положение, соглашение, договор, протокол, письмо, план, отчет или справка.",
    };
  }
  const afterType = text.slice(typeMatch.index + typeMatch[0].length);
  const date = findDate(afterType);
  if (date && date.iso === null) return { ok: false, error: `Дата «${date.written}» не существует.` };
  const number = NUMBER_RE.exec(afterType);

  // The issuer runs from the kind to the date or the number; the title is the quoted text after them.
  const marks = [date?.index, number?.index].filter((i): i is number => i !== undefined);
  if (marks.length === 0) {
    const quoted = findQuoted(afterType);
    const title = quoted && clean(afterType.slice(0, quoted.index)) === "" ? quoted.content : afterType;
    return { ok: true, value: { type: typeOf(typeMatch[0]), issuer: null, date: null, number: null, title: orNull(title) } };
  }
  const issuerEnd = Math.min(...marks);
  const issuer = afterType.slice(0, issuerEnd).replace(/\s+от\s*$/i, "");
  const tailStart = Math.max(date ? date.index + date.written.length : 0, number ? number.index + number[0].length : 0);
  const tail = afterType.slice(tailStart);
  const quoted = findQuoted(tail);
  return {
    ok: true,
    value: {
      type: typeOf(typeMatch[0]),
      issuer: orNull(issuer),
      date: date?.iso ?? null,
      number: number?.[1] ?? null,
      title: quoted ? clean(quoted.content) : null,
    },
  };
}

/**
 * Several documents in one text, as in seed 002's last column: a new document
 * starts at a capitalised document kind outside quotes.
 */
export function splitDocuments(input: string): string[] {
  const text = input.replace(/\s+/g, " ").trim();
  const starts: number[] = [];
  const typeAt = new RegExp(TYPE_RE.source, "giu");
  const quotes = quoteCounter(text);
  let match: RegExpExecArray | null;
  while ((match = typeAt.exec(text))) {
    const first = match[0][0]!;
    if (first !== first.toUpperCase()) continue;
    if (quotes.insideAt(match.index)) continue;
    starts.push(match.index);
  }
  if (starts.length === 0) return [text];
  // Text before the first kind (e.g. «Приложение к письму …») stays with it.
  starts[0] = 0;
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length).trim()).filter(Boolean);
}

/**
 * Whether a position is inside quotes: more « than » before it, or an odd number
 * of ". Asked at ascending positions, it counts each character once (counting
 * the whole prefix at every document kind was quadratic).
 */
function quoteCounter(text: string) {
  let position = 0;
  let guillemets = 0;
  let straight = 0;
  return {
    insideAt(index: number): boolean {
      for (; position < index; position++) {
        const c = text[position];
        if (c === "«") guillemets++;
        else if (c === "»") guillemets--;
        else if (c === '"') straight++;
      }
      return guillemets > 0 || straight % 2 === 1;
    },
  };
}

export type ListResult = { ok: true; value: Requisites[] } | { ok: false; error: string };

/** All documents of a text; refuses when none is recognised or a date does not exist. */
export function parseRequisitesList(input: string): ListResult {
  const parts = splitDocuments(input).map(parseRequisites);
  const failed = parts.find((p): p is { ok: false; error: string } => !p.ok && p.error.startsWith("Дата"));
  if (failed) return failed;
  const found = parts.filter((p): p is { ok: true; value: Requisites } => p.ok).map((p) => p.value);
  if (found.length === 0) return { ok: false, error: (parts[0] as { error: string }).error };
  return { ok: true, value: found };
}
