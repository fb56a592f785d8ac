import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import type { RateLimitHit } from "./hit-rate-limit";

/**
 * Gives a hit back, in the window it was counted in (a window that has since
 * ended is left alone): a successful sign-in does not use up its address's
 * allowance, so the many people behind one school's address can all sign in.
 */
export async function refundRateLimit(hit: Pick<RateLimitHit, "key" | "windowStart">): Promise<void> {
  await db().$executeRaw(Prisma.sql`
    UPDATE "RateLimit" SET "count" = "count" - 1
    WHERE "key" = ${hit.key} AND "windowStart" = ${hit.windowStart} AND "count" > 0
  `);
}
