import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { Transform, type Readable, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";

export interface Digest {
  bytes: number;
  sha256: string;
  /** Newline bytes: the rows of a COPY text stream (a newline inside a value is written as `\n`). */
  lines: number;
}

/** Passes bytes through unchanged, counting them, their newlines and their SHA-256. */
export class DigestStream extends Transform {
  private readonly hash = createHash("sha256");
  private bytes = 0;
  private lines = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) this.lines++;
    callback(null, chunk);
  }

  /** Once the stream has ended. */
  digest(): Digest {
    return { bytes: this.bytes, sha256: this.hash.digest("hex"), lines: this.lines };
  }
}

/** Writes a stream to a file, returning what DigestStream counted. */
export async function spool(source: Readable, file: string): Promise<Digest> {
  const digest = new DigestStream();
  await pipeline(source, digest, createWriteStream(file, { flags: "wx", mode: 0o600 }));
  return digest.digest();
}
