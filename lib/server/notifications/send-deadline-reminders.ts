import "server-only";
import { formatDate } from "@/lib/dates";
import { latestLocalToday } from "@/lib/dates";
import { FILLABLE_STATUSES } from "@/lib/server/blanks/blank-access";
import { db } from "@/lib/server/db/client";
import { notify, participantCoordinators } from "./notify";

const DAY = 24 * 60 * 60 * 1000;
/** Reminders go out this many days before the deadline. */
export const REMINDER_DAYS = [7, 1] as const;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

/**
 * The scheduled job: in-app reminders to the coordinators of every blank not yet
 * submitted, 7 days and 1 day before its campaign's deadline. A run that was
 * missed is made up by the next one; sending twice never duplicates (dedupe keys).
 * Runs for the whole installation, as the system, not for a signed-in user.
 */
export async function sendDeadlineReminders(options: { now?: Date } = {}): Promise<{ sent: number }> {
  const today = latestLocalToday(options.now);
  const horizon = new Date(Date.parse(today) + REMINDER_DAYS[0] * DAY);
  const blanks = await db().blank.findMany({
    where: {
      status: { in: [...FILLABLE_STATUSES] },
      campaign: { deadline: { gte: new Date(today), lte: horizon } },
    },
    select: {
      id: true,
      regionId: true,
      municipalityId: true,
      organizationId: true,
      campaign: { select: { name: true, deadline: true } },
      templateVersion: { select: { template: { select: { name: true } } } },
    },
  });
  let sent = 0;
  for (const blank of blanks) {
    const deadline = blank.campaign.deadline.toISOString().slice(0, 10);
    const left = daysBetween(today, deadline);
    const due = REMINDER_DAYS.filter((days) => left <= days);
    if (due.length === 0) continue;
    const days = Math.min(...due);
    const recipients = await participantCoordinators(db(), blank);
    sent += await notify(db(), recipients, {
      regionId: blank.regionId,
      title: days === 1 ? "Завтра срок сдачи бланка" : "Через неделю срок сдачи бланка",
      body: `${blank.templateVersion.template.name} — кампания «${blank.campaign.name}». Срок сдачи: ${formatDate(deadline)}.`,
      link: `/blanks/${blank.id}`,
      dedupeKey: `reminder:${days}:${blank.id}`,
    });
  }
  return { sent };
}
