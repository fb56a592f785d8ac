import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { withAudit } from "@/lib/server/audit/audit-extension";

export type Db = PrismaClient;

/** One client per process (kept across hot reloads in development). */
const holder = globalThis as unknown as { metodauditDb?: PrismaClient; metodauditDbUrl?: string };

/**
 * The client with the audit trail (lib/server/audit/audit-extension.ts): every
 * create, update and delete made through it appends AuditEvent rows in the write's
 * own transaction, as the actor of lib/server/audit/actor-context.ts.
 */
export function createDb(connectionString: string): PrismaClient {
  return withAudit(new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) }));
}

/** Points db() at a database resolved at run time (the CLI's embedded server, tests). */
export function connectDb(connectionString: string): PrismaClient {
  holder.metodauditDb = createDb(connectionString);
  holder.metodauditDbUrl = connectionString;
  return holder.metodauditDb;
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
  if (!holder.metodauditDb) {
    const url = databaseUrl();
    holder.metodauditDb = createDb(url);
    holder.metodauditDbUrl = url;
  }
  return holder.metodauditDb;
}
