import "server-only";
import { runAsActor, SYSTEM_ACTOR } from "@/lib/server/audit/actor-context";
import { purgeExpiredSessions } from "@/lib/server/auth/purge-expired-sessions";
import { sendPendingEmails } from "@/lib/server/mail/send-pending-emails";
import { sendPlanReminders } from "@/lib/server/plans/send-plan-reminders";
import { removeUnclaimedFiles } from "@/lib/server/files/remove-unclaimed-files";
import { purgeExpiredRateLimits } from "@/lib/server/rate-limit/purge-expired-rate-limits";
import { expireReportFiles } from "@/lib/server/reports/expire-report-files";
import { sendDeadlineReminders } from "./send-deadline-reminders";
import { logger } from "@/lib/server/observability/logger";

const HOUR = 60 * 60 * 1000;

/**
 * Reminders and their e-mails, the removal of expired report files and unsaved uploads, and of
 * expired sessions and rate-limit counters, once now and then hourly, in the app server process.
 */
export function startScheduledJobs(log: (line: string) => void = (line) => logger().info(line)) {
  const run = async () => {
    try {
      const { sent } = await sendDeadlineReminders();
      const plans = await sendPlanReminders();
      const { emailed } = await sendPendingEmails();
      if (sent || plans.sent || emailed) log(`[jobs] reminders: ${sent}, plan reminders: ${plans.sent}, e-mails: ${emailed}`);
    } catch (error) {
      log(`[jobs] reminders failed: ${(error as Error).message}`);
    }
    try {
      const { expired } = await expireReportFiles();
      if (expired) log(`[jobs] expired report files removed: ${expired}`);
      const { removed } = await removeUnclaimedFiles();
      if (removed) log(`[jobs] unsaved uploads removed: ${removed}`);
    } catch (error) {
      log(`[jobs] file expiry failed: ${(error as Error).message}`);
    }
    try {
      await purgeExpiredSessions();
      await purgeExpiredRateLimits();
    } catch (error) {
      log(`[jobs] purging expired sessions and rate limits failed: ${(error as Error).message}`);
    }
  };
  // Recorded in the audit trail as «Система», whatever context started the schedule.
  const runAsSystem = () => runAsActor(SYSTEM_ACTOR, run);
  setTimeout(runAsSystem, 30_000).unref();
  setInterval(runAsSystem, HOUR).unref();
}
