import "server-only";
import type { BlankFilledData, BlankStep } from "@/lib/domain/reports/pdf/blank-filled";
import type { ReportBase } from "@/lib/domain/reports/pdf/frame";
import type { Scope } from "@/lib/scope";
import { getBlank } from "@/lib/server/blanks/get-blank";
import { db } from "@/lib/server/db/client";

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A participant's filled blank with the auditor's marks, for whoever may read
 * the blank (a foreign id is "not found", as getBlank has it); who sent it for
 * review and who accepted it are read from its history, newest first.
 */
export async function loadBlankReport(options: { scope: Scope; blankId: string }) {
  const blank = await getBlank({ scope: options.scope, id: options.blankId });
  const [{ regionId }, changes] = await Promise.all([
    db().blank.findUniqueOrThrow({ where: { id: blank.id }, select: { regionId: true } }),
    db().answerChange.findMany({
      where: { blankId: blank.id, itemKey: null, field: "status" },
      orderBy: { createdAt: "desc" },
      select: { after: true, userName: true },
    }),
  ]);
  const byWhom = (status: string) => changes.find((c) => c.after === status)?.userName ?? null;
  const stepOf = (at: Date | null, status: string): BlankStep | null => (at ? { date: day(at), by: byWhom(status) } : null);
  const campaignDate = day(blank.campaign.date);
  const data: Omit<BlankFilledData, keyof ReportBase> = {
    campaign: { name: blank.campaign.name, date: campaignDate },
    templateName: blank.template.name,
    participant: blank.subjectName,
    status: blank.status,
    content: blank.content,
    answers: blank.answers,
    officialCounts: blank.officialCounts,
    submitted: stepOf(blank.submittedAt, "SUBMITTED"),
    accepted: blank.status === "ACCEPTED" ? stepOf(blank.acceptedAt, "ACCEPTED") : null,
    score: blank.score === null ? null : { total: blank.score, grade: blank.grade },
  };
  return { regionId, participant: blank.subjectName, campaignDate, data };
}
