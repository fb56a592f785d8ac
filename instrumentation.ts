// Next.js start-up hook: the reminder schedule runs in the Node.js server only
// (NEXT_RUNTIME is set by Next itself, as its documentation shows).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startScheduledJobs } = await import("./lib/server/notifications/run-scheduled-jobs");
    startScheduledJobs();
  }
}
