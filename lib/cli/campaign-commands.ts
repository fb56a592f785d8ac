import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { getCampaign } from "@/lib/server/campaigns/get-campaign";
import { iterateCampaignParticipants } from "@/lib/server/campaigns/list-campaign-participants";
import { db } from "@/lib/server/db/client";
import { sendPendingEmails } from "@/lib/server/mail/send-pending-emails";
import { sendDeadlineReminders } from "@/lib/server/notifications/send-deadline-reminders";
import { sendPlanReminders } from "@/lib/server/plans/send-plan-reminders";
import { adminScopeOf } from "./admin-scope";

/** `campaign list [--region 23]`: every campaign with its participants' statuses. */
export async function campaignList(args: string[]) {
  const { values } = parseArgs({ args, options: { region: { type: "string" } }, strict: true });
  const regions = await db().region.findMany({
    where: values.region ? { code: values.region } : {},
    orderBy: { code: "asc" },
    select: { id: true, code: true },
  });
  if (values.region && regions.length === 0) throw new AppError("VALIDATION", `--region ${values.region}: no such region`);
  const result = [];
  for (const region of regions) {
    const scope = adminScopeOf(region.id);
    const campaigns = await db().campaign.findMany({
      where: { regionId: region.id },
      orderBy: { date: "asc" },
      select: { id: true },
    });
    for (const { id } of campaigns) {
      const c = await getCampaign({ scope, id });
      const participants = [];
      for await (const batch of iterateCampaignParticipants({ scope, campaignId: id })) participants.push(...batch);
      result.push({
        id: c.id,
        region: region.code,
        name: c.name,
        date: c.date,
        deadline: c.deadline,
        participants: participants.map((p) => ({
          municipality: p.municipality,
          school: p.school,
          template: p.template,
          status: p.status,
        })),
        notSubmitted: c.notSubmitted,
      });
    }
  }
  return result;
}

/** `reminders send`: the hourly job by hand (e.g. from cron): deadline reminders, then their e-mails. */
export async function remindersSend() {
  const { sent } = await sendDeadlineReminders();
  const plans = await sendPlanReminders();
  return { sent, planReminders: plans.sent, ...(await sendPendingEmails()) };
}
