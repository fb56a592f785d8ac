import { describe, expect, it } from "vitest";
import { EXPORT_BATCH_SIZE, keysetBatchesOf, type KeysetWindow } from "@/lib/paging";

interface Row {
  id: number;
  /** The sort key; rows share it, the id breaks the tie. */
  group: string;
}

/** Ten rows ordered by (group, id), the keys repeating: a list as the database orders it. */
const ROWS: Row[] = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, group: ["a", "a", "a", "b", "b", "c", "c", "c", "c", "d"][i]! }));

/** A source that reads like `WHERE (group, id) > (after.group, after.id) ORDER BY group, id LIMIT take`. */
function sourceOf(rows: Row[]) {
  const windows: Array<KeysetWindow<Row>> = [];
  const readAfter = async (window: KeysetWindow<Row>) => {
    windows.push(window);
    const { after } = window;
    const rest = after ? rows.filter((r) => r.group > after.group || (r.group === after.group && r.id > after.id)) : rows;
    return rest.slice(0, window.take);
  };
  return { source: { readAfter }, windows };
}

async function collect(rows: Row[], batchSize?: number) {
  const { source, windows } = sourceOf(rows);
  const batches: Row[][] = [];
  for await (const batch of keysetBatchesOf(source, batchSize)) batches.push(batch);
  return { batches, windows };
}

describe("keysetBatchesOf", () => {
  it("reads each batch after the last row of the one before, every row once and in order, across ties of the key", async () => {
    for (const size of [1, 2, 3, 4, 9, 11]) {
      const { batches } = await collect(ROWS, size);
      expect(batches.flat(), `batch size ${size}`).toEqual(ROWS);
      expect(
        batches.slice(0, -1).every((b) => b.length === size),
        `batch size ${size}`,
      ).toBe(true);
    }
    const { windows } = await collect(ROWS, 4);
    expect(windows).toEqual([
      { after: null, take: 4 },
      { after: ROWS[3], take: 4 },
      { after: ROWS[7], take: 4 },
    ]);
  });

  it("stops at a short batch; when the rows end on a full batch, one more read finds nothing and yields nothing", async () => {
    const { batches, windows } = await collect(ROWS, 5);
    expect(batches.map((b) => b.map((r) => r.id))).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
    ]);
    expect(windows.map((w) => w.after?.id ?? null)).toEqual([null, 5, 10]);
    expect((await collect([], 5)).batches).toEqual([]);
  });

  it("takes the exports' batch size by default", async () => {
    const { windows } = await collect(ROWS);
    expect(windows).toEqual([{ after: null, take: EXPORT_BATCH_SIZE }]);
  });
});
