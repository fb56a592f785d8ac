// Next.js start-up hook: the reminder schedule and the background report worker
// run in the Node.js server only (NEXT_RUNTIME is set by Next itself, as its documentation shows),
// and in one server process per database (BACKGROUND_JOBS, see lib/env.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./lib/env");
    if (env().BACKGROUND_JOBS === "off") return;
    const { startScheduledJobs } = await import("./lib/server/notifications/run-scheduled-jobs");
    startScheduledJobs();

    const { stopBoss } = await import("./lib/server/jobs/boss");
    const { startReportWorker } = await import("./lib/server/reports/start-report-worker");
    const connectionString = env().DATABASE_URL;
    if (connectionString) {
      startReportWorker({ connectionString }).catch((error: unknown) =>
        console.error(`[reports] the report worker did not start: ${(error as Error).message}`),
      );
      // Best effort: take no new report once the server is asked to stop; one cut short is recovered at the next start.
      process.once("SIGTERM", () => void stopBoss({ graceful: true, timeoutMs: 8_000 }));
    }
  }
}
