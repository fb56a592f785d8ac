import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Scope } from "@/lib/scope";
import { getScope } from "@/lib/server/auth/get-scope";
import { describeOutcome, type ActionCall, type Entry, type Outcome, type PageCall, type RouteCall } from "../authorization-matrix/matrix";
import { ACTION_ENTRIES, expectSegmentsFilled, PAGE_ENTRIES, ROUTE_ENTRIES, type EntryKind } from "../authorization-matrix/suites";
import { PRIVACY_ACTIONS, PRIVACY_PAGES, PRIVACY_ROUTES, type PrivacyRow } from "./coverage";
import { defineErasureCheck } from "./erasure";
import { judge, type Audience, type Invocation, type PrivacyCallOptions } from "./judge";
import { buildPrivacyWorld, type PrivacyCallerId, type PrivacyCtx, type PrivacyWorld } from "./world";

/**
 * The privacy matrix as vitest suites: one test per table row, making each of its
 * calls as every caller and judging each answer by the class table (judge.ts).
 * Each test file runs one kind on a database of its own and must mock
 * "@/lib/server/auth/get-scope" itself (vi.mock is per file).
 */

const TIMEOUT = 300_000;

const as = (scope: Scope | null) => vi.mocked(getScope).mockResolvedValue(scope);

type Judgeable<C> = C & PrivacyCallOptions<C> & { audience: Audience; control?: string };

/** A row's calls: the authorization matrix's re-targeted at region 23 (see PrivacyCtx), then the canary's own; each with its class. */
function callsOf<C>(authz: Entry<C> | undefined, row: Exclude<PrivacyRow<C>, { skip: string }>, ctx: PrivacyCtx): Array<Judgeable<C>> {
  const reused = row.authz === true && authz && "calls" in authz ? authz.calls(ctx) : [];
  return [...reused, ...(row.calls?.(ctx) ?? [])].map((call) => ({
    audience: row.audience ?? "child readers",
    idsShown: row.idsShown,
    ...row.classOf?.(call),
    ...call,
  }));
}

/** Makes one call as whoever getScope answers now; MATRIX_TRACE=1 prints every answer. */
async function invoke<C>(kind: EntryKind<C>, key: string, call: C, name: string): Promise<Invocation> {
  const pageObjects: object[] = [];
  const { outcome, given } = await kind.invoke(key, call, (value) => pageObjects.push(value));
  if (process.env.MATRIX_TRACE) console.log(`${name}: ${describeOutcome(outcome)}`);
  return { outcome, given, pageObjects };
}

const callName = (key: string, call: { label?: string }, i: number) =>
  `${key}${call.label ? ` [${call.label}]` : i ? ` [call ${i + 1}]` : ""}`;

/** Whether an answer is a success (the page rendered, a 2xx, an ok result). */
const succeeded = (outcome: Outcome) =>
  outcome.kind === "rendered" ||
  (outcome.kind === "response" && outcome.status < 300) ||
  (outcome.kind === "result" && (outcome.value as { ok?: boolean }).ok === true);

interface SelfCheck {
  key: string;
  label: string;
  /** Who really makes the call … */
  by: PrivacyCallerId;
  /** … and whom the judge takes them for: a caller who must not get what `by` gets. */
  judgedAs: PrivacyCallerId;
  caught: RegExp;
}

function definePrivacyMatrix<C extends PageCall | RouteCall | ActionCall>(
  kind: EntryKind<C>,
  rows: Record<string, PrivacyRow<C>>,
  selfChecks: SelfCheck[],
  /** More tests on the same world, after the matrix. */
  more?: (world: () => PrivacyWorld) => void,
) {
  let world: PrivacyWorld;
  /** Re-targeted calls that no caller could make: the re-targeting itself is broken for them. */
  const unreached: string[] = [];
  beforeAll(async () => {
    world = await buildPrivacyWorld();
  }, TIMEOUT);
  const callerOf = (id: PrivacyCallerId) => world.callers.find((c) => c.id === id)!;
  const rowCalls = (key: string) => callsOf(kind.table[key], rows[key] as Exclude<PrivacyRow<C>, { skip: string }>, world.ctx);

  it(
    `${kind.name}: the judge catches a caller who gets the child (self-check)`,
    async () => {
      for (const check of selfChecks) {
        const call = rowCalls(check.key).find((c) => c.label === check.label)!;
        as(callerOf(check.by).scope);
        const problems = await judge({
          world,
          caller: callerOf(check.judgedAs),
          call,
          invoke: (c) => invoke(kind, check.key, c, check.key),
        });
        expect(problems.join("\n"), `${check.key} [${check.label}] by ${check.by} judged as ${check.judgedAs}`).toMatch(check.caught);
      }
    },
    TIMEOUT,
  );

  describe(`${kind.name}: the canary child is shown only where the class table allows it`, () => {
    for (const [key, row] of Object.entries(rows)) {
      if ("skip" in row) continue;
      it(
        key,
        async () => {
          const calls = rowCalls(key);
          expect(calls.length, "a row makes at least one call").toBeGreaterThan(0);
          expectSegmentsFilled(kind, key, calls);
          const problems: string[] = [];
          for (const [i, call] of calls.entries()) {
            const name = callName(key, call, i);
            const answers: string[] = [];
            for (const caller of world.callers) {
              as(caller.scope);
              const found = await judge({
                world,
                caller,
                call,
                publicEntry: kind.isPublic?.(key),
                invoke: async (c) => {
                  const made = await invoke(kind, key, c, `${name} as ${caller.id}`);
                  if (c === call) answers.push(succeeded(made.outcome) ? "" : `${caller.id}: ${describeOutcome(made.outcome)}`);
                  return made;
                },
              });
              for (const problem of found) problems.push(`${name} as ${caller.id}: ${problem}`);
            }
            // A call the authorization matrix makes succeed for its control role must succeed for someone here (the first
            // of region 23's callers who may; the others may then find it done): else its re-targeted ids prove nothing.
            if (call.control && !answers.includes("")) unreached.push(`${name}: ${answers.join("; ")}`);
          }
          expect(problems).toEqual([]);
        },
        TIMEOUT,
      );
    }
  });

  it(`${kind.name}: the authorization matrix's calls, re-targeted at region 23, succeed for one of its callers`, () => {
    // Run after the matrix: a re-targeted call its own role cannot make proves nothing about who else may make it.
    expect(unreached).toEqual([]);
  });
  more?.(() => world);
}

export function definePagePrivacyMatrix() {
  definePrivacyMatrix(PAGE_ENTRIES, PRIVACY_PAGES, [
    {
      key: "app/(app)/students/[id]/page.tsx",
      label: "the child's card",
      by: "23 SCHOOL_COORDINATOR",
      judgedAs: "23 MUNICIPAL_COORDINATOR",
      caught: /leaked the full name[\s\S]*the page rendered/,
    },
    {
      key: "app/(app)/documents/page.tsx",
      label: "searched by the child's surname",
      by: "23 SCHOOL_COORDINATOR",
      judgedAs: "23 OTHER_SCHOOL_COORDINATOR",
      caught: /differently from one for a name nobody has/,
    },
  ]);
}

export function defineRoutePrivacyMatrix() {
  definePrivacyMatrix(ROUTE_ENTRIES, PRIVACY_ROUTES, [
    {
      key: "GET app/api/files/[id]/route.ts",
      label: "the child's ИУП",
      by: "23 SCHOOL_COORDINATOR",
      judgedAs: "23 REGION_ADMIN",
      caught: /leaked the ИУП file's name[\s\S]*leaked the ИУП file's bytes[\s\S]*got 200/,
    },
    {
      key: "GET app/api/exports/[list]/route.ts",
      label: "school-students, the current school year (xlsx)",
      by: "23 SCHOOL_COORDINATOR",
      judgedAs: "23 MUNICIPAL_COORDINATOR",
      caught: /leaked the full name[\s\S]*leaked the birth date «2015-03-17»/,
    },
  ]);
}

export function defineActionPrivacyMatrix() {
  definePrivacyMatrix(
    ACTION_ENTRIES,
    PRIVACY_ACTIONS,
    [
      {
        key: "lib/actions/students.ts#updateStudentAction",
        label: "the child, unchanged",
        by: "23 SCHOOL_COORDINATOR",
        judgedAs: "23 OTHER_SCHOOL_COORDINATOR",
        caught: /expected FORBIDDEN\/NOT_FOUND, got \{"ok":true[\s\S]*changed the canary's rows/,
      },
    ],
    defineErasureCheck,
  );
}
