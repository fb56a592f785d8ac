import { expect } from "vitest";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";

/** What a call rejected with, or null when it succeeded. */
export const rejectionOf = (call: Promise<unknown>): Promise<unknown> =>
  call.then(
    () => null,
    (error: unknown) => error,
  );

/**
 * The AppError a call must be refused with; the test fails when it succeeds or throws anything else.
 * A function is called first, so that what it throws before returning a promise counts too.
 */
export async function refusal(call: Promise<unknown> | (() => unknown)): Promise<AppError> {
  const error = await rejectionOf(typeof call === "function" ? Promise.resolve().then(call) : call);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The code of a call's refusal: an AppError's code, or "ZOD" for input a schema refused; a success or any other error fails the test. */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  const error = await rejectionOf(call);
  if (error instanceof AppError) return error.code;
  if (error instanceof ZodError) return "ZOD";
  throw new Error(`expected a refusal, got ${String(error)}`);
}
