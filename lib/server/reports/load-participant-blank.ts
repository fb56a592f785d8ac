import "server-only";
import type { ParticipantBlank } from "@/lib/domain/reports/pdf/blank-table";
import type { Scope } from "@/lib/scope";
import { getBlank } from "@/lib/server/blanks/get-blank";

export const reportDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A participant's blank as the reports that print it take it, for whoever may
 * read the blank (a foreign id is "not found", as getBlank has it), with its
 * region and the blank itself for what each report adds.
 */
export async function loadParticipantBlank(options: { scope: Scope; blankId: string }) {
  const blank = await getBlank({ scope: options.scope, id: options.blankId });
  const campaignDate = reportDay(blank.campaign.date);
  const data: ParticipantBlank = {
    campaign: { name: blank.campaign.name, date: campaignDate },
    templateName: blank.template.name,
    participant: blank.subjectName,
    status: blank.status,
    content: blank.content,
    answers: blank.answers,
    officialCounts: blank.officialCounts,
  };
  return { blank, regionId: blank.regionId, campaignDate, data };
}
