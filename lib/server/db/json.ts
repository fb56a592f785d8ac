import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Values already validated by a zod schema are plain JSON; Prisma's types cannot see it. */
export function asJson<T>(value: T): Prisma.InputJsonValue {
  return value as unknown as Prisma.InputJsonValue;
}
