/** The kinds of documents the requisites parser knows, and where in a text a document starts. Pure. */
import { quoteCounter } from "./quotes";

interface DocumentKind {
  type: string;
  /** Every inflected form: «приказом», «письму», «Положения». */
  pattern: string;
  /** The form a document's name starts with: «Приказ», «Письмо», «Положение». */
  nominative: string;
  /**
   * What follows the kind names the document's subject, not its issuer: «Положение о школьном координаторе»,
   * «Договор о сотрудничестве между …», «План работы МЦДО». The other kinds name their issuer first
   * («Приказ департамента образования», «Протокол совещания при директоре …») and their subject after «о/об».
   */
  subject: boolean;
}

const KINDS: DocumentKind[] = [
  { type: "федеральный закон", pattern: "федеральн\\p{L}*\\s+закон\\p{L}*", nominative: "федеральный\\s+закон", subject: false },
  { type: "закон", pattern: "закон\\p{L}{0,3}", nominative: "закон", subject: false },
  { type: "приказ", pattern: "приказ\\p{L}{0,3}", nominative: "приказ", subject: false },
  { type: "распоряжение", pattern: "распоряжени\\p{L}{1,3}", nominative: "распоряжение", subject: false },
  { type: "постановление", pattern: "постановлени\\p{L}{1,3}", nominative: "постановление", subject: false },
  { type: "положение", pattern: "положени\\p{L}{1,3}", nominative: "положение", subject: true },
  { type: "соглашение", pattern: "соглашени\\p{L}{1,3}", nominative: "соглашение", subject: true },
  { type: "договор", pattern: "договор\\p{L}{0,3}", nominative: "договор", subject: true },
  { type: "протокол", pattern: "протокол\\p{L}{0,3}", nominative: "протокол", subject: false },
  // Not «в порядке»: the idiom («в установленном порядке») names no document.
  { type: "порядок", pattern: "порядок|порядк(?:а|у|ом)", nominative: "порядок", subject: true },
  { type: "письмо", pattern: "письм\\p{L}{1,3}", nominative: "письмо", subject: false },
  { type: "план", pattern: "план\\p{L}{0,3}", nominative: "план", subject: true },
  { type: "отчет", pattern: "отч[её]т\\p{L}{0,3}", nominative: "отч[её]т", subject: true },
  { type: "справка", pattern: "справк\\p{L}{1,3}", nominative: "справка", subject: true },
];

export const UNKNOWN_KIND =
  "Не распознан вид документа: нужен приказ, распоряжение, постановление, положение, соглашение, договор, протокол, порядок, письмо, план, отчет или справка.";

const KIND_SOURCE = `(?<![\\p{L}\\d])(?:${KINDS.map((k) => k.pattern).join("|")})(?![\\p{L}\\d])`;
/** The first document kind of a text, in any of its forms. */
export const KIND_RE = new RegExp(KIND_SOURCE, "iu");
const NOMINATIVE_RE = new RegExp(`^(?:${KINDS.map((k) => k.nominative).join("|")})$`, "iu");

export function kindOf(word: string): DocumentKind {
  return KINDS.find((k) => new RegExp(`^(?:${k.pattern})$`, "iu").test(word))!;
}

/**
 * Where documents start in a text listing several (seed 002's last column): at a
 * document kind, capitalised and in the nominative («Приказ», «Протокол»), outside
 * quotes. «Плана», «Приказом» or «Положения» inside a document's name start nothing.
 */
export function documentStarts(text: string): number[] {
  const starts: number[] = [];
  const quotes = quoteCounter(text);
  for (const match of text.matchAll(new RegExp(KIND_SOURCE, "giu"))) {
    const first = match[0][0]!;
    if (first !== first.toUpperCase() || !NOMINATIVE_RE.test(match[0])) continue;
    if (quotes.insideAt(match.index)) continue;
    starts.push(match.index);
  }
  return starts;
}
