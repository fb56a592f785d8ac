import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/** Who a write is recorded as: a user (id and name), or the system without an id. */
export interface Actor {
  id: string | null;
  name: string;
}

/** Scheduled jobs, the report worker, start-up seeding: anything no one asked for. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: null, name: "Система" });
/** `npm run cli`: an administrator at the server's console. */
export const CLI_ACTOR: Actor = Object.freeze({ id: null, name: "Командная строка" });

/** A signed-in user as the trail names them (the name, else the e-mail, as the card's read log does). */
export function actorOfScope(scope: { userId: string; name: string; email: string }): Actor {
  return { id: scope.userId, name: scope.name || scope.email };
}

/**
 * Kept on globalThis, as the database client is (lib/server/db/client.ts): Next may
 * load this module more than once (one copy per server bundle), and the client made by
 * one copy must read the actor that another copy's withScope set.
 */
const shared = globalThis as unknown as {
  metodauditActorStorage?: AsyncLocalStorage<Actor>;
  metodauditRequestActorSources?: Set<() => Actor | null>;
};
const storage = (shared.metodauditActorStorage ??= new AsyncLocalStorage<Actor>());
const requestSources = (shared.metodauditRequestActorSources ??= new Set());

/**
 * Runs `fn` (and everything it starts, awaited or not) as `actor`. A promise `fn`
 * returns is started inside: Prisma's promises run only once awaited, and would
 * otherwise run outside the context.
 */
export function runAsActor<T>(actor: Actor, fn: () => T): T {
  return storage.run(actor, () => {
    const result = fn();
    return (isThenable(result) ? Promise.resolve(result) : result) as T;
  });
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";

/**
 * For writes made while a page renders, where no callback can be wrapped around the
 * rest of the render: a source of the rendering request's actor (with-scope.ts adds
 * one, kept in React's per-request cache by requireScope). A source answers null
 * outside a render. Each copy of with-scope.ts adds its own (each bundle's React has
 * its own cache); only the one of the rendering copy can answer, and only for its request.
 */
export function addRequestActorSource(source: () => Actor | null): void {
  requestSources.add(source);
}

/** The actor of the current write: the context's, else the rendering request's, else the system. */
export function currentActor(): Actor {
  const actor = storage.getStore();
  if (actor) return actor;
  for (const source of requestSources) {
    try {
      const found = source();
      if (found) return found;
    } catch {
      // Not rendering: no request to ask.
    }
  }
  return SYSTEM_ACTOR;
}
