import "server-only";

type Hook = () => Promise<void>;

/** A request still running this long after the port closed is cut: a rolling restart must end. */
export const DRAIN_LIMIT_MS = 60_000;
/** What a shutdown hook gets: the job queue's running report finishes within it, or is queued again. */
export const HOOK_LIMIT_MS = 8_000;
/**
 * The longest a server worker's stop takes after its grace (SHUTDOWN_GRACE_MS): the drain, the
 * hooks, and Next's close. Whoever supervises the server waits this long before killing it.
 */
export const STOP_AFTER_GRACE_MS = DRAIN_LIMIT_MS + HOOK_LIMIT_MS + 2_000;

interface ShutdownState {
  stopping: boolean;
  /** Run, in order, once the HTTP server has finished its requests and before Next closes. */
  hooks: Hook[];
}

/**
 * On globalThis under a registered symbol: the worker's HTTP server (serve-worker.ts) marks the
 * process as stopping and runs the hooks, while /api/ready and instrumentation.ts, compiled into
 * Next's server with their own copy of this module, read the mark and add the hooks.
 */
const KEY = Symbol.for("metodaudit.shutdown");
const shared = globalThis as unknown as { [KEY]?: ShutdownState };
const state = (shared[KEY] ??= { stopping: false, hooks: [] });

/** Whether the instance has been asked to stop (it then answers /api/ready with 503). */
export function isStopping(): boolean {
  return state.stopping;
}

export function markStopping(): void {
  state.stopping = true;
}

/** Something to stop gracefully after the last request (the job queue), before the process exits. */
export function onShutdown(hook: Hook): void {
  state.hooks.push(hook);
}

/** Runs the hooks one after another; one that fails is logged by `log` and the rest still run. */
export async function runShutdownHooks(log: (error: unknown) => void): Promise<void> {
  for (const hook of state.hooks.splice(0)) await hook().catch(log);
}
