import { describe, expect, it } from "vitest";
import { type ListSource, pageOf } from "@/lib/paging";

/** A list of `length` numbers that records which of its reads were made. */
function listOf(length: number) {
  const calls: string[] = [];
  const all = Array.from({ length }, (_, i) => i);
  const source: ListSource<number> = {
    count: async () => {
      calls.push("count");
      return all.length;
    },
    read: async ({ skip, take }) => {
      calls.push("read");
      return all.slice(skip, skip + take);
    },
  };
  return { source, calls };
}

describe("pageOf with countWhenFull (the homes' short lists)", () => {
  it("takes a first page with room to spare for the whole list: its length is the total, nothing is counted", async () => {
    const { source, calls } = listOf(3);
    expect(await pageOf(source, { page: 1, pageSize: 10 }, { countWhenFull: true })).toEqual({
      rows: [0, 1, 2],
      total: 3,
      page: 1,
      pageSize: 10,
    });
    expect(calls).toEqual(["read"]);
    const empty = listOf(0);
    expect((await pageOf(empty.source, { page: 1, pageSize: 10 }, { countWhenFull: true })).total).toBe(0);
    expect(empty.calls).toEqual(["read"]);
  });

  it("counts a full first page, which may have more behind it, and any later page", async () => {
    const full = listOf(25);
    expect(await pageOf(full.source, { page: 1, pageSize: 10 }, { countWhenFull: true })).toMatchObject({
      total: 25,
      rows: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    });
    expect(full.calls).toEqual(["read", "count"]);
    const later = listOf(25);
    expect(await pageOf(later.source, { page: 3, pageSize: 10 }, { countWhenFull: true })).toMatchObject({
      total: 25,
      rows: [20, 21, 22, 23, 24],
    });
    expect(later.calls).toContain("count");
  });
});
