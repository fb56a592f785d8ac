import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Scope } from "@/lib/scope";
import type { Role } from "@/lib/roles";
import { getScope } from "@/lib/server/auth/get-scope";
import { ACTIONS, PAGES, ROUTES } from "./coverage";
import { dynamicSegments, importModule } from "./discover";
import {
  argsOf,
  buildMatrix,
  describeOutcome,
  invokeAction,
  invokePage,
  invokeRoute,
  judge,
  type ActionCall,
  type Ctx,
  type Entry,
  type Matrix,
  type Outcome,
  type PageCall,
  type RouteCall,
} from "./matrix";

/**
 * The matrix as vitest suites: one test per table entry, calling it as every
 * caller; then the controls, the same calls made by the foreign tenant's own
 * users, which must succeed. Each test file runs one kind on a database of its
 * own and must mock "@/lib/server/auth/get-scope" itself (vi.mock is per file).
 */

const TIMEOUT = 180_000;

const as = (scope: Scope | null) => vi.mocked(getScope).mockResolvedValue(scope);

/** One kind of entry (pages, route handlers, server actions): its table and how to call one of its entries. */
export interface EntryKind<C> {
  name: string;
  table: Record<string, Entry<C>>;
  /** Runs one call as whoever getScope now answers; returns the outcome and what the request carried. */
  invoke(key: string, call: C, onData?: (value: object) => void): Promise<{ outcome: Outcome; given: string }>;
  /** The file of a page or route, whose dynamic segments every call must fill. */
  fileOf?(key: string): string;
  /** Pages and layouts open without a session. */
  isPublic?(key: string): boolean;
}

interface Kind<C> extends EntryKind<C> {
  /** An entry whose first call, made by the foreign tenant's `role` but judged as one of ours, must be caught. */
  selfCheck: { key: string; role: Role; caught: RegExp };
}

function defineMatrix<C extends PageCall | RouteCall | ActionCall>(kind: Kind<C>) {
  let matrix: Matrix;
  beforeAll(async () => {
    matrix = await buildMatrix();
  }, TIMEOUT);
  const callsOf = (entry: Entry<C>, ctx: Ctx) => ("skip" in entry ? [] : entry.calls(ctx));
  /** How a call is named in failures: its label, else its position when the entry makes several. */
  const name = (key: string, call: C, i: number) => `${key}${call.label ? ` [${call.label}]` : i ? ` [call ${i + 1}]` : ""}`;

  it(
    `${kind.name}: the matrix catches a caller who does reach the foreign tenant (self-check)`,
    async () => {
      const { key, role, caught } = kind.selfCheck;
      const entry = kind.table[key]!;
      const [call] = callsOf(entry, matrix.ctx);
      // The foreign tenant's own user, presented to the judge as a caller of region 23: exactly what a hole looks like.
      const insider = { id: "23 REGION_ADMIN" as const, scope: matrix.foreignScope(role), regionId: matrix.ctx.own.region.id };
      as(insider.scope);
      const problems = await judge({ matrix, caller: insider, call: call!, invoke: () => kind.invoke(key, call!) });
      matrix.snapshots.clear();
      expect(problems.join("\n")).toMatch(caught);
    },
    TIMEOUT,
  );

  describe(`${kind.name}: every caller is refused another tenant's data`, () => {
    for (const [key, entry] of Object.entries(kind.table)) {
      // An excluded entry has its reason in the table (coverage.test.ts requires one); sign-in has tests of its own.
      if ("skip" in entry) continue;
      it(
        key,
        async () => {
          const problems: string[] = [];
          const calls = callsOf(entry, matrix.ctx);
          expect(calls.length, "an entry makes at least one call").toBeGreaterThan(0);
          expectSegmentsFilled(kind, key, calls);
          for (const [i, call] of calls.entries()) {
            for (const caller of matrix.callers) {
              as(caller.scope);
              const found = await judge({
                matrix,
                caller,
                call,
                publicEntry: kind.isPublic?.(key),
                invoke: async () => {
                  const result = await kind.invoke(key, call);
                  // MATRIX_TRACE=1 prints every answer, to see why a call is refused.
                  if (process.env.MATRIX_TRACE) console.log(`${name(key, call, i)} as ${caller.id}: ${describeOutcome(result.outcome)}`);
                  return result;
                },
              });
              for (const problem of found) problems.push(`${name(key, call, i)} as ${caller.id}: ${problem}`);
            }
          }
          expect(problems).toEqual([]);
        },
        TIMEOUT,
      );
    }
  });

  describe(`${kind.name}: controls — the foreign tenant's own users make the same calls successfully`, () => {
    for (const [key, entry] of Object.entries(kind.table)) {
      if ("skip" in entry) continue;
      it(
        key,
        async () => {
          const problems: string[] = [];
          // The controls change the foreign world: no snapshot taken before them stays valid.
          matrix.snapshots.clear();
          for (const [i, call] of callsOf(entry, matrix.ctx).entries()) {
            if (!call.control) continue;
            as(matrix.foreignScope(call.control as Role));
            const { outcome } = await kind.invoke(key, call);
            const failed = controlProblem(outcome);
            if (failed) problems.push(`${name(key, call, i)} as the foreign ${call.control}: ${failed}`);
            const shows = call.controlShows ?? kind.name === "pages";
            if (!failed && shows && !textOfSuccess(outcome).includes(matrix.ctx.foreign.marker)) {
              problems.push(
                `${name(key, call, i)} as the foreign ${call.control}: the answer does not show the foreign data, so the call does not reach it`,
              );
            }
          }
          expect(problems).toEqual([]);
        },
        TIMEOUT,
      );
    }
  });
}

/** Every call fills each dynamic segment of its page's or route's file: one left out would make the call fail for everyone, proving nothing. */
export function expectSegmentsFilled<C>(kind: EntryKind<C>, key: string, calls: C[]) {
  const file = kind.fileOf?.(key);
  if (!file) return;
  for (const call of calls as Array<{ params?: Record<string, unknown> }>) {
    expect(
      dynamicSegments(file).filter((s) => !(s in (call.params ?? {}))),
      `${key}: dynamic segments without a value`,
    ).toEqual([]);
  }
}

function controlProblem(outcome: Outcome): string | null {
  switch (outcome.kind) {
    case "rendered":
      return null;
    case "response":
      return outcome.status < 300 ? null : `expected success, got ${describeOutcome(outcome)}`;
    case "result":
      return (outcome.value as { ok?: boolean }).ok === true ? null : `expected ok, got ${describeOutcome(outcome)}`;
    default:
      return `expected success, got ${describeOutcome(outcome)}`;
  }
}

const textOfSuccess = (outcome: Outcome) =>
  outcome.kind === "rendered" || outcome.kind === "response"
    ? outcome.text
    : outcome.kind === "result"
      ? JSON.stringify(outcome.value)
      : "";

type PageComponent = Parameters<typeof invokePage>[0];
type RouteHandler = Parameters<typeof invokeRoute>[0];
type Action = Parameters<typeof invokeAction>[0];

/** Pages and layouts, called as functions; `onData` sees the plain objects of their element trees. */
export const PAGE_ENTRIES: EntryKind<PageCall> = {
  name: "pages",
  table: PAGES,
  fileOf: (key) => key,
  isPublic: (key) => key === "app/login/page.tsx" || key === "app/layout.tsx",
  async invoke(key, call, onData) {
    const page = (await importModule(key)).default as PageComponent;
    return { outcome: await invokePage(page, call, onData), given: JSON.stringify([call.params, call.searchParams]) };
  },
};

/** Route handlers' methods, called with a Request. */
export const ROUTE_ENTRIES: EntryKind<RouteCall> = {
  name: "route handlers",
  table: ROUTES,
  fileOf: (key) => key.split(" ")[1]!,
  async invoke(key, call) {
    const [method, file] = key.split(" ") as [string, string];
    const handler = (await importModule(file))[method] as RouteHandler;
    return invokeRoute(handler, method, file, call);
  },
};

/** Server actions, called with their arguments. */
export const ACTION_ENTRIES: EntryKind<ActionCall> = {
  name: "server actions",
  table: ACTIONS,
  async invoke(key, call) {
    const [file, name] = key.split("#") as [string, string];
    const action = (await importModule(file))[name] as Action;
    const args = await argsOf(call);
    return { outcome: await invokeAction(action, args), given: JSON.stringify(args) };
  },
};

export function definePageMatrix() {
  defineMatrix<PageCall>({
    ...PAGE_ENTRIES,
    selfCheck: {
      key: "app/(app)/documents/[id]/page.tsx",
      role: "MUNICIPAL_COORDINATOR",
      caught: /leaked marker «ЧУЖОЙ»[\s\S]*the page rendered/,
    },
  });
}

export function defineRouteMatrix() {
  defineMatrix<RouteCall>({
    ...ROUTE_ENTRIES,
    selfCheck: {
      key: "GET app/api/organizations/[id]/route.ts",
      role: "SCHOOL_COORDINATOR",
      caught: /leaked marker «ЧУЖОЙ»[\s\S]*got 200/,
    },
  });
}

export function defineActionMatrix() {
  defineMatrix<ActionCall>({
    ...ACTION_ENTRIES,
    selfCheck: {
      key: "lib/actions/findings.ts#updateFindingPlanAction",
      role: "REGION_AUDITOR",
      caught: /changed ЧУЖОЙ's rows: .*finding/,
    },
  });
}
