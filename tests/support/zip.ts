import { crc32, inflateRawSync } from "node:zlib";
import { readZipDirectory } from "@/lib/domain/files/zip-guard";

/**
 * A minimal ZIP writer (stored entries, no compression) for building real
 * DOCX and plain ZIP samples in tests, without a zip library of our own.
 */
export function zip(entries: Record<string, string | Uint8Array>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    const fileName = Buffer.from(name, "utf8");
    const fields = { crc: crc32(data), size: data.length, nameLength: fileName.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, fields);
    locals.push(local, fileName, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeCommon(central, 6, fields);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The fields local and central headers share, from "version needed" to "extra length". */
function writeCommon(header: Buffer, at: number, f: { crc: number; size: number; nameLength: number }) {
  header.writeUInt16LE(20, at); // version needed
  header.writeUInt16LE(0x0800, at + 2); // names are UTF-8
  header.writeUInt16LE(0, at + 4); // stored
  header.writeUInt16LE(0, at + 6); // time
  header.writeUInt16LE(0x21, at + 8); // date: 1980-01-01
  header.writeUInt32LE(f.crc, at + 10);
  header.writeUInt32LE(f.size, at + 14); // compressed
  header.writeUInt32LE(f.size, at + 18); // uncompressed
  header.writeUInt16LE(f.nameLength, at + 22);
}

/** The parts of a ZIP (a DOCX's document, header, media) by name, inflated. */
export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new Error(directory.message);
  const data = Buffer.from(bytes);
  return new Map(
    directory.entries.map((entry) => {
      const at = entry.localHeaderOffset;
      const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
      const packed = data.subarray(start, start + entry.compressedSize);
      return [entry.name, entry.method === 8 ? inflateRawSync(packed) : packed];
    }),
  );
}
