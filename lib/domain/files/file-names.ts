/**
 * A user's file name is kept for display and downloads only, never as a path:
 * it is cleaned once on upload and encoded safely into the download header.
 */

export const MAX_FILE_NAME_LENGTH = 200;

const FALLBACK_NAME = "файл";

/**
 * Control and invisible format characters (incl. right-to-left overrides that
 * disguise "exe.pdf"), and unpaired surrogates, which no text encoding can carry.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/** An extension short enough to keep when a long name is cut. */
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;

/**
 * The base name the user meant, without any directory part ("../../etc/passwd",
 * "C:\\x\\y.pdf"), invisible characters or runs of spaces, and at most
 * MAX_FILE_NAME_LENGTH characters with its extension kept.
 */
export function displayFileName(raw: string): string {
  const base = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base.replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  if (/^\.*$/.test(cleaned)) return FALLBACK_NAME;
  return truncate(cleaned);
}

function truncate(name: string): string {
  const chars = Array.from(name); // by code point, so no emoji or surrogate is split
  if (chars.length <= MAX_FILE_NAME_LENGTH) return name;
  const extension = Array.from(EXTENSION.exec(name)?.[0] ?? "");
  const stem = chars
    .slice(0, MAX_FILE_NAME_LENGTH - extension.length)
    .join("")
    .trimEnd();
  return stem + extension.join("");
}

/**
 * `attachment` with the name twice: `filename*` (RFC 5987, UTF-8) for every
 * current browser, and a plain-ASCII `filename` for old clients, in which
 * anything outside printable ASCII, quotes, backslashes and `%` become "_".
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/gu, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
