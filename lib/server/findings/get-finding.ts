import "server-only";
import { earliestLocalToday } from "@/lib/dates";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { Severity } from "@/lib/domain/scoring/statuses";
import { isOverdue, type RemediationStatus } from "@/lib/schemas/finding";
import { db } from "@/lib/server/db/client";
import { findReadableFiles } from "@/lib/server/privacy/file-access";
import { evidenceOwnerReference, findingWhere, isFindingParticipant, isFindingReviewer } from "./finding-access";
import { itemStatusLabel, remarksOf } from "./list-findings";

export interface FindingFileView {
  id: string;
  name: string;
}

export interface FindingEventView {
  id: string;
  /** One of FINDING_ACTIONS (lib/schemas/finding.ts). */
  action: string;
  fromStatus: RemediationStatus | null;
  toStatus: RemediationStatus | null;
  comment: string | null;
  /** Null when there is none, or the caller may not read it. */
  file: FindingFileView | null;
  userName: string;
  createdAt: Date;
}

export interface FindingView {
  id: string;
  blankId: string;
  campaign: { id: string; name: string };
  templateName: string;
  participant: string;
  municipalityName: string;
  itemNumber: string;
  itemTitle: string;
  status: string;
  statusLabel: string;
  severity: Severity;
  legalBasis: string;
  /** The auditor's comment when marking the item, if any. */
  remark: string | null;
  recommendation: string;
  deadline: string;
  overdue: boolean;
  responsible: string | null;
  remediationStatus: RemediationStatus;
  evidenceComment: string | null;
  evidenceFile: FindingFileView | null;
  /** Oldest first. */
  events: FindingEventView[];
  /** The participant may report it fixed. */
  canFix: boolean;
  /** The region's staff may verify it or return it to work. */
  canReview: boolean;
  /** The region's staff: deadline and responsible. */
  canEditDeadline: boolean;
  /** The staff or the participant, until it is verified. */
  canEditResponsible: boolean;
  /** "municipality:<id>" or "organization:<id>": whom evidence uploads belong to. */
  fileOwner: string;
}

/** One finding with its remediation history, and what the caller may do with it. */
export async function getFinding(options: { scope: Scope; id: string; today?: string }): Promise<FindingView> {
  const found = await db().finding.findFirst({
    where: { AND: [{ id: options.id }, findingWhere(options.scope)] },
    include: {
      blank: {
        select: {
          campaign: { select: { id: true, name: true } },
          municipality: { select: { name: true } },
          organization: { select: { name: true } },
          templateVersion: { select: { template: { select: { name: true } } } },
        },
      },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!found) throw notFound("Замечание не найдено.");
  const { blank, events, ...finding } = found;
  const fileIds = [...new Set([finding.evidenceFileId, ...events.map((e) => e.fileId)].filter((id): id is string => id !== null))];
  const files = (await findReadableFiles(options.scope, fileIds, { name: true })).map((f) => ({ id: f.id, name: f.name }));
  const remarkOf = await remarksOf(options.scope, [finding]);
  const fileOf = (id: string | null) => files.find((f) => f.id === id) ?? null;
  const deadline = finding.deadline.toISOString().slice(0, 10);
  const participant = isFindingParticipant(options.scope, finding);
  const reviewer = isFindingReviewer(options.scope, finding);
  const open = finding.remediationStatus !== "VERIFIED";
  return {
    id: finding.id,
    blankId: finding.blankId,
    campaign: blank.campaign,
    templateName: blank.templateVersion.template.name,
    participant: blank.organization ? `${blank.organization.name} (${blank.municipality.name})` : blank.municipality.name,
    municipalityName: blank.municipality.name,
    itemNumber: finding.itemNumber,
    itemTitle: finding.itemTitle,
    status: finding.status,
    statusLabel: itemStatusLabel(finding.status),
    severity: finding.severity,
    legalBasis: finding.legalBasis,
    remark: remarkOf(finding),
    recommendation: finding.recommendation,
    deadline,
    overdue: isOverdue({ deadline, remediationStatus: finding.remediationStatus }, options.today ?? earliestLocalToday()),
    responsible: finding.responsible,
    remediationStatus: finding.remediationStatus,
    evidenceComment: finding.evidenceComment,
    evidenceFile: fileOf(finding.evidenceFileId),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      comment: e.comment,
      file: fileOf(e.fileId),
      userName: e.userName,
      createdAt: e.createdAt,
    })),
    canFix: participant && (finding.remediationStatus === "OPEN" || finding.remediationStatus === "REOPENED"),
    canReview: reviewer && finding.remediationStatus === "FIXED",
    canEditDeadline: reviewer && open,
    canEditResponsible: (reviewer || participant) && open,
    fileOwner: evidenceOwnerReference(finding),
  };
}
