import "server-only";
import { forbidden, redirect, unstable_rethrow } from "next/navigation";
import { cache } from "react";
import type { z } from "zod";
import { AppError, type ErrorBody } from "@/lib/errors";
import { hasAnyRole, narrowScope, type Scope } from "@/lib/scope";
import type { Role } from "@/lib/roles";
import { actorOfScope, addRequestActorSource, runAsActor, type Actor } from "@/lib/server/audit/actor-context";
import { toErrorBody, toResponse } from "@/lib/server/http/to-response";
import { getScope } from "./get-scope";

export interface ScopeRule {
  /** Roles allowed; the handler's scope is narrowed to memberships of these roles. */
  role: readonly Role[];
}

async function scopeFor(rule: ScopeRule): Promise<Scope> {
  const scope = await getScope();
  if (!scope) throw new AppError("UNAUTHENTICATED", "Войдите в систему.");
  if (!hasAnyRole(scope, rule.role)) throw new AppError("FORBIDDEN", "Недостаточно прав.");
  return narrowScope(scope, rule.role);
}

/**
 * The audit trail's actor of the page being rendered (lib/server/audit/actor-context.ts):
 * a page cannot wrap the rest of its render in a context, so requireScope leaves the
 * actor in React's cache of the request, where a write made during the render finds it.
 */
const pageActor = cache((): { actor: Actor | null } => ({ actor: null }));
addRequestActorSource(() => pageActor().actor);

/** For pages and layouts: no session → /login, another role → the 403 page. */
export async function requireScope(rule: ScopeRule): Promise<Scope> {
  try {
    const scope = await scopeFor(rule);
    pageActor().actor = actorOfScope(scope);
    return scope;
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHENTICATED") redirect("/login");
    forbidden();
  }
}

type RouteContext<P> = { params: Promise<P> };

/**
 * For route handlers: authorises, then runs the handler with the narrowed scope;
 * every error is translated once (see to-response.ts).
 */
export function withScope<P = Record<string, string>>(
  handler: (input: { request: Request; params: P; scope: Scope }) => Promise<Response>,
  rule: ScopeRule,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const scope = await scopeFor(rule);
      const params = await context.params;
      // Every write the handler makes, a streamed download's included, is recorded as this user.
      return await runAsActor(actorOfScope(scope), () => handler({ request, params, scope }));
    } catch (error) {
      unstable_rethrow(error);
      return toResponse(error);
    }
  };
}

export type ActionResult<T> = { ok: true; data: T } | ({ ok: false } & ErrorBody);

/**
 * For server actions: the same check, then the input parsed with the action's schema,
 * once. The action is typed by the schema: a form calls it with the schema's input
 * (`z.input`), the operation gets its output (`z.output`). Errors come back as data for
 * the form: a ZodError as VALIDATION with each field's Russian message (to-response.ts).
 *
 *     export const markAnswerAction = scopedAction(ZAnswerMark, { role: REVIEWERS }, async (input, scope) =>
 *       markAnswer({ scope, input }),
 *     );
 */
export function scopedAction<S extends z.ZodType, T>(
  schema: S,
  rule: ScopeRule,
  operation: (input: z.output<S>, scope: Scope) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      // Who asks comes first: a caller without the role learns nothing of what the action takes.
      const scope = await scopeFor(rule);
      const parsed = schema.parse(input);
      return { ok: true, data: await runAsActor(actorOfScope(scope), () => operation(parsed, scope)) };
    } catch (error) {
      unstable_rethrow(error);
      return { ok: false, ...toErrorBody(error) };
    }
  };
}
