/**
 * Office files of the OLE compound format (D0 CF 11 E0 A1 B1 1A E1): Word 97–2003
 * .doc, Excel 97–2003 .xls, and any DOCX or XLSX saved with a password (Office
 * wraps the encrypted package in one). They are told apart by the streams their
 * directory names, without reading the streams. Pure.
 */

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type OleKind = "encrypted" | "doc" | "other";

/** A directory entry is 128 bytes: its UTF-16 name first, the name's length in bytes (with its NUL) at byte 64. */
const ENTRY_SIZE = 128;
const NAME_LENGTH_AT = 64;

/**
 * Whether a stream of this name is listed in the file's directory: the name,
 * UTF-16 LE, at the start of a 128-byte entry (sectors are 512 or 4096 bytes, so
 * entries start at multiples of 128) whose length field says the same.
 */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = Buffer.from(name, "utf16le");
  for (let at = buffer.indexOf(needle); at >= 0; at = buffer.indexOf(needle, at + 1)) {
    if (at % ENTRY_SIZE === 0 && at + NAME_LENGTH_AT + 2 <= buffer.length && buffer.readUInt16LE(at + NAME_LENGTH_AT) === needle.length + 2)
      return true;
  }
  return false;
}

/** What an OLE compound file is, or null when the bytes are not one. */
export function oleKind(bytes: Uint8Array): OleKind | null {
  if (bytes.length < OLE_MAGIC.length || OLE_MAGIC.some((byte, i) => bytes[i] !== byte)) return null;
  if (hasStream(bytes, "EncryptedPackage") || hasStream(bytes, "EncryptionInfo")) return "encrypted";
  if (hasStream(bytes, "WordDocument")) return "doc";
  return "other";
}
