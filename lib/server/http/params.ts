import "server-only";
import { notFound as nextNotFound } from "next/navigation";
import { AppError, notFound } from "@/lib/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL; anything that is not one is "not found", like a foreign id. */
export function idParam(value: string | undefined): string {
  if (!value || !UUID.test(value)) throw notFound();
  return value;
}

/** For pages: a domain "not found" renders the 404 page. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") nextNotFound();
    throw error;
  }
}
