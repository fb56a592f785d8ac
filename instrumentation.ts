// Next.js start-up hook, in the Node.js server only (NEXT_RUNTIME is set by Next itself, as its
// documentation shows): the metrics read from the app's state (database pools, replica, queues),
// and the reminder schedule and the background report worker in one server process per database
// (BACKGROUND_JOBS, see lib/env.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./lib/env");
    const { registerAppMetrics } = await import("./lib/server/observability/register-app-metrics");
    const { REPORT_QUEUE } = await import("./lib/server/reports/enqueue-report-job");
    const jobs = env().BACKGROUND_JOBS === "on";
    // Queue depths from the process that runs the queues: one reading per instance, not one per worker.
    registerAppMetrics({ queues: jobs ? [REPORT_QUEUE.name] : [] });
    if (!jobs) return;

    const { startScheduledJobs } = await import("./lib/server/notifications/run-scheduled-jobs");
    startScheduledJobs();

    const { stopBoss } = await import("./lib/server/jobs/boss");
    const { startReportWorker } = await import("./lib/server/reports/start-report-worker");
    const { logger } = await import("./lib/server/observability/logger");
    const { HOOK_LIMIT_MS, onShutdown } = await import("./lib/server/observability/shutdown");
    const connectionString = env().DATABASE_URL;
    if (connectionString) {
      startReportWorker({ connectionString }).catch((error: unknown) => logger().error({ err: error }, "the report worker did not start"));
      // After the last request: take no new report, let the running one finish for a while; one cut short is recovered at the next start.
      onShutdown(() => stopBoss({ graceful: true, timeoutMs: HOOK_LIMIT_MS }));
    }
  }
}
