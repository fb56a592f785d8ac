import type { Writable } from "node:stream";

/**
 * Waits while the reader of `output` is behind, so that a large export is held in
 * memory a batch at a time rather than as a whole; returns at once when it is closed.
 * It first lets pending I/O run: the stages between a writer and `output` (the ZIP
 * compression of an XLSX) pass a batch on only then, and a reader that is behind
 * shows only once they have.
 */
export async function drained(output: Writable): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (!output.writableNeedDrain || output.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      output.off("drain", done);
      output.off("close", done);
      resolve();
    };
    output.on("drain", done);
    output.on("close", done);
  });
}
