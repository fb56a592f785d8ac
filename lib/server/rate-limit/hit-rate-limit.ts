import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { purgeExpiredRateLimits } from "./purge-expired-rate-limits";

export interface RateLimitHit {
  key: string;
  /** Whether this hit is within the limit. */
  allowed: boolean;
  /** Hits in the current window, this one included. */
  count: number;
  limit: number;
  windowStart: Date;
  /** Whole seconds until the window ends, at least 1: the Retry-After of a refusal. */
  retryAfterSeconds: number;
}

/** One hit in a hundred also deletes the windows that ended long ago. */
const PURGE_CHANCE = 0.01;

/**
 * Counts one hit against `key` in a fixed window of `windowMs` (aligned to the
 * epoch, so every app instance agrees where a window starts) and tells whether it
 * is within `limit`. One atomic statement on the shared RateLimit table, so all
 * instances count together and parallel hits are counted exactly: PostgreSQL's
 * INSERT … ON CONFLICT takes the row's lock, a later window starts the count at 1.
 * A refused hit is counted too: hammering on does not open the door any sooner.
 */
export async function hitRateLimit(options: {
  key: string;
  limit: number;
  windowMs: number;
  now?: Date;
  /** For tests: 0..1, the purge runs below PURGE_CHANCE. */
  random?: () => number;
}): Promise<RateLimitHit> {
  const now = options.now ?? new Date();
  const windowStart = new Date(Math.floor(now.getTime() / options.windowMs) * options.windowMs);
  // In the UPDATE, "RateLimit".* is the stored row and EXCLUDED the one proposed:
  // a stored window that is not older counts on; an older one is replaced.
  const [row] = await db().$queryRaw<Array<{ count: number; windowStart: Date }>>(Prisma.sql`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    VALUES (${options.key}, ${windowStart}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" >= EXCLUDED."windowStart" THEN "RateLimit"."count" + 1 ELSE 1 END,
      "windowStart" = GREATEST("RateLimit"."windowStart", EXCLUDED."windowStart")
    RETURNING "count", "windowStart"
  `);
  if (!row) throw new Error("RateLimit upsert returned no row");
  if ((options.random ?? Math.random)() < PURGE_CHANCE) await purgeExpiredRateLimits({ now });
  const count = Number(row.count);
  const end = new Date(row.windowStart).getTime() + options.windowMs;
  return {
    key: options.key,
    allowed: count <= options.limit,
    count,
    limit: options.limit,
    windowStart: new Date(row.windowStart),
    retryAfterSeconds: Math.max(1, Math.ceil((end - now.getTime()) / 1000)),
  };
}
