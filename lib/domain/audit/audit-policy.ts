/**
 * What the audit trail records, per model: whether a write is recorded, the row's
 * key, how its region is found, and which values never reach the trail. Every model
 * of the schema is named here once (tests/unit/audit-policy.test.ts checks it), so a
 * new model cannot be left out silently: it is a type error until it is classified.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { fieldClass, isChildRow, journalShows } from "@/lib/domain/privacy/data-classes";

export type ModelName = Prisma.ModelName;

/** The writes a model's hook sees; nested writes are recorded inside their parent's event. */
export const AUDITED_OPERATIONS = [
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
] as const;
export type AuditedOperation = (typeof AUDITED_OPERATIONS)[number];

export const isAuditedOperation = (operation: string): operation is AuditedOperation =>
  (AUDITED_OPERATIONS as readonly string[]).includes(operation);

/**
 * - `all`: every create, update and delete.
 * - `changes`: an append-only log of its own (a blank's answer history, a finding's
 *   remediation history, a card's read log). Appending to it is the very change the
 *   trail already holds (the Answer, the Finding, the READ event), so a creation is
 *   not recorded twice; an update or a delete of a log entry is, since it should not happen.
 * - `none`: bookkeeping that is not data of the audit's subject (see EXCLUDED_BECAUSE).
 */
export type AuditMode = "all" | "changes" | "none";

/**
 * How the event's region is found: the row's own `regionId`; the row itself (a
 * region); through a parent row (SQL giving the parent's region from `r."parentId"`,
 * the value of `fk`); or no region (users: see lib/server/audit/list-audit-events.ts).
 */
export type RegionSource = { kind: "column" } | { kind: "self" } | { kind: "parent"; fk: string; sql: string } | { kind: "none" };

interface ModelPolicy {
  mode: AuditMode;
  region: RegionSource;
  /** The primary key's fields, when not `id`. */
  key?: readonly string[];
}

const column: RegionSource = { kind: "column" };
/** The region of the parent row `table` whose id is in the child's `fk`. */
const parent = (fk: string, table: string): RegionSource => ({
  kind: "parent",
  fk,
  sql: `(SELECT p."regionId" FROM "${table}" p WHERE p."id" = r."parentId")`,
});
const viaPlan = (fk: string, table: string): RegionSource => ({
  kind: "parent",
  fk,
  sql: `(SELECT p."regionId" FROM "${table}" c JOIN "Plan" p ON p."id" = c."planId" WHERE c."id" = r."parentId")`,
});

/** Why the `none` models are left out of the trail. */
export const EXCLUDED_BECAUSE: Partial<Record<ModelName, string>> = {
  AuditEvent: "the trail itself (append-only; writing it is what the extension does)",
  Notification: "derived from recorded changes (deadlines, returns, acceptances) and per-user inbox state (read marks); re-sent hourly",
  ReportJob: "the background queue's bookkeeping (progress ticks many times a job); the report file it keeps is recorded (StoredFile)",
  AuthSession: "a row per sign-in, revoked at sign-out: the sign-in's own security bookkeeping, written before anyone is signed in",
  RateLimiterFlexible:
    "the sign-in throttle's and download limit's counters (rate-limiter-flexible), bumped by every attempt; hashed keys, no subject data",
};

export const AUDIT_POLICY: Record<ModelName, ModelPolicy> = {
  Region: { mode: "all", region: { kind: "self" } },
  Municipality: { mode: "all", region: column },
  Organization: { mode: "all", region: column },
  OrganizationAddress: { mode: "all", region: parent("organizationId", "Organization") },
  User: { mode: "all", region: { kind: "none" } },
  Membership: { mode: "all", region: column },
  Template: { mode: "all", region: column },
  TemplateVersion: { mode: "all", region: parent("templateId", "Template") },
  Campaign: { mode: "all", region: column },
  CampaignTemplate: { mode: "all", region: parent("campaignId", "Campaign"), key: ["campaignId", "templateVersionId"] },
  Blank: { mode: "all", region: column },
  Answer: { mode: "all", region: parent("blankId", "Blank") },
  AnswerChange: { mode: "changes", region: parent("blankId", "Blank") },
  StoredFile: { mode: "all", region: column },
  Notification: { mode: "none", region: column },
  Finding: { mode: "all", region: column },
  FindingEvent: { mode: "changes", region: parent("findingId", "Finding") },
  RecommendationDefault: { mode: "all", region: column, key: ["regionId", "status"] },
  RegistryDocument: { mode: "all", region: column },
  CoordinatorAssignment: { mode: "all", region: column },
  DotStudent: { mode: "all", region: column },
  DotTeacher: { mode: "all", region: column },
  DotTeacherCourse: { mode: "all", region: parent("teacherId", "DotTeacher") },
  DotStudentTeacher: { mode: "all", region: parent("studentId", "DotStudent"), key: ["studentId", "teacherId"] },
  StudentCardRead: { mode: "changes", region: column },
  Plan: { mode: "all", region: column },
  PlanStage: { mode: "all", region: parent("planId", "Plan") },
  PlanSection: { mode: "all", region: parent("planId", "Plan") },
  PlanEvent: { mode: "all", region: parent("planId", "Plan") },
  PlanEventDocument: { mode: "all", region: viaPlan("eventId", "PlanEvent") },
  TargetIndicator: { mode: "all", region: parent("planId", "Plan") },
  IndicatorValue: { mode: "all", region: viaPlan("indicatorId", "TargetIndicator") },
  ReportSettings: { mode: "all", region: column, key: ["regionId"] },
  ReportJob: { mode: "none", region: column },
  RateLimiterFlexible: { mode: "none", region: { kind: "none" }, key: ["key"] },
  AuthSession: { mode: "none", region: { kind: "none" } },
  AuditEvent: { mode: "none", region: column },
};

const policyOf = (model: string): ModelPolicy | undefined => AUDIT_POLICY[model as ModelName];

/** Whether this write of this model goes to the trail. Unknown models are recorded (fail closed). */
export function isAuditedWrite(model: string, operation: AuditedOperation): boolean {
  const mode = policyOf(model)?.mode ?? "all";
  if (mode === "none") return false;
  if (mode === "changes") return !operation.startsWith("create");
  return true;
}

export function keyFields(model: string): readonly string[] {
  return policyOf(model)?.key ?? ["id"];
}

export function regionSource(model: string): RegionSource {
  return policyOf(model)?.region ?? { kind: "none" };
}

/** The scalar fields of a model (its columns), from the generated client. */
export function scalarFields(model: string): ReadonlySet<string> {
  let fields = scalarCache.get(model);
  if (!fields) {
    const fieldEnum = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${model}ScalarFieldEnum`];
    fields = new Set(Object.values(fieldEnum ?? {}));
    scalarCache.set(model, fields);
  }
  return fields;
}
const scalarCache = new Map<string, ReadonlySet<string>>();

// ---------------------------------------------------------------------------
// Redaction: what never reaches the trail, decided by the data classes (lib/domain/privacy/data-classes.ts).

/** A secret, or staff data of the ДОТ records: shown as hidden, with whether it changed. */
export const HIDDEN = "[скрыто]";
export const HIDDEN_CHANGED = "[скрыто, изменено]";
/** A child's personal data: hidden from everyone who reads the trail. */
export const CHILD_HIDDEN = "[данные ребёнка скрыты]";
export const CHILD_HIDDEN_CHANGED = "[данные ребёнка скрыты, изменено]";

const isBinary = (value: unknown): value is Uint8Array => value instanceof Uint8Array;

/** Field names that hold secrets wherever they appear (nested writes included). */
const SECRET_NAME = /password|secret|token|credential|apikey|api_key|privatekey/i;

/** A value as JSON for the trail: secrets hidden wherever they nest, bytes (file contents) never stored, only their size. */
function clean(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (isBinary(value)) return `[двоичные данные, ${value.byteLength} байт]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(clean);
  if (typeof value === "object") {
    // Decimal and the like serialise themselves.
    const toJSON = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof toJSON === "function") return toJSON.call(value);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = SECRET_NAME.test(key) ? HIDDEN : clean(v);
    return out;
  }
  return value;
}

/** What stands in the trail for a field it may not show. */
function marker(model: string, field: string, child: boolean, changed: boolean): string {
  const isChild = fieldClass(model, field, child) === "CHILD_PERSONAL";
  if (isChild) return changed ? CHILD_HIDDEN_CHANGED : CHILD_HIDDEN;
  return changed ? HIDDEN_CHANGED : HIDDEN;
}

/**
 * A row (or a nested write) as the trail stores it: each top-level field by its class
 * (lib/domain/privacy/data-classes.ts), whatever its name. A row that holds a child's data —
 * on either side of an update: a file becoming a child's — keeps only its keys and ids.
 * With `other` (the row on the other side of an update), a hidden field that changed
 * reads «…, изменено», so the trail shows that a value was changed without showing either.
 */
export function redact(
  model: string,
  row: Record<string, unknown> | null,
  other?: Record<string, unknown> | null,
  /** Whether the row holds a child's data; the caller says so for the before-image of an update that makes it one. */
  child = isChildRow(model, row) || isChildRow(model, other),
): Record<string, unknown> | null {
  if (!row) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined) continue;
    if (journalShows(model, key, child)) {
      out[key] = clean(value);
      continue;
    }
    const changed = !!other && key in other && !sameValue(value, other[key]);
    out[key] = marker(model, key, child, changed);
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(clean(a)) === JSON.stringify(clean(b));
}
