import "server-only";
import { ZodError } from "zod";
import { AppError, STATUS_OF, type ErrorBody, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { currentRequestId } from "@/lib/server/observability/request-context";
import { logger } from "@/lib/server/observability/logger";

function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** What a thrown value means to the user, or null when it is a fault of the server. */
function knownError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("VALIDATION", "Проверьте заполнение полей.", fieldErrorsOf(error));
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") {
      return new AppError("CONFLICT", "Такая запись уже существует.");
    }
    if (error.code === "P2025") return new AppError("NOT_FOUND", "Запись не найдена.");
  }
  return null;
}

/** The details stay in the server's log, under the request's id (the logger adds it); the user never sees them. */
function logUnexpected(error: unknown): void {
  logger().error({ err: error }, "unexpected error");
}

/**
 * The single translation of any thrown value into a user-facing error, in Russian. An unexpected
 * one is logged and thrown on (a server action's caller then gets Next's own error).
 */
export function toAppError(error: unknown): AppError {
  const known = knownError(error);
  if (known) return known;
  logUnexpected(error);
  throw error;
}

export function toErrorBody(error: unknown): ErrorBody {
  const appError = toAppError(error);
  const meta = Object.keys(appError.meta).length ? { meta: appError.meta } : {};
  return { error: { code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors, ...meta } };
}

/**
 * A route handler's error as its answer. An unexpected one is a 500 whose body carries the
 * request's id, so that a user's report of it can be found in the logs.
 */
export function toResponse(error: unknown): Response {
  if (!knownError(error)) {
    logUnexpected(error);
    const requestId = currentRequestId();
    const message = requestId
      ? `Внутренняя ошибка сервера. Если она повторится, сообщите администратору номер запроса: ${requestId}.`
      : "Внутренняя ошибка сервера.";
    return Response.json({ error: { code: "INTERNAL", message, fieldErrors: {} }, requestId }, { status: 500 });
  }
  const body = toErrorBody(error);
  return Response.json(body, { status: STATUS_OF[body.error.code] });
}
