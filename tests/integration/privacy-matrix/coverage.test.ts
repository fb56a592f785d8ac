import { describe, expect, it, vi } from "vitest";
import { ACTIONS, PAGES, ROUTES } from "../authorization-matrix/coverage";
import { discoverEntries } from "../authorization-matrix/discover";
import { coverageGaps, type Entry } from "../authorization-matrix/matrix";
import { PRIVACY_ACTIONS, PRIVACY_PAGES, PRIVACY_ROUTES, type PrivacyRow } from "./coverage";

// Importing the app's modules must not reach a session or a database: discovery only reads their exports.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

/**
 * The privacy matrix covers the app as the code has it: every page and layout, every
 * exported method of a route handler, every server action has a row saying who may
 * see a child's data in its answers and how it is called.
 */
describe("the privacy matrix covers every entry point", async () => {
  const found = await discoverEntries();
  const kinds = [
    ["pages and layouts", found.pages, PRIVACY_PAGES, PAGES],
    ["route handlers", found.routes, PRIVACY_ROUTES, ROUTES],
    ["server actions", found.actions, PRIVACY_ACTIONS, ACTIONS],
  ] as const;

  it.each(kinds)("%s: each has a row in the privacy table, and each row an entry", (_, discovered, table) => {
    const gaps = coverageGaps(discovered, table);
    expect(gaps.missing, "entries the privacy table lacks: add a row for each").toEqual([]);
    expect(gaps.stale, "rows of the privacy table for entries that no longer exist: remove them").toEqual([]);
  });

  it.each(kinds)(
    "%s: every row makes calls, says why it makes none of the authorization matrix's, and why nobody sees the child",
    (_, __, table, authz) => {
      const problems: string[] = [];
      for (const [key, row] of Object.entries(table as Record<string, PrivacyRow<unknown>>)) {
        const authzEntry = (authz as Record<string, Entry<unknown>>)[key];
        if ("skip" in row) {
          if (!row.skip.trim()) problems.push(`${key}: skipped without a reason`);
          continue;
        }
        if (row.authz === true && !(authzEntry && "calls" in authzEntry))
          problems.push(`${key}: reuses the authorization matrix's calls, which has none for it`);
        if (row.authz !== true && !(row.authz.replaced.trim() && row.calls))
          problems.push(`${key}: replaces the authorization matrix's calls without a reason or calls of its own`);
        if (row.audience === "nobody" && !row.why?.trim()) problems.push(`${key}: shows the child to nobody without saying why`);
      }
      expect(problems).toEqual([]);
    },
  );
});
