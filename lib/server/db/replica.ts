import "server-only";
import type pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { closeWithDb, databaseUrl, db, openClient } from "./client";

/**
 * The read replica: a router of our own rather than `@prisma/extension-read-replicas` (0.5.0).
 * That extension works with Prisma 7.10, the pg adapter and the audit trail (tried: its writes
 * kept their audit events), but does not do what the app needs:
 * - it sends every read outside a transaction to the replica unless the caller asks for
 *   `$primary()`, so each path that must read its own write (a blank after its save, the version
 *   check, sign-in, the session's scope) would have to opt out, and one forgotten opt-out is a
 *   silent stale read; here a path reads the replica only when it asks for replicaDb();
 * - it has no notion of a replica that is down or lagging: it picks one at random, and a
 *   stopped replica fails every read sent to it;
 * - its raw reads ($queryRaw: the events list, the plan overviews) go to the primary anyway.
 *
 * replicaDb() gives the replica's client while the replica is reachable and its lag is within
 * REPLICA_MAX_LAG, and db() (the primary) otherwise or when no replica is configured. The
 * replica's state is checked lazily, at most every CHECK_EVERY_MS per process, in the
 * background of the read that finds it stale; a read that fails because the replica cannot be
 * reached marks it down and is run again on the primary (a read may be repeated), as is a read
 * the replica cancelled for a conflict with its replay.
 */

/** How often a process asks the replica for its lag. */
const CHECK_EVERY_MS = 5_000;
/** A replica that does not answer the check in this time counts as down. */
const CHECK_TIMEOUT_MS = 3_000;
/**
 * How long a read waits for a replica connection (a new one, or a free one of the pool) before it
 * is read from the primary instead: an unreachable host would otherwise hold it for the system's
 * TCP timeout, minutes.
 */
const CONNECT_TIMEOUT_MS = 10_000;

export interface ReplicaState {
  state: "ok" | "lagging" | "down";
  lagSeconds: number | null;
}

interface Replica {
  url: string;
  /** The database db() uses: a replica set for another one is dropped (tests, the CLI). */
  primaryUrl: string;
  maxLagSeconds: number;
  client: PrismaClient;
  pool: pg.Pool;
  /** Not checked yet: reads go to the primary until the first check says otherwise. */
  last: ReplicaState & { at: number };
  checking: Promise<ReplicaState> | null;
  closed: boolean;
}

const holder = globalThis as unknown as { metodauditReplica?: Replica | null };

/**
 * The lag as the replica sees it. `now() - pg_last_xact_replay_timestamp()` alone grows on an
 * idle primary, which writes nothing to replay: while the WAL receiver streams and has replayed
 * all it received, the replica is as current as the primary (0). Otherwise (replay behind, or
 * no connection to the primary) the age of the last replayed transaction is the lag, as far as
 * the replica can know. A server that is not in recovery (a URL pointing at a primary) has none.
 * WAL still on its way (streaming is asynchronous) is not counted: milliseconds while connected.
 */
const LAG_SQL = `
SELECT CASE
  WHEN NOT pg_is_in_recovery() THEN 0
  WHEN EXISTS (SELECT 1 FROM pg_stat_wal_receiver) AND pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
  ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())
END::float8 AS lag`;

function open(url: string, maxLagSeconds: number): Replica {
  const { client: base, pool } = openClient(url, { connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection the replica closed (a restart): the pool opens another when needed. The
  // lag check uses the pool before Prisma has put its own listener on it.
  pool.on("error", () => {});
  const replica: Replica = {
    url,
    primaryUrl: databaseUrl(),
    maxLagSeconds,
    client: base,
    pool,
    last: { state: "down", lagSeconds: null, at: 0 },
    checking: null,
    closed: false,
  };
  replica.client = base.$extends({
    name: "replica-fallback",
    query: {
      async $allOperations({ model, operation, args, query }) {
        try {
          return await query(args);
        } catch (error) {
          if (isUnreachable(error)) replica.last = { state: "down", lagSeconds: null, at: Date.now() };
          else if (!isRecoveryConflict(error)) throw error;
          return onPrimary(model, operation, args);
        }
      },
    },
  }) as unknown as PrismaClient;
  closeWithDb(async () => {
    replica.closed = true;
    if (holder.metodauditReplica === replica) holder.metodauditReplica = undefined;
    await base.$disconnect();
  });
  return replica;
}

/** The same read on the primary's client. */
function onPrimary(model: string | undefined, operation: string, args: unknown): Promise<unknown> {
  const client = db() as unknown as Record<string, unknown>;
  if (!model) {
    // Raw reads: $queryRaw's args are the Sql object, $queryRawUnsafe's the query and its values.
    const run = client[operation] as (...values: unknown[]) => Promise<unknown>;
    return run.apply(client, Array.isArray(args) ? args : [args]);
  }
  const delegate = client[model.charAt(0).toLowerCase() + model.slice(1)] as Record<string, (args: unknown) => Promise<unknown>>;
  return delegate[operation]!(args);
}

/**
 * Errors of a replica that cannot be reached (stopped, restarting, network), not of the query.
 * Behind PgBouncer the connection to the pooler succeeds and the query fails instead: «server
 * login has been failing» (08P01) while the replica is down, «query_wait_timeout» while no
 * server connection frees up.
 */
function isUnreachable(error: unknown): boolean {
  const text = `${(error as { code?: string }).code ?? ""} ${(error as Error).message ?? ""}`;
  return /P1001|P1017|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|terminat|shutting down|starting up|timeout exceeded when trying to connect|Connection terminated|DatabaseNotReachable|ConnectionClosed|server login has been failing|query_wait_timeout|server conn crashed|08P01/i.test(
    text,
  );
}

/**
 * A read the replica cancelled because replaying the primary's changes needed what it held
 * (hot standby, SQLSTATE 40001): the replica is fine, the read is repeated on the primary.
 */
function isRecoveryConflict(error: unknown): boolean {
  return /conflict with recovery/i.test((error as Error).message ?? "");
}

async function check(replica: Replica): Promise<ReplicaState> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("the replica did not answer in time")), CHECK_TIMEOUT_MS);
    });
    const { rows } = await Promise.race([replica.pool.query<{ lag: number | null }>(LAG_SQL), timeout]);
    const lag = rows[0]?.lag ?? null;
    // No transaction replayed yet while behind: the lag is unknown, so not trusted.
    const state = lag !== null && lag <= replica.maxLagSeconds ? "ok" : "lagging";
    return { state, lagSeconds: lag === null ? null : Math.max(0, lag) };
  } catch {
    return { state: "down", lagSeconds: null };
  } finally {
    clearTimeout(timer);
  }
}

/** Checks the replica now (once at a time) and keeps the answer. */
function refresh(replica: Replica): Promise<ReplicaState> {
  replica.checking ??= check(replica).then((state) => {
    replica.checking = null;
    if (!replica.closed) replica.last = { ...state, at: Date.now() };
    return state;
  });
  return replica.checking;
}

/** The configured replica of db()'s database, or null. */
function current(): Replica | null {
  const primaryUrl = databaseUrl();
  const set = holder.metodauditReplica;
  if (set === null || (set && set.primaryUrl === primaryUrl)) return set;
  // DATABASE_REPLICA_URL replicates DATABASE_URL: not a database that connectDb() chose.
  const { DATABASE_URL, DATABASE_REPLICA_URL, REPLICA_MAX_LAG } = env();
  holder.metodauditReplica = DATABASE_REPLICA_URL && primaryUrl === DATABASE_URL ? open(DATABASE_REPLICA_URL, REPLICA_MAX_LAG) : null;
  return holder.metodauditReplica;
}

/**
 * Sets the replica of db()'s current database (tests, tools): a URL, or null for none. Call it
 * after connectDb(); disconnectDb() closes it.
 */
export function connectReplica(url: string | null, options: { maxLagSeconds?: number } = {}): void {
  const previous = holder.metodauditReplica;
  if (previous) {
    previous.closed = true;
    void previous.client.$disconnect().catch(() => {});
  }
  holder.metodauditReplica = url ? open(url, options.maxLagSeconds ?? env().REPLICA_MAX_LAG) : null;
}

/**
 * The client for reads that tolerate REPLICA_MAX_LAG seconds of staleness and never follow a
 * write of the same request: the replica when it is healthy, else the primary. Never for a
 * read inside a transaction, a read of the caller's own write, or a read that writes (privacy
 * logging): those use db().
 */
export function replicaDb(): PrismaClient {
  const replica = current();
  if (!replica) return db();
  if (Date.now() - replica.last.at >= CHECK_EVERY_MS) void refresh(replica);
  return replica.last.state === "ok" ? replica.client : db();
}

/** The replica's state, checked now when the last check is older than CHECK_EVERY_MS; null without one. */
export async function checkReplica(options: { now?: boolean } = {}): Promise<ReplicaState | null> {
  const replica = current();
  if (!replica) return null;
  const { state, lagSeconds } = options.now || Date.now() - replica.last.at >= CHECK_EVERY_MS ? await refresh(replica) : replica.last;
  return { state, lagSeconds };
}

/** The replica's pool, while one is open (the metrics). */
export function replicaPool(): pg.Pool | undefined {
  const replica = holder.metodauditReplica;
  return replica && !replica.closed ? replica.pool : undefined;
}
