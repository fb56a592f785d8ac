import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";

/**
 * Tools for killing a process in the middle of its transaction, deterministically:
 * a second connection holds a lock the transaction needs late, the test waits until
 * PostgreSQL shows the process's backend waiting on that lock (so everything it wrote
 * before is done and uncommitted), then kills it.
 */

/**
 * A plain connection of its own (not the app's pool): one to hold the lock, another to watch
 * pg_stat_activity (which a backend reads once per transaction, so not from the one holding a
 * lock in an open transaction).
 */
export async function testConnection(url: string, name: string): Promise<pg.Client & { pid: number }> {
  const client = new pg.Client({ connectionString: url, application_name: name });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  return Object.assign(client, { pid: rows[0]!.pid });
}

export interface Spawned {
  child: ChildProcess;
  /** Settles when the process exits, with its code or signal and its output. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  output(): { stdout: string; stderr: string };
}

/** `node --conditions=react-server --import tsx <script> …args`, as the CLI runs, against `databaseUrl`. */
export function spawnNode(script: string, args: string[], databaseUrl: string): Spawned {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Runs a script to its end and returns its exit code, stdout and stderr. */
export async function runNode(script: string, args: string[], databaseUrl: string) {
  return spawnNode(script, args, databaseUrl).exited;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface BlockedBackend {
  pid: number;
  waitEventType: string | null;
  query: string;
  /** The tables the blocked transaction has written to (RowExclusiveLock held), by name. */
  writtenTables: string[];
}

/**
 * Waits until a backend of the locker's database is blocked by the locker (pg_blocking_pids),
 * and returns it with the tables its open transaction has already written to.
 * Fails early, with the process's output, if the process ends first.
 */
export async function waitUntilBlockedBy(
  observer: pg.Client,
  lockerPid: number,
  spawned: Spawned,
  timeoutMs = 45_000,
): Promise<BlockedBackend> {
  let ended = false;
  void spawned.exited.then(
    () => (ended = true),
    () => (ended = true),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await observer.query<{ pid: number; wait_event_type: string | null; query: string }>(
      `SELECT pid, wait_event_type, query FROM pg_stat_activity
        WHERE datname = current_database() AND $1 = ANY(pg_blocking_pids(pid))`,
      [lockerPid],
    );
    const blocked = rows[0];
    if (blocked) {
      const written = await observer.query<{ relname: string }>(
        `SELECT DISTINCT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE l.pid = $1 AND l.granted AND l.mode = 'RowExclusiveLock' AND c.relkind = 'r'
          ORDER BY c.relname`,
        [blocked.pid],
      );
      return {
        pid: blocked.pid,
        waitEventType: blocked.wait_event_type,
        query: blocked.query,
        writtenTables: written.rows.map((r) => r.relname),
      };
    }
    if (ended) {
      const { stdout, stderr } = spawned.output();
      throw new Error(`the process ended before it blocked on the lock\nstdout: ${stdout}\nstderr: ${stderr}`);
    }
    if (Date.now() > deadline) throw new Error(`no backend was blocked by the lock within ${timeoutMs} ms\n${spawned.output().stderr}`);
    await pause(25);
  }
}

/** Kills the process with SIGKILL and waits for it to be gone. */
export async function killHard(spawned: Spawned) {
  spawned.child.kill("SIGKILL");
  const result = await spawned.exited;
  if (result.signal !== "SIGKILL") throw new Error(`expected the process to die of SIGKILL, it ended with ${result.code}/${result.signal}`);
  return result;
}

/**
 * Waits until a backend has ended. A backend whose client died while it waited on a lock
 * notices only once it gets the lock and answers into the closed socket; then it rolls back.
 */
export async function waitUntilBackendGone(observer: pg.Client, pid: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rowCount } = await observer.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid]);
    if (rowCount === 0) return;
    if (Date.now() > deadline) {
      const { rows } = await observer.query(
        "SELECT state, wait_event_type, wait_event, query, pg_blocking_pids(pid) AS blockers FROM pg_stat_activity WHERE pid = $1",
        [pid],
      );
      throw new Error(`backend ${pid} still there after ${timeoutMs} ms: ${JSON.stringify(rows[0])}`);
    }
    await pause(25);
  }
}

export interface TableState {
  rows: number;
  md5: string;
}

/**
 * Row count and an md5 of every row's text, per table: equal snapshots mean equal contents.
 * `ignore` leaves columns out (ids and timestamps an idempotent re-run may renew).
 */
export async function snapshotTables(
  client: pg.Client,
  tables: readonly string[],
  ignore: readonly string[] = [],
): Promise<Record<string, TableState>> {
  const out: Record<string, TableState> = {};
  for (const table of tables) {
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const { rows } = await client.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS md5
         FROM (SELECT (to_jsonb(t) - $1::text[])::text AS r FROM ${quoted} t) rows`,
      [ignore],
    );
    out[table] = { rows: rows[0]!.rows, md5: rows[0]!.md5 };
  }
  return out;
}
