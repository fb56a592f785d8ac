/**
 * A stored value as the app's screens write it, for the journal and its export: dates as
 * dd.mm.yyyy, moments in Moscow time, statuses by their Russian names, yes/no as «да»/«нет».
 * Structured values (a template's content, an answer) are named, not printed: their JSON
 * stays in the technical details. Pure.
 */
import { formatDate } from "@/lib/dates";
import { formatAuditTime } from "@/lib/domain/exports/lists/audit";
import { DOCUMENT_STATUS_LABELS, FILE_OWNER_KIND_LABELS, ORGANIZATION_KIND_LABELS, TEMPLATE_VERSION_STATUS_LABELS } from "./value-labels";
import { EVENT_STATUS_LABELS, PLAN_KIND_LABELS, TIMING_KIND_LABELS } from "@/lib/domain/plans/plan-labels";
import { ITEM_STATUS_LABELS, SEVERITY_LABELS } from "@/lib/domain/scoring/statuses";
import { ROLE_LABELS } from "@/lib/roles";
import { AUDIT_MARK_LABELS, BLANK_STATUS_LABELS } from "@/lib/schemas/blank";
import { FINDING_ACTION_LABELS, REMEDIATION_STATUS_LABELS } from "@/lib/schemas/finding";
import { FURTHER_EDUCATION_LABELS, STUDENT_STATUS_LABELS } from "@/lib/schemas/student";
import { TEMPLATE_LEVEL_LABELS } from "@/lib/schemas/template";

type Names = Readonly<Record<string, string>>;

/** The fields whose values are codes, with the Russian name of each code. */
const CODES: Readonly<Record<string, Readonly<Record<string, Names>>>> = {
  Organization: { kind: ORGANIZATION_KIND_LABELS },
  Membership: { role: ROLE_LABELS },
  Template: { level: TEMPLATE_LEVEL_LABELS },
  TemplateVersion: { status: TEMPLATE_VERSION_STATUS_LABELS },
  Blank: { status: BLANK_STATUS_LABELS },
  Answer: { mark: AUDIT_MARK_LABELS, status: ITEM_STATUS_LABELS },
  StoredFile: { ownerKind: FILE_OWNER_KIND_LABELS },
  Finding: { status: ITEM_STATUS_LABELS, severity: SEVERITY_LABELS, remediationStatus: REMEDIATION_STATUS_LABELS },
  FindingEvent: { action: FINDING_ACTION_LABELS, fromStatus: REMEDIATION_STATUS_LABELS, toStatus: REMEDIATION_STATUS_LABELS },
  RecommendationDefault: { status: ITEM_STATUS_LABELS },
  RegistryDocument: { status: DOCUMENT_STATUS_LABELS },
  CoordinatorAssignment: { role: ROLE_LABELS },
  DotStudent: { status: STUDENT_STATUS_LABELS, furtherEducation: FURTHER_EDUCATION_LABELS },
  Plan: { kind: PLAN_KIND_LABELS },
  PlanEvent: { status: EVENT_STATUS_LABELS, timingKind: TIMING_KIND_LABELS },
};

/** The calendar dates (`@db.Date`): a day, with no time of day to convert. */
const DAYS: Readonly<Record<string, readonly string[]>> = {
  Campaign: ["date", "deadline"],
  Finding: ["deadline"],
  RegistryDocument: ["date"],
  CoordinatorAssignment: ["validFrom", "validTo"],
  DotStudent: ["birthDate", "disabilityConfirmedUntil"],
  DotTeacherCourse: ["dateFrom", "dateTo"],
  Plan: ["startsOn", "endsOn"],
  PlanStage: ["startsOn", "endsOn"],
  PlanEvent: ["startsOn", "endsOn", "dueDates", "heldDates", "heldOn"],
};

/** A structured value: its JSON is in the technical details. */
export const STRUCTURED_VALUE = "составное значение (см. технические подробности)";

const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function scalar(model: string, field: string, value: unknown): string {
  if (typeof value === "boolean") return value ? "да" : "нет";
  if (typeof value === "number") return new Intl.NumberFormat("ru-RU").format(value);
  const text = String(value);
  const named = CODES[model]?.[field]?.[text];
  if (named) return named;
  if (DAYS[model]?.includes(field) && MOMENT.test(text)) return formatDate(text);
  if (MOMENT.test(text)) return formatAuditTime(text);
  return text;
}

/** A value of `model.field` as the screens show it; null for no value. */
export function formatAuditValue(model: string, field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    if (value.some((v) => v !== null && typeof v === "object")) return STRUCTURED_VALUE;
    return value.length ? value.map((v) => scalar(model, field, v)).join("; ") : "—";
  }
  if (typeof value === "object") return STRUCTURED_VALUE;
  return scalar(model, field, value);
}
