import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/** What every log line made while serving one request carries. */
export interface RequestContext {
  requestId: string;
}

/**
 * On globalThis under a registered symbol: the worker's HTTP server (serve-worker.ts, bundled by
 * esbuild) sets the context and Next's compiled server reads it, and each has its own copy of this
 * module, so a module-level storage would not be shared between them.
 */
const KEY = Symbol.for("metodaudit.requestContext");
const shared = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };
const storage = (shared[KEY] ??= new AsyncLocalStorage<RequestContext>());

/** Runs `fn` (and everything it starts) as part of the request `context`. */
export function runInRequest<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The id of the request being served, if any (none in a background job). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
