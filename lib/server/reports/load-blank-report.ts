import "server-only";
import type { BlankFilledData, BlankStep } from "@/lib/domain/reports/pdf/blank-filled";
import type { ReportBase } from "@/lib/domain/reports/pdf/frame";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { loadParticipantBlank, reportDay } from "./load-participant-blank";

/**
 * A participant's filled blank with the auditor's marks, for whoever may read
 * the blank (a foreign id is "not found"); who sent it for review and who
 * accepted it are read from its history, newest first.
 */
export async function loadBlankReport(options: { scope: Scope; blankId: string }) {
  const { blank, regionId, campaignDate, data } = await loadParticipantBlank(options);
  const changes = await db().answerChange.findMany({
    where: { blankId: blank.id, itemKey: null, field: "status" },
    orderBy: { createdAt: "desc" },
    select: { after: true, userName: true },
  });
  const byWhom = (status: string) => changes.find((c) => c.after === status)?.userName ?? null;
  const stepOf = (at: Date | null, status: string): BlankStep | null => (at ? { date: reportDay(at), by: byWhom(status) } : null);
  const filled: Omit<BlankFilledData, keyof ReportBase> = {
    ...data,
    submitted: stepOf(blank.submittedAt, "SUBMITTED"),
    accepted: blank.status === "ACCEPTED" ? stepOf(blank.acceptedAt, "ACCEPTED") : null,
    score: blank.score === null ? null : { total: blank.score, grade: blank.grade },
  };
  return { regionId, participant: blank.subjectName, campaignDate, data: filled };
}
