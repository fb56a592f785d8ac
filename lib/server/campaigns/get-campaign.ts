import "server-only";
import { notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { latestLocalToday } from "@/lib/dates";
import type { BlankStatus } from "@/lib/schemas/blank";
import { blankWhere } from "@/lib/server/blanks/blank-access";
import { db } from "@/lib/server/db/client";
import { campaignWhere } from "./campaign-access";

export interface ParticipantStatus {
  blankId: string;
  municipalityId: string;
  municipality: string;
  school: string | null;
  template: string;
  level: "MUNICIPAL" | "SCHOOL";
  status: BlankStatus;
  submittedAt: Date | null;
}

/**
 * A campaign with its participants' statuses. After the deadline, the municipalities
 * with a blank not yet submitted are «МО, не предоставившие информацию» (seed 000).
 */
export async function getCampaign(options: { scope: Scope; id: string; today?: string }) {
  const campaign = await db().campaign.findFirst({
    where: { AND: [{ id: options.id }, campaignWhere(options.scope)] },
    include: {
      templates: { include: { templateVersion: { include: { template: { select: { name: true, level: true, key: true } } } } } },
      previousCampaign: { select: { id: true, name: true } },
    },
  });
  if (!campaign) throw notFound("Кампания не найдена.");
  const blanks = await db().blank.findMany({
    where: { AND: [{ campaignId: campaign.id }, blankWhere(options.scope)] },
    // The municipality's own blank first, then its schools'.
    orderBy: [{ municipality: { name: "asc" } }, { organizationId: { sort: "asc", nulls: "first" } }],
    select: {
      id: true,
      status: true,
      submittedAt: true,
      municipalityId: true,
      municipality: { select: { name: true } },
      organization: { select: { name: true } },
      templateVersion: { select: { template: { select: { name: true, level: true } } } },
    },
  });
  const participants: ParticipantStatus[] = blanks.map((b) => ({
    blankId: b.id,
    municipalityId: b.municipalityId,
    municipality: b.municipality.name,
    school: b.organization?.name ?? null,
    template: b.templateVersion.template.name,
    level: b.templateVersion.template.level,
    status: b.status,
    submittedAt: b.submittedAt,
  }));
  const deadline = campaign.deadline.toISOString().slice(0, 10);
  const overdue = (options.today ?? latestLocalToday()) > deadline;
  const submitted = (s: BlankStatus) => s === "SUBMITTED" || s === "ACCEPTED";
  const notSubmitted = overdue
    ? [...new Set(participants.filter((p) => !submitted(p.status)).map((p) => p.municipality))]
    : [];
  return { ...campaign, deadline, date: campaign.date.toISOString().slice(0, 10), participants, overdue, notSubmitted };
}
