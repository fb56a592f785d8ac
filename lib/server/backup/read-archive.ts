import "server-only";
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { extract as tarExtract } from "tar-stream";
import { AppError } from "@/lib/errors";

/** The archive cannot be read to its end (truncated, not gzip, not tar): refused as a whole. */
export const damagedArchive = (file: string, reason: string) =>
  new AppError("VALIDATION", `The archive ${file} is damaged or incomplete (${reason}); nothing was restored`);

/**
 * Streams a backup archive's entries in order, one at a time; `onEntry` must
 * read the entry to its end (what it leaves is drained). Errors between entries
 * become `damagedArchive`; those inside an entry reach `onEntry` and pass through it
 * (so a truncated entry fails its reader, e.g. the COPY, and a caller that only
 * reads, as verify-backup.ts, takes every such error as damage).
 */
export async function readArchive(
  file: string,
  onEntry: (entry: { name: string; size: number; stream: Readable }) => Promise<void>,
): Promise<void> {
  const extract = tarExtract();
  const reading = pipeline(createReadStream(file), createGunzip(), extract);
  // Observed below; without this an early failure would be reported as unhandled.
  reading.catch(() => {});
  const iterator = extract[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof iterator.next>>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw damagedArchive(file, errorText(error));
      }
      if (next.done) break;
      const entry = next.value;
      if (entry.header.type !== "file") throw damagedArchive(file, `unexpected ${entry.header.type} entry ${entry.header.name}`);
      await onEntry({ name: entry.header.name, size: entry.header.size ?? 0, stream: entry as unknown as Readable });
      for await (const _ of entry) {
        // drain what onEntry left
      }
    }
    await reading.catch((error: unknown) => {
      throw damagedArchive(file, errorText(error));
    });
  } catch (error) {
    extract.destroy();
    await reading.catch(() => {});
    throw error;
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
