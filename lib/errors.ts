/**
 * The one error type of the domain. Thrown anywhere on the server, translated
 * once at the boundary (lib/server/http/to-response.ts, lib/server/auth/with-scope.ts).
 */
export type ErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "VALIDATION" | "CONFLICT" | "LOCKED" | "RATE_LIMITED";

export const STATUS_OF: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  LOCKED: 423,
  RATE_LIMITED: 429,
};

/** Field path ("memberships.0.scopeId") → Russian messages. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    /** Facts a client can act on, e.g. the id of the existing record a duplicate clashes with. */
    readonly meta: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** A foreign or unknown id: the same answer as for a record that does not exist. */
export const notFound = (message = "Запись не найдена.") => new AppError("NOT_FOUND", message);

/** What a server action or API returns on failure: serialisable, in Russian. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fieldErrors: FieldErrors; meta?: Record<string, string> };
}
