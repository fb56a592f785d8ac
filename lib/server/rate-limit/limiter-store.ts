import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { closeWithDb, databaseUrl } from "@/lib/server/db/client";
import { logger } from "@/lib/server/observability/logger";

/** rate-limiter-flexible's own table (key, points, expire), created by the migrations: model RateLimiterFlexible. */
const TABLE = "RateLimiterFlexible";

interface Store {
  url: string;
  pool: pg.Pool;
  limiters: Map<string, RateLimiterPostgres>;
}

const holder = globalThis as unknown as { metodauditLimiterStore?: Store };

/**
 * A small pool of its own on db()'s database: the library speaks `pg` directly. It names its
 * prepared statements (`ratelimiterflexible:rlflx-upsert`, …): behind PgBouncer in transaction
 * mode before 1.21 (Debian's 1.18) a statement prepared on one server connection is missing on
 * the next («prepared statement … does not exist») or already there («… already exists»). Each
 * operation is one statement, so nothing is lost by sending them unnamed (unnamedStatements).
 */
function store(): Store {
  const url = databaseUrl();
  const current = holder.metodauditLimiterStore;
  if (current?.url === url) return current;
  if (current) void close(current);
  const pool = new pg.Pool({ connectionString: url, max: 3, idleTimeoutMillis: 30_000, allowExitOnIdle: true });
  // An idle connection the server closed: the pool opens another when one is needed.
  pool.on("error", (error) => logger().error({ err: error }, "rate-limit store: idle connection lost"));
  const opened: Store = { url, pool, limiters: new Map() };
  holder.metodauditLimiterStore = opened;
  closeWithDb(() => close(opened));
  return opened;
}

async function close(closing: Store): Promise<void> {
  if (holder.metodauditLimiterStore === closing) holder.metodauditLimiterStore = undefined;
  if (!closing.pool.ended) await closing.pool.end();
}

export interface LimiterOptions {
  /** Keeps one limiter's keys apart from another's in the shared table. */
  keyPrefix: string;
  /** Points a key may consume in `duration`. */
  points: number;
  /** Seconds from a key's first point until its count starts again. */
  duration: number;
}

/**
 * A limiter counted in PostgreSQL, so that every server process and instance shares it; each
 * operation is one atomic statement. Expired rows are deleted by the hourly job
 * (purge-expired-rate-limits.ts), not by the library's own timer.
 */
export function limiter(options: LimiterOptions): RateLimiterPostgres {
  const { pool, limiters } = store();
  const id = `${options.keyPrefix}/${options.points}/${options.duration}`;
  let found = limiters.get(id);
  if (!found) {
    found = new RateLimiterPostgres({
      ...options,
      storeClient: unnamedStatements(pool),
      storeType: "pool",
      tableName: TABLE,
      tableCreated: true,
      clearExpiredByTimeout: false,
    });
    limiters.set(id, found);
  }
  return found;
}

/** The pool as the library uses it (query alone), its queries sent without a statement name. */
function unnamedStatements(pool: pg.Pool): Pick<pg.Pool, "query"> {
  return {
    query: ((config: pg.QueryConfig) => pool.query({ text: config.text, values: config.values })) as pg.Pool["query"],
  };
}

/** The library refuses with its RateLimiterRes, and fails with an Error when the store does. */
export function isRefusal(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}
