import { earliestLocalToday } from "@/lib/dates";
import { listQuery } from "./list";
import { z } from "./z";

/**
 * Findings and their remediation: the statuses, the list's query and the inputs
 * of each transition. Used by the forms' resolvers and re-parsed on the server.
 */

export const REMEDIATION_STATUSES = ["OPEN", "FIXED", "REOPENED", "VERIFIED"] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];

export const REMEDIATION_STATUS_LABELS: Record<RemediationStatus, string> = {
  OPEN: "не устранено",
  FIXED: "устранено, ожидает проверки",
  REOPENED: "возвращено в работу",
  VERIFIED: "устранение подтверждено",
};

/** The statuses in which the participant still has to act: a passed deadline makes them overdue. */
export const UNRESOLVED_STATUSES = ["OPEN", "REOPENED"] as const satisfies readonly RemediationStatus[];

export const SEVERITIES = ["HIGH", "MEDIUM", "LOW"] as const;

/** What a finding's history records. */
export const FINDING_ACTIONS = ["PLAN", "FIXED", "REOPENED", "VERIFIED"] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];

export const FINDING_ACTION_LABELS: Record<FindingAction, string> = {
  PLAN: "Изменён план устранения",
  FIXED: "Отмечено как устранённое",
  REOPENED: "Возвращено в работу",
  VERIFIED: "Устранение подтверждено",
};

export const PAST_DEADLINE = "Срок устранения не может быть в прошлом.";

/** An unresolved finding whose deadline ("YYYY-MM-DD") has passed. */
export function isOverdue(finding: { deadline: string; remediationStatus: RemediationStatus }, today = earliestLocalToday()): boolean {
  return (UNRESOLVED_STATUSES as readonly string[]).includes(finding.remediationStatus) && finding.deadline < today;
}

/** "1", "true" or true (a checkbox of the filter form, or a caller) → true. */
const flag = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "1" || v === "true")
  .catch(false);

export const ZFindingListQuery = listQuery(["deadline", "participant", "item", "severity", "remediationStatus"] as const).extend({
  campaignId: z.uuid().optional().catch(undefined),
  municipalityId: z.uuid().optional().catch(undefined),
  /** The findings of one blank (the blank page links here). */
  blankId: z.uuid().optional().catch(undefined),
  remediationStatus: z.enum(REMEDIATION_STATUSES).optional().catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  /** Only unresolved findings whose deadline has passed. */
  overdue: flag,
  /** Only findings the participant still has to fix (not fixed, or returned to work). */
  unresolved: flag,
});
export type TFindingListQuery = z.infer<typeof ZFindingListQuery>;

const comment = z.string().trim().max(5000, "Не длиннее 5000 символов.");

/**
 * The remediation plan: the deadline (set by the region's staff only) and who is
 * responsible (the staff or the participant). A deadline left out stays as it is.
 */
export const ZFindingPlan = z.object({
  findingId: z.uuid(),
  deadline: z.iso.date({ error: "Укажите срок устранения." }).optional(),
  responsible: z.string().trim().max(300, "Не длиннее 300 символов.").default(""),
});
export type TFindingPlan = z.infer<typeof ZFindingPlan>;

/** The participant's evidence that a finding is fixed: a comment, a document, or both. */
export const ZFindingFix = z
  .object({
    findingId: z.uuid(),
    comment: comment.default(""),
    fileId: z.uuid().nullable().default(null),
  })
  .refine((f) => f.comment.length > 0 || f.fileId !== null, {
    path: ["comment"],
    error: "Опишите, что сделано, или приложите подтверждающий документ.",
  });
export type TFindingFix = z.infer<typeof ZFindingFix>;

/** The auditor confirms the fix; a comment is optional. */
export const ZFindingVerify = z.object({
  findingId: z.uuid(),
  comment: comment.default(""),
});
export type TFindingVerify = z.infer<typeof ZFindingVerify>;

/** The auditor returns the finding to work and must say why. */
export const ZFindingReopen = z.object({
  findingId: z.uuid(),
  comment: comment.min(1, "Укажите, что не устранено."),
});
export type TFindingReopen = z.infer<typeof ZFindingReopen>;
