import "server-only";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { ZBlankAnswer, type AuditMark, type BlankStatus, type TBlankAnswer } from "@/lib/schemas/blank";
import type { TTemplateContent } from "@/lib/schemas/template";
import { db } from "@/lib/server/db/client";
import { officialCountsForBlank } from "@/lib/server/students/official-counts-for-blank";
import { getPublishedContent } from "@/lib/server/templates/get-published-content";
import { blankWhere, FILLABLE_STATUSES, participantWhere, reviewerWhere } from "./blank-access";
import { hasWorkedOnBlank } from "./internal/review-duty";

export interface BlankAnswerView {
  value: TBlankAnswer | null;
  carriedOver: boolean;
  mark: AuditMark | null;
  markComment: string | null;
}

export interface BlankView {
  id: string;
  /** The region the blank belongs to: what its reports are headed by. */
  regionId: string;
  status: BlankStatus;
  version: number;
  returnMessage: string | null;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  campaign: { id: string; name: string; date: Date; deadline: Date };
  template: { name: string; level: "MUNICIPAL" | "SCHOOL"; version: number };
  subjectName: string;
  municipalityName: string;
  municipalityId: string;
  organizationId: string | null;
  content: TTemplateContent;
  /** What our records count for the blank's count items (item key → count). */
  officialCounts: Record<string, number>;
  answers: Record<string, BlankAnswerView>;
  canFill: boolean;
  /** «Загрузить бланк из Word»: its participant, or the region's staff on their behalf, while it is filled in. */
  canImport: boolean;
  canReview: boolean;
  /** An accepted blank can be reopened by the region's staff; accepting it again recomputes its findings. */
  canReopen: boolean;
  /** The caller is a reviewer of this blank in review but filled or submitted it: another reviews it. */
  ownWork: boolean;
  score: number | null;
  grade: string | null;
  /** Whom attachments belong to: the school for a school blank, else the municipality. */
  fileOwner: string;
}

/** A blank with its template and answers, and what the caller may do with it. */
export async function getBlank(options: { scope: Scope; id: string }): Promise<BlankView> {
  const blank = await db().blank.findFirst({
    where: { AND: [{ id: options.id }, blankWhere(options.scope)] },
    include: {
      campaign: { select: { id: true, name: true, date: true, deadline: true } },
      templateVersion: { select: { version: true, template: { select: { key: true, name: true, level: true } } } },
      municipality: { select: { name: true } },
      organization: { select: { name: true } },
      answers: true,
    },
  });
  if (!blank) throw notFound("Бланк не найден.");
  const content = await getPublishedContent(blank.templateVersionId);
  // The counts and the caller's roles on the blank are read together: one round trip, not three in turn.
  const [officialCounts, participant, reviewer] = await Promise.all([
    // A closed blank shows the counts it was scored with; an open one today's.
    blank.status === "ACCEPTED" && blank.officialCounts
      ? (blank.officialCounts as Record<string, number>)
      : officialCountsForBlank(
          db(),
          {
            ...blank,
            templateKey: blank.templateVersion.template.key,
            campaignDate: blank.campaign.date.toISOString().slice(0, 10),
          },
          content,
        ),
    db().blank.count({ where: { AND: [{ id: blank.id }, participantWhere(options.scope)] } }),
    db().blank.count({ where: { AND: [{ id: blank.id }, reviewerWhere(options.scope)] } }),
  ]);
  const inReview = blank.status === "SUBMITTED" || blank.status === "ACCEPTED";
  const fillable = (FILLABLE_STATUSES as readonly string[]).includes(blank.status);
  const ownWork = reviewer > 0 && inReview && (await hasWorkedOnBlank(db(), blank.id, options.scope.userId));
  return {
    id: blank.id,
    regionId: blank.regionId,
    status: blank.status,
    version: blank.version,
    returnMessage: blank.returnMessage,
    submittedAt: blank.submittedAt,
    acceptedAt: blank.acceptedAt,
    campaign: blank.campaign,
    template: {
      name: blank.templateVersion.template.name,
      level: blank.templateVersion.template.level,
      version: blank.templateVersion.version,
    },
    subjectName: blank.organization ? `${blank.municipality.name}, ${blank.organization.name}` : blank.municipality.name,
    municipalityName: blank.municipality.name,
    municipalityId: blank.municipalityId,
    organizationId: blank.organizationId,
    content,
    officialCounts,
    answers: Object.fromEntries(
      blank.answers.map((a) => [
        a.itemKey,
        {
          value: a.value === null ? null : ZBlankAnswer.parse(a.value),
          carriedOver: a.carriedOver,
          mark: a.mark,
          markComment: a.markComment,
        },
      ]),
    ),
    canFill: participant > 0 && fillable,
    canImport: (participant > 0 || reviewer > 0) && fillable,
    canReview: reviewer > 0 && !ownWork && blank.status === "SUBMITTED",
    canReopen: reviewer > 0 && !ownWork && blank.status === "ACCEPTED",
    ownWork,
    score: blank.score,
    grade: blank.grade,
    fileOwner: blank.organizationId ? `organization:${blank.organizationId}` : `municipality:${blank.municipalityId}`,
  };
}
