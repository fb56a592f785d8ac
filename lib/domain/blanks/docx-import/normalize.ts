/**
 * How a row's number and title are compared with an item's: what a person typing the
 * blank in Word changes without meaning to (case, ё, dashes, quotes, spaces, a leading
 * «-», footnote marks) does not count. Pure.
 */

const FOOTNOTE_MARKS = /[¹²³⁴⁵⁶⁷⁸⁹⁰*]+/g;
const DASHES = /[‐‑‒–—―−]/g;
const QUOTES = /[«»„“”"'‘’‚`]/g;

/** A title as compared: «- О назначении  “координатора”¹» → «о назначении координатора». */
export function normalizeTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(FOOTNOTE_MARKS, " ")
    .replace(DASHES, "-")
    .replace(QUOTES, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s\-–.,:;]+|[\s\-.,:;]+$/g, "")
    .replace(/\s*-\s*/g, "-")
    .trim();
}

/** A printed number as compared: «1.», «1 .1», «№ 1.1.» → «1», «1.1», «1.1». */
export function normalizeNumber(text: string): string {
  return text
    .replace(FOOTNOTE_MARKS, "")
    .replace(/[№\s]/g, "")
    .replace(/[.,]+$/, "")
    .replace(/,/g, ".");
}

/** A number at the start of a cell, as section rows print it with their title: «1. Соглашения», «2 Положения …». */
const LEADING_NUMBER = /^\s*(\d{1,3}(?:\s*\.\s*\d{1,3})*\.?)(?=\s|$)\s*([\s\S]*)$/;

export function splitLeadingNumber(text: string): { number: string; rest: string } | null {
  const match = LEADING_NUMBER.exec(text);
  return match ? { number: normalizeNumber(match[1]!), rest: match[2]!.trim() } : null;
}

const bigrams = (text: string) => {
  const grams = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i < padded.length - 1; i++) {
    const gram = padded.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
};

/** How alike two normalised titles are, 0 to 1 (Sørensen–Dice over letter pairs): a typo or a word changed stays high. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [gram, count] of left) {
    shared += Math.min(count, right.get(gram) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return (2 * shared) / total;
}
