import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { withAudit } from "@/lib/server/audit/audit-extension";

export type Db = PrismaClient;

/** One client per process (kept across hot reloads in development). */
const holder = globalThis as unknown as { metodauditDb?: PrismaClient; metodauditDbUrl?: string; metodauditDbPool?: pg.Pool };

/** Connections one process opens to a database through Prisma. */
const POOL_SIZE = 10;

/**
 * A client on a pool we open ourselves, so that the pool's use can be read for the metrics
 * (health.ts); Prisma ends the pool on $disconnect. Prisma's pg adapter sends unnamed
 * statements only, which PgBouncer in transaction mode passes on.
 */
export function openClient(connectionString: string, options: { connectionTimeoutMillis?: number } = {}) {
  const pool = new pg.Pool({ connectionString, max: POOL_SIZE, ...options });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return { client, pool };
}

/**
 * The client with the audit trail (lib/server/audit/audit-extension.ts): every
 * create, update and delete made through it appends AuditEvent rows in the write's
 * own transaction, as the actor of lib/server/audit/actor-context.ts.
 */
function createDb(connectionString: string): PrismaClient {
  const { client, pool } = openClient(connectionString);
  holder.metodauditDbPool = pool;
  holder.metodauditDbUrl = connectionString;
  holder.metodauditDb = withAudit(client);
  return holder.metodauditDb;
}

/** Points db() at a database resolved at run time (the CLI's embedded server, tests). */
export function connectDb(connectionString: string): PrismaClient {
  return createDb(connectionString);
}

/** db()'s pool, while it is open (the metrics). */
export function primaryPool(): pg.Pool | undefined {
  return holder.metodauditDbPool;
}

/** Connections of their own on db()'s database (the rate limiters' pool), closed with it. */
const closers = new Set<() => Promise<void>>();
export function closeWithDb(close: () => Promise<void>): void {
  closers.add(close);
}

export async function disconnectDb() {
  await Promise.all([...closers].map((close) => close()));
  closers.clear();
  await holder.metodauditDb?.$disconnect();
  holder.metodauditDb = undefined;
  holder.metodauditDbUrl = undefined;
  holder.metodauditDbPool = undefined;
}

/** The connection string db() uses: the one given to connectDb(), else DATABASE_URL. */
export function databaseUrl(): string {
  const url = holder.metodauditDbUrl ?? env().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set: run the app with `npm start`, which starts an embedded PostgreSQL when no DATABASE_URL is given",
    );
  }
  return url;
}

export function db(): PrismaClient {
  return holder.metodauditDb ?? createDb(databaseUrl());
}
