import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ErrorBody } from "@/lib/errors";

/** Puts the server's field messages next to the fields; returns the general message. */
export function applyServerErrors<T extends FieldValues>(body: ErrorBody, setError: UseFormSetError<T>): string {
  for (const [path, messages] of Object.entries(body.error.fieldErrors)) {
    setError(path as Path<T>, { type: "server", message: messages.join(" ") });
  }
  return body.error.message;
}
