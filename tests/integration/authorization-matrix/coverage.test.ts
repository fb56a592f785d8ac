import { describe, expect, it, vi } from "vitest";
import { ACTIONS, INLINE_ACTIONS, PAGES, ROUTES } from "./coverage";
import { discoverEntries } from "./discover";
import { coverageGaps } from "./matrix";

// Importing the app's modules must not reach a session or a database: discovery only reads their exports.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

/**
 * The matrix covers the app as the code has it: every page and layout, every
 * exported method of a route handler, every server action. A new one fails here
 * until the coverage table (coverage.ts) says how to call it with foreign ids.
 */
describe("the authorization matrix covers every entry point", async () => {
  const found = await discoverEntries();

  it("finds the app's entry points (the discovery itself works)", () => {
    expect(found.pages).toContain("app/(app)/blanks/[id]/page.tsx");
    expect(found.routes).toContain("GET app/api/files/[id]/route.ts");
    expect(found.actions).toContain("lib/actions/blanks.ts#submitBlankAction");
  });

  it.each([
    ["pages and layouts", found.pages, PAGES],
    ["route handlers", found.routes, ROUTES],
    ["server actions", found.actions, ACTIONS],
  ] as const)("%s: each has a row in the coverage table, and each row an entry", (_, discovered, table) => {
    const gaps = coverageGaps(discovered, table);
    expect(gaps.missing, "entries the coverage table lacks: add a row for each").toEqual([]);
    expect(gaps.stale, "rows of the coverage table for entries that no longer exist: remove them").toEqual([]);
  });

  it("every server action module is in lib/actions, where components import it from (never from a route's folder)", () => {
    expect(found.actions.filter((key) => !key.startsWith("lib/actions/"))).toEqual([]);
  });

  it("every server action is an async function (Next requires it)", () => {
    expect(found.notAsync).toEqual([]);
  });

  it("inline server actions are listed with the actions they call, and those are covered", () => {
    expect(Object.fromEntries(Object.entries(INLINE_ACTIONS).map(([file, v]) => [file, v.count]))).toEqual(found.inline);
    for (const { calls } of Object.values(INLINE_ACTIONS)) for (const key of calls) expect(Object.keys(ACTIONS)).toContain(key);
  });
});
