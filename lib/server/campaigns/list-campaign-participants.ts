import "server-only";
import { batchesOf, pageOf, type ListSource, type Page } from "@/lib/paging";
import type { Scope } from "@/lib/scope";
import type { BlankStatus } from "@/lib/schemas/blank";
import { blankWhere } from "@/lib/server/blanks/blank-access";
import { db } from "@/lib/server/db/client";

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

type Options = { scope: Scope; campaignId: string };

/** A page of a campaign's participants as the caller sees them: the municipality's own blank first, then its schools'. */
export function listCampaignParticipants(options: Options & { page: number; pageSize: number }): Promise<Page<ParticipantStatus>> {
  return pageOf(participantsSource(options), options);
}

/** Every participant, in batches (the CLI's `campaign list`). */
export function iterateCampaignParticipants(options: Options) {
  return batchesOf(participantsSource(options));
}

function participantsSource(options: Options): ListSource<ParticipantStatus> {
  // The campaign's own id alone would let a foreign caller count its blanks: blankWhere scopes them.
  const where = { AND: [{ campaignId: options.campaignId }, blankWhere(options.scope)] };
  return {
    count: () => db().blank.count({ where }),
    read: async (window) => {
      const blanks = await db().blank.findMany({
        where,
        orderBy: [{ municipality: { name: "asc" } }, { organizationId: { sort: "asc", nulls: "first" } }, { id: "asc" }],
        select: {
          id: true,
          status: true,
          submittedAt: true,
          municipalityId: true,
          municipality: { select: { name: true } },
          organization: { select: { name: true } },
          templateVersion: { select: { template: { select: { name: true, level: true } } } },
        },
        ...window,
      });
      return blanks.map((b) => ({
        blankId: b.id,
        municipalityId: b.municipalityId,
        municipality: b.municipality.name,
        school: b.organization?.name ?? null,
        template: b.templateVersion.template.name,
        level: b.templateVersion.template.level,
        status: b.status,
        submittedAt: b.submittedAt,
      }));
    },
  };
}
