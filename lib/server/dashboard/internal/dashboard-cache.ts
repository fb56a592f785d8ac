import "server-only";
import { LruMap } from "@/lib/lru-map";

/** Enough for every campaign a worker serves on a busy day, times the scopes that read it. */
const LIMIT = 500;

const entries = new LruMap<string, { stamp: string; value: unknown }>(LIMIT);

/**
 * A campaign's dashboard aggregates, kept in this server worker. `key` says whose view it
 * is (the campaign and the caller's visibility), `stamp` which state of the data: the
 * campaign's statsVersion, which every submission, mark, acceptance, return and reopening
 * bumps in its own transaction, with whatever else the caller reads live each time. The
 * stamp is read before the aggregates are computed, so an entry is never older than its
 * stamp: a read after a write's commit sees a new stamp and recounts.
 * The value is shared between requests: callers must not mutate it.
 */
export async function cachedAggregates<T>(key: string, stamp: string, compute: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = await compute();
  entries.set(key, { stamp, value });
  return value;
}
