/**
 * Where a document's own date and number stand in the text after its kind. Schools,
 * kindergartens and gymnasiums are named «№ N» («МАДОУ детский сад № 15»), so a «№»
 * is the document's number only where requisites put it: right after the kind
 * («Приказ № 52-П от 12.03.2021»), right after the date («от 02.02.2022 № 7-д»), or
 * right before «от <date>» («Приказ МКУ КНМЦ № 52-П от 12.03.2021»), and not after
 * an organisation's name. Pure.
 */
import { quoteCounter } from "./quotes";
import { findDate } from "./russian-dates";

export interface DateMark {
  /** ISO date, or null when the written date does not exist. */
  iso: string | null;
  written: string;
  /** Where the date's «от» starts (the date itself when it has none), and where the date ends. */
  from: number;
  end: number;
}

export interface NumberMark {
  value: string;
  index: number;
  end: number;
  /** Right after the document's kind: «Приказ № 52-П …». */
  first: boolean;
}

const FROM = /(?<![\p{L}\d])от\s*/giu;
/** The longest date a document writes: «"22" сентября 2021». */
const LONGEST_DATE = 24;

/** The document's date: the first one after «от», else the first one. */
export function findDocumentDate(text: string): DateMark | null {
  for (const from of text.matchAll(FROM)) {
    const at = from.index + from[0].length;
    const date = findDate(text.slice(at, at + LONGEST_DATE));
    if (date?.index === 0) return { iso: date.iso, written: date.written, from: from.index, end: at + date.written.length };
  }
  const date = findDate(text);
  return date && { iso: date.iso, written: date.written, from: date.index, end: date.index + date.written.length };
}

const NUMBER_RE = /(?:№|(?<![\p{L}\d])No?\.?)\s*([\p{L}\d]*\d[\p{L}\d]*(?:[-/.][\p{L}\d]+)*)/gu;
/** Between a date and its number: «от 14 мая 2021 года № 560», «от 01.09.2022 г., № 5», «от … за № 5». */
const AFTER_DATE = /\s*(?:г\.|года|г(?![\p{L}\d]))?\s*[,;]?\s*(?:за\s+)?/iuy;
/** Between a number and its date: «№ 7-д от 02.02.2022», «№ 5, от …». */
const BEFORE_DATE = /[\s,;]*$/u;
/**
 * What a «№» right after names an organisation, a building or its part: «школа № 3», «детский сад
 * комбинированного вида № 15», «д/с № 2», «гимназии № 3», «лицей № 5», «МБОУ СОШ № 1», «ООШ № 7»,
 * «МБДОУ № 12», «школа-интернат № 2», «центр образования № 1», «корпус № 2».
 */
const NAMED =
  /(?:^|[^\p{L}])(?:школ\p{L}*|сад(?:а|у|ом|е|ик\p{L}*)?|д\/с|вида|гимнази\p{L}*|лице(?:й|я|ю|ем|е)|интернат\p{L}*|колледж\p{L}*|техникум\p{L}*|училищ\p{L}*|центр\p{L}*\s+образования|корпус\p{L}*|филиал\p{L}*|\p{L}*СОШ|\p{L}*ООШ|НОШ|СШ|\p{L}*ДОУ|ДОО|ЦО|ДЮСШ\p{L}*|ДШИ|ДМШ|ДХШ|ДДТ|ЦДТ|ЦРР)[\s.]*$/iu;
/** Enough text before a «№» to see the name it ends. */
const NAME_WINDOW = 40;

/** Where a number right after the date would start, and where one right before it would end. */
function besideDate(text: string, date: DateMark): { after: number; before: number } {
  AFTER_DATE.lastIndex = date.end;
  const gapBefore = BEFORE_DATE.exec(text.slice(Math.max(0, date.from - NAME_WINDOW), date.from))![0];
  return { after: date.end + AFTER_DATE.exec(text)![0].length, before: date.from - gapBefore.length };
}

/** The document's own number in the text after its kind, given its date; null when only names carry numbers. */
export function findDocumentNumber(text: string, date: DateMark | null): NumberMark | null {
  const firstAt = text.length - text.trimStart().length;
  const beside = date ? besideDate(text, date) : null;
  const quotes = quoteCounter(text);
  let beforeDate: NumberMark | null = null;
  let anywhere: NumberMark | null = null;
  for (const match of text.matchAll(NUMBER_RE)) {
    const mark = { value: match[1]!, index: match.index, end: match.index + match[0].length, first: match.index === firstAt };
    if (mark.first || mark.index === beside?.after) return mark;
    if (quotes.insideAt(mark.index) || NAMED.test(text.slice(Math.max(0, mark.index - NAME_WINDOW), mark.index))) continue;
    if (beside === null) anywhere ??= mark;
    else if (mark.end === beside.before) beforeDate ??= mark;
  }
  return beforeDate ?? anywhere;
}
