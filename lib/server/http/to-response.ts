import "server-only";
import { ZodError } from "zod";
import { AppError, STATUS_OF, type ErrorBody, type FieldErrors } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The single translation of any thrown value into a user-facing error, in Russian. */
export function toAppError(error: unknown): AppError {
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
  // Unexpected: log the details on the server, never show them to the user.
  console.error(error);
  throw error;
}

export function toErrorBody(error: unknown): ErrorBody {
  const appError = toAppError(error);
  const meta = Object.keys(appError.meta).length ? { meta: appError.meta } : {};
  return { error: { code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors, ...meta } };
}

export function toResponse(error: unknown): Response {
  const body = toErrorBody(error);
  return Response.json(body, { status: STATUS_OF[body.error.code] });
}
