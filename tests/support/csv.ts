import { decodeText } from "@/lib/domain/files/decode-text";
import { readCsvText } from "@/lib/domain/files/read-csv";

/** A CSV file's records as the imports read them (encoding and separator detected); throws what a refusal says. */
export function csvRecords(bytes: Uint8Array): string[][] {
  const text = decodeText(bytes);
  if (!text.ok) throw new Error("not a text");
  const read = readCsvText(text.text);
  if (!read.ok) throw new Error(read.message);
  return read.records;
}
