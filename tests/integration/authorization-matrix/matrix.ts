import type { ErrorCode } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { Role } from "@/lib/roles";
import { loadScope } from "@/lib/server/auth/load-scope";
import { db } from "@/lib/server/db/client";
import { ensureMunicipality, ensureRegion, ensureUser } from "@/lib/server/seed/factories";
import {
  leaksIn,
  listInconsistencies,
  listInconsistency,
  markedTexts,
  nextDigest,
  pageText,
  redirectTarget,
  type Secrets,
} from "./inspect";
import { changedTables, rowIdsIn, snapshotTenant } from "./snapshot";
import { buildWorld, type World } from "./world";
import { urlOf } from "./discover";
import { sampleFiles, type SampleFiles } from "./samples";

/**
 * The matrix's callers, its worlds, and the one rule every call is judged by.
 *
 * Worlds: region 23 («КУБАНЬ») holds the callers of four roles and one of
 * everything; region 99 («ЧУЖОЙ») is the foreign tenant, with one of everything
 * too, whose ids the calls carry; region 42 («КУЗБАСС») has only its admin.
 */

export const CALLERS = [
  "23 REGION_ADMIN",
  "23 REGION_AUDITOR",
  "23 MUNICIPAL_COORDINATOR",
  "23 SCHOOL_COORDINATOR",
  "42 REGION_ADMIN",
  "no session",
] as const;
export type CallerId = (typeof CALLERS)[number];

export interface Caller {
  id: CallerId;
  scope: Scope | null;
  /** The caller's own region; every other region is foreign to them. */
  regionId: string | null;
}

export interface Ctx {
  /** Region 23: the callers' own world; its ids make the "own object, foreign reference" calls. */
  own: World;
  /** Region 99: the foreign tenant. */
  foreign: World;
  /** A user of both regions (a coordinator in each): region 23's admin sees them, but none of their region 99. */
  shared: { id: string; foreignMembershipId: string };
  files: SampleFiles;
}

interface Tenant {
  regionId: string;
  marker: string;
}

export interface Matrix {
  ctx: Ctx;
  callers: Caller[];
  tenants: Tenant[];
  /** The scope of a foreign-world user, for the control calls. */
  foreignScope(role: Role): Scope;
  /** The last snapshot of each tenant, valid until a call by one of its own users (see judge). */
  snapshots: Map<string, TenantState>;
  /** Ids in more than one tenant's snapshot (the shared user and their memberships): not secrets of either. */
  sharedIds: Set<string>;
}

export async function buildMatrix(): Promise<Matrix> {
  const [own, foreign] = await Promise.all([buildWorld({ code: "23", marker: "КУБАНЬ" }), buildWorld({ code: "99", marker: "ЧУЖОЙ" })]);
  const admin42 = await buildRegion42Admin();
  const shared = await ensureUser(db(), {
    email: "shared@matrix.test",
    name: "Общий Пользователь Двух Регионов",
    password: "matrix-password-2026",
    memberships: [
      { role: "SCHOOL_COORDINATOR", regionId: own.region.id, municipalityId: own.municipality.id, organizationId: own.school.id },
      { role: "MUNICIPAL_COORDINATOR", regionId: foreign.region.id, municipalityId: foreign.municipality.id },
    ],
  });
  const sharedForeign = await db().membership.findFirstOrThrow({ where: { userId: shared.id, regionId: foreign.region.id } });
  const [ownIds, foreignIds] = await Promise.all([own.region.id, foreign.region.id].map(async (id) => rowIdsIn(await snapshotTenant(id))));
  const ownCaller = (role: Role): Caller => ({ id: `23 ${role}` as CallerId, scope: own.users[role].scope, regionId: own.region.id });
  const callers: Caller[] = [
    ownCaller("REGION_ADMIN"),
    ownCaller("REGION_AUDITOR"),
    ownCaller("MUNICIPAL_COORDINATOR"),
    ownCaller("SCHOOL_COORDINATOR"),
    { id: "42 REGION_ADMIN", scope: admin42.scope, regionId: admin42.regionId },
    { id: "no session", scope: null, regionId: null },
  ];
  return {
    ctx: { own, foreign, shared: { id: shared.id, foreignMembershipId: sharedForeign.id }, files: await sampleFiles({ own, foreign }) },
    callers,
    tenants: [
      { regionId: own.region.id, marker: own.marker },
      { regionId: foreign.region.id, marker: foreign.marker },
      { regionId: admin42.regionId, marker: "КУЗБАСС" },
    ],
    foreignScope: (role) => foreign.users[role].scope,
    snapshots: new Map(),
    sharedIds: new Set([...ownIds!].filter((id) => foreignIds!.has(id))),
  };
}

/** Region 42 («КУЗБАСС») with one municipality and its admin: a caller of another region, with nothing of region 23. */
export async function buildRegion42Admin(): Promise<{ regionId: string; scope: Scope }> {
  const region42 = await ensureRegion(db(), { code: "42", name: "КУЗБАСС-регион" });
  await ensureMunicipality(db(), { regionId: region42.id, name: "КУЗБАСС-муниципалитет" });
  const admin42 = await ensureUser(db(), {
    email: "region_admin@w42.test",
    name: "КУЗБАСС-REGION_ADMIN",
    password: "matrix-password-2026",
    memberships: [{ role: "REGION_ADMIN", regionId: region42.id }],
  });
  return { regionId: region42.id, scope: (await loadScope(admin42.id))! };
}

// ---------------------------------------------------------------- the coverage table's shapes

/** How a call may be answered besides the default refusals, and why. */
export interface Also {
  codes?: ErrorCode[];
  statuses?: number[];
  /**
   * For a VALIDATION (422) refusal: the fields it must name when region 23's callers make it, so that
   * it is the foreign reference that is refused and not some other mistake of the input.
   */
  fields?: string[];
  why: string;
}

interface CallCommon {
  /** Told apart in failures when an entry makes several calls. */
  label?: string;
  /**
   * "refused" (the default): every caller is refused — 401/redirect to /login without a session, 403/404
   * otherwise. "own": the entry serves the caller's own scope (a list, a form): it may answer, but with
   * none of the foreign tenant's data, and it may change none of it. "redirect": a page that only redirects.
   */
  expect?: "refused" | "own" | "redirect";
  also?: Also;
  /**
   * The foreign world's role that makes the same call successfully, after the matrix: proof that the
   * call's ids and inputs are right, so that the refusals above are about the tenant, not a bad input.
   */
  control?: Role;
  /** Whether the control's answer must show the foreign marker (it then proves the call reaches the data). Pages: yes unless told. */
  controlShows?: boolean;
}

export interface PageCall extends CallCommon {
  params?: Record<string, string | string[]>;
  searchParams?: Record<string, string>;
}

export interface RouteCall extends CallCommon {
  params?: Record<string, string | string[]>;
  query?: Record<string, string>;
  /** A JSON body; a function is evaluated right before the call (e.g. with a blank's current version). */
  json?: unknown;
  /** multipart/form-data fields; a Blob is sent as a file. */
  form?: Record<string, string | { name: string; bytes: Uint8Array; type: string }>;
}

export interface ActionCall extends CallCommon {
  /** The action's arguments; a function is evaluated right before the call (e.g. a blank's current version). */
  args: unknown[] | (() => Promise<unknown[]>);
}

export type Entry<C> = { calls: (ctx: Ctx) => C[] } | { skip: string };

// ---------------------------------------------------------------- running one call as one caller

export type Outcome =
  | { kind: "response"; status: number; location: string | null; text: string; lists: string[]; bytes: Uint8Array; headers: Headers }
  | { kind: "rendered"; text: string; lists: string[] }
  | { kind: "digest"; digest: string }
  | { kind: "result"; value: unknown; lists: string[] }
  | { kind: "threw"; error: unknown };

/**
 * Runs `invoke` as `caller` and returns what is wrong with the answer: a refusal
 * of the wrong kind, a foreign secret in it, a foreign row changed.
 */
export async function judge(options: {
  matrix: Matrix;
  caller: Caller;
  call: CallCommon;
  /** Makes the call; `given` is the request as text (URL, body, arguments): what it carries may come back. */
  invoke: () => Promise<{ outcome: Outcome; given: string }>;
  /** Whether the entry is open without a session (the sign-in page). */
  publicEntry?: boolean;
}): Promise<string[]> {
  const { matrix, caller, call } = options;
  const foreign = matrix.tenants.filter((t) => t.regionId !== caller.regionId);
  // A caller may change their own region (an own list's action may succeed): its cached snapshot is then stale.
  if (caller.regionId) matrix.snapshots.delete(caller.regionId);
  const before = await Promise.all(foreign.map((t) => tenantState(matrix, t)));
  const ids = new Set(before.flatMap((s) => [...s.ids]).filter((id) => !matrix.sharedIds.has(id)));
  const secrets: Secrets = { markers: foreign.map((t) => t.marker), texts: before.flatMap((s) => s.texts), ids };

  const { outcome, given } = await options.invoke();
  const problems: string[] = [];

  const after = await Promise.all(foreign.map((t) => tenantState(matrix, t, true)));
  foreign.forEach((t, i) => {
    const changed = changedTables(before[i]!.snapshot, after[i]!.snapshot);
    if (changed.length) problems.push(`changed ${t.marker}'s rows: ${changed.join(", ")}`);
  });

  if ("lists" in outcome) for (const problem of new Set(outcome.lists)) problems.push(problem);
  const text = textOf(outcome);
  if (text) for (const leak of leaksIn(text, secrets, given)) problems.push(`leaked ${leak}`);

  const verdict = refusalProblem(outcome, caller, call, options.publicEntry ?? false);
  if (verdict) problems.push(verdict);
  const fields = call.also?.fields;
  if (!verdict && fields && caller.regionId === matrix.ctx.own.region.id) {
    const named = validationFields(outcome);
    if (named && !named.some((f) => fields.some((wanted) => f === wanted || f.startsWith(`${wanted}.`)))) {
      problems.push(
        `refused as invalid, but for ${named.join(", ") || "no field"} rather than ${fields.join("/")}: ${describeOutcome(outcome)}`,
      );
    }
  }
  return problems;
}

interface TenantState {
  snapshot: Record<string, string>;
  ids: Set<string>;
  texts: string[];
}

/** A tenant's rows and its secrets, from the cache unless `fresh`; a fresh one is cached for the next call. */
async function tenantState(matrix: Matrix, tenant: Tenant, fresh = false): Promise<TenantState> {
  const cached = matrix.snapshots.get(tenant.regionId);
  if (cached && !fresh) return cached;
  const snapshot = await snapshotTenant(tenant.regionId);
  const state = { snapshot, ids: rowIdsIn(snapshot), texts: markedTexts(Object.values(snapshot).join("\n"), tenant.marker) };
  matrix.snapshots.set(tenant.regionId, state);
  return state;
}

function textOf(outcome: Outcome): string {
  switch (outcome.kind) {
    case "response":
      return `${outcome.location ?? ""}\n${outcome.text}`;
    case "rendered":
      return outcome.text;
    case "result":
      return JSON.stringify(outcome.value) ?? "";
    case "threw":
      return String((outcome.error as Error)?.message ?? outcome.error);
    case "digest":
      return outcome.digest;
  }
}

const REFUSED_STATUSES = [403, 404];
const REFUSED_CODES: ErrorCode[] = ["FORBIDDEN", "NOT_FOUND"];

/** Whether the outcome is the refusal this caller must get; null when it is. */
export function refusalProblem(outcome: Outcome, caller: Pick<Caller, "scope">, call: CallCommon, publicEntry: boolean): string | null {
  const expect = call.expect ?? "refused";
  const describe = () => describeOutcome(outcome);
  if (outcome.kind === "threw") return `threw ${describe()}`;

  if (!caller.scope) {
    // Without a session: 401 from the API, /login from a page, UNAUTHENTICATED from an action.
    if (outcome.kind === "response") return outcome.status === 401 ? null : `no session: expected 401, got ${describe()}`;
    if (outcome.kind === "result")
      return codeOf(outcome.value) === "UNAUTHENTICATED" ? null : `no session: expected UNAUTHENTICATED, got ${describe()}`;
    if (outcome.kind === "digest" && redirectTarget(outcome.digest) === "/login") return null;
    if (outcome.kind === "rendered" && publicEntry) return null;
    return `no session: expected a redirect to /login, got ${describe()}`;
  }

  const statuses = [...REFUSED_STATUSES, ...(call.also?.statuses ?? [])];
  const codes = [...REFUSED_CODES, ...(call.also?.codes ?? [])];
  switch (outcome.kind) {
    case "response":
      if (outcome.status === 401) return `has a session: expected 403/404, got 401`;
      if (statuses.includes(outcome.status)) return null;
      if (expect === "own" && outcome.status < 300) return null;
      return `expected ${expect === "own" ? "2xx or " : ""}${statuses.join("/")}, got ${describe()}`;
    case "result": {
      const code = codeOf(outcome.value);
      if (code === "UNAUTHENTICATED") return `has a session: got UNAUTHENTICATED`;
      if (code && codes.includes(code)) return null;
      if (expect === "own" && (outcome.value as { ok?: boolean }).ok === true) return null;
      return `expected ${expect === "own" ? "ok or " : ""}${codes.join("/")}, got ${describe()}`;
    }
    case "digest": {
      const status = outcome.digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;") ? Number(outcome.digest.split(";")[1]) : null;
      const target = redirectTarget(outcome.digest);
      if (target === "/login") return `has a session: redirected to /login`;
      if (status !== null && statuses.includes(status)) return null;
      if (target !== null && (expect === "redirect" || expect === "own")) return null;
      return `expected ${statuses.join("/")}, got ${describe()}`;
    }
    case "rendered":
      return expect === "own" ? null : `expected ${expect === "redirect" ? "a redirect" : statuses.join("/")}, but the page rendered`;
  }
}

/** The fields a VALIDATION refusal names (an action's fieldErrors, a 422's fieldErrors or row errors' columns); null for any other answer. */
type RefusalBody = {
  ok?: boolean;
  error?: { code?: string; fieldErrors?: Record<string, unknown> };
  errors?: Array<{ column?: string | null }>;
};

function validationFields(outcome: Outcome): string[] | null {
  let body: RefusalBody | null = null;
  if (outcome.kind === "result") body = outcome.value as RefusalBody;
  else if (outcome.kind === "response" && outcome.status === 422) body = safeJson(outcome.text) as RefusalBody | null;
  if (!body) return null;
  if (outcome.kind === "result" && body.error?.code !== "VALIDATION") return null;
  return [...Object.keys(body.error?.fieldErrors ?? {}), ...(body.errors ?? []).map((e) => e.column ?? "")];
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

const codeOf = (value: unknown): ErrorCode | null => {
  const v = value as { ok?: boolean; error?: { code?: ErrorCode } } | null;
  return v && v.ok === false ? (v.error?.code ?? null) : null;
};

export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case "response":
      return `${outcome.status} ${outcome.text.slice(0, 200)}`;
    case "rendered":
      return `a rendered page (${outcome.text.length} chars)`;
    case "digest":
      return outcome.digest;
    case "result":
      return JSON.stringify(outcome.value).slice(0, 300);
    case "threw": {
      const error = outcome.error as Error;
      return `${error?.name ?? "?"}: ${error?.message ?? String(error)}`.slice(0, 400);
    }
  }
}

// ---------------------------------------------------------------- invoking pages, route handlers and actions

type PageComponent = (props: { params: Promise<unknown>; searchParams: Promise<unknown>; children?: unknown }) => unknown;

/** Calls a page as Next would and reads its element tree; `onData` sees every plain object in it (props, rows, pages of lists). */
export async function invokePage(page: PageComponent, call: PageCall, onData: (value: object) => void = () => {}): Promise<Outcome> {
  try {
    const element = await page({
      params: Promise.resolve(call.params ?? {}),
      searchParams: Promise.resolve(call.searchParams ?? {}),
      children: null,
    });
    const lists: string[] = [];
    const text = await pageText(element, (value) => {
      onData(value);
      const problem = listInconsistency(value);
      if (problem) lists.push(problem);
    });
    return { kind: "rendered", text, lists };
  } catch (error) {
    const digest = nextDigest(error);
    return digest ? { kind: "digest", digest } : { kind: "threw", error };
  }
}

type RouteHandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

export async function routeRequest(method: string, file: string, call: RouteCall): Promise<{ request: Request; given: string }> {
  const url = new URL(`http://localhost${urlOf(file, call.params)}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  let body: BodyInit | undefined;
  let given = url.toString();
  const json: unknown = typeof call.json === "function" ? await (call.json as () => Promise<unknown>)() : call.json;
  if (json !== undefined) {
    body = JSON.stringify(json);
    given += `\n${body}`;
  } else if (call.form) {
    const form = new FormData();
    for (const [key, value] of Object.entries(call.form)) {
      if (typeof value === "string") {
        form.set(key, value);
        given += `\n${key}=${value}`;
      } else {
        form.set(key, new File([value.bytes as Uint8Array<ArrayBuffer>], value.name, { type: value.type }));
        given += `\n${value.name}\n${Buffer.from(value.bytes).toString("utf8")}`;
      }
    }
    body = form;
  }
  const headers = json !== undefined ? { "content-type": "application/json" } : undefined;
  return { request: new Request(url, { method, body, headers }), given };
}

export async function invokeRoute(
  handler: RouteHandler,
  method: string,
  file: string,
  call: RouteCall,
): Promise<{ outcome: Outcome; given: string }> {
  const { request, given } = await routeRequest(method, file, call);
  try {
    const response = await handler(request, { params: Promise.resolve(call.params ?? {}) });
    // The bytes are kept for readers of binary answers (XLSX, PDF); the text is what a browser would decode.
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const lists = response.headers.get("content-type")?.includes("json") ? listInconsistencies(safeJson(text)) : [];
    const { status, headers } = response;
    return { outcome: { kind: "response", status, location: headers.get("location"), text, lists, bytes, headers }, given };
  } catch (error) {
    const digest = nextDigest(error);
    return { outcome: digest ? { kind: "digest", digest } : { kind: "threw", error }, given };
  }
}

export async function invokeAction(action: (...args: unknown[]) => Promise<unknown>, args: unknown[]): Promise<Outcome> {
  try {
    const value = await action(...args);
    return { kind: "result", value, lists: listInconsistencies(value) };
  } catch (error) {
    const digest = nextDigest(error);
    return digest ? { kind: "digest", digest } : { kind: "threw", error };
  }
}

export const argsOf = async (call: ActionCall) => (typeof call.args === "function" ? call.args() : call.args);

/** The discovered keys the table lacks, and the table's keys nothing was discovered for. */
export function coverageGaps(discovered: string[], table: Record<string, unknown>) {
  const keys = Object.keys(table);
  return { missing: discovered.filter((k) => !keys.includes(k)), stale: keys.filter((k) => !discovered.includes(k)) };
}
