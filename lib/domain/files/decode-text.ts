import iconv from "iconv-lite";

/**
 * An uploaded text file (CSV, Markdown) as text, whichever encoding Russian Excel
 * or an editor saved it in. Pure.
 *
 * The rule, in this order:
 * 1. a byte order mark names the encoding: UTF-8 (EF BB BF), UTF-16 LE (FF FE,
 *    Excel's «Текст Юникод»), UTF-16 BE (FE FF);
 * 2. bytes that are valid UTF-8 are UTF-8 («CSV UTF-8», every editor today);
 * 3. anything else is Windows-1251 («CSV (разделители — точка с запятой)» of
 *    Russian Excel), unless control characters say it is no text at all.
 *
 * Why not a statistical detector: Russian text in Windows-1251 is practically never
 * valid UTF-8 (its letters are bytes C0–FF, which in UTF-8 must be followed by
 * continuation bytes 80–BF: «Школа» in 1251 is DB EA EE EB E0), so the strict
 * UTF-8 check alone tells the two apart, and it never guesses. Detectors weigh
 * letter frequencies and mistake short Russian texts for KOI8-R or MacCyrillic,
 * encodings no Excel on Windows writes.
 */

export const TEXT_ENCODINGS = ["UTF-8", "UTF-16 LE", "UTF-16 BE", "Windows-1251"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export type DecodedText = { ok: true; text: string; encoding: TextEncoding } | { ok: false };

const BOMS: readonly { bytes: readonly number[]; encoding: TextEncoding; iconv: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "UTF-8", iconv: "utf8" },
  { bytes: [0xff, 0xfe], encoding: "UTF-16 LE", iconv: "utf16le" },
  { bytes: [0xfe, 0xff], encoding: "UTF-16 BE", iconv: "utf16be" },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);

/** Control characters other than tab, line feed, form feed and carriage return: bytes of no text. */
function hasControlBytes(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return true;
  return false;
}

/**
 * The text of the bytes and the encoding it was read in, a byte order mark dropped;
 * `ok: false` for bytes that are no text (a NUL in them, or control characters where
 * they are not UTF-8). Never throws.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  let decoded: { text: string; encoding: TextEncoding } | null = null;
  if (bom) {
    decoded = { text: iconv.decode(Buffer.from(bytes.subarray(bom.bytes.length)), bom.iconv, { stripBOM: false }), encoding: bom.encoding };
  } else {
    const utf8 = strictUtf8(bytes);
    if (utf8 !== null) decoded = { text: utf8, encoding: "UTF-8" };
    else if (!hasControlBytes(bytes)) decoded = { text: iconv.decode(Buffer.from(bytes), "win1251"), encoding: "Windows-1251" };
  }
  if (decoded === null || decoded.text.includes("\u0000")) return { ok: false };
  return { ok: true, ...decoded };
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
