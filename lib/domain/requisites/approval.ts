/**
 * «Положение о школьном координаторе, утв. приказом управления образования от
 * 18.09.2020 № 1006»: the approving order is a document of its own, whose date and
 * number are not the approved document's. Pure.
 */
import { documentStarts } from "./document-kinds";
import { quoteCounter } from "./quotes";

/**
 * «утв.», «утв», «утверждено», «утверждённое», «утвержденный» … before a document in the instrumental case
 * (приказом, распоряжением, постановлением, протоколом), optionally opening a parenthesis.
 */
const APPROVAL_RE =
  /(\(\s*)?(?<![\p{L}\d])(?:утв\.?|утвержд[её]н\p{L}*)\s*(?=(?:приказом|распоряжением|постановлением|протоколом)(?![\p{L}\d]))/giu;

/**
 * The text without its approval clause (outside quotes), and the approving
 * document's own text («приказом управления образования от 18.09.2020 № 1006»).
 * The clause runs to its closing parenthesis, or to the next document, or to the end.
 */
export function splitApproval(text: string): { main: string; approval: string | null } {
  const quotes = quoteCounter(text);
  for (const match of text.matchAll(APPROVAL_RE)) {
    if (quotes.insideAt(match.index)) continue;
    const from = match.index + match[0].length;
    const closing = match[1] === undefined ? -1 : text.indexOf(")", from);
    const end = closing !== -1 ? closing : (documentStarts(text.slice(from)).find((start) => start > 0) ?? text.length - from) + from;
    const after = closing !== -1 ? closing + 1 : end;
    return { main: `${text.slice(0, match.index)} ${text.slice(after)}`, approval: text.slice(from, end) };
  }
  return { main: text, approval: null };
}
