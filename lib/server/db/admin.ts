import "server-only";
import pg from "pg";

export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Server-level chores (create, drop) run through the maintenance database. */
async function withAdmin<T>(anyUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(anyUrl, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function ensureDatabase(anyUrl: string, name: string) {
  await withAdmin(anyUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quote(name)}`);
  });
  return withDatabaseName(anyUrl, name);
}

/** Drops and creates a database, optionally as a copy of a template; returns its URL. */
export async function recreateDatabase(anyUrl: string, name: string, template?: string) {
  await withAdmin(anyUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ""}`);
  });
  return withDatabaseName(anyUrl, name);
}

export async function dropDatabase(anyUrl: string, name: string) {
  await withAdmin(anyUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`));
}
