import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "@/lib/server/db/embedded";

const run = promisify(execFile);

/** Debian's PostgreSQL 15, on every machine of this kind (the embedded server has no pg_basebackup). */
const BIN = "/usr/lib/postgresql/15/bin";

export interface StreamingPair {
  primaryUrl: string;
  replicaUrl: string;
  /** Runs SQL as the superuser on the replica (pause or resume its replay). */
  onReplica(sql: string): Promise<void>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  stop(): Promise<void>;
}

/** PostgreSQL refuses to run as root: its tools run as the `postgres` OS user. */
async function asPostgres(command: string, args: string[]): Promise<void> {
  const asRoot = os.userInfo().uid === 0;
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(BIN, command), ...args]] : [path.join(BIN, command), args];
  try {
    await run(file, argv, { timeout: 120_000 });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${command} ${args.join(" ")} failed: ${stderr || stdout || String(error)}`);
  }
}

/**
 * A primary and a streaming replica of it (pg_basebackup -R), each a cluster of its own under
 * /tmp on a free loopback port, with database `database` made on the primary before the copy.
 */
export async function startStreamingPair(database: string): Promise<StreamingPair> {
  if (!fs.existsSync(path.join(BIN, "pg_basebackup"))) {
    throw new Error(`PostgreSQL 15's binaries are missing from ${BIN}: install them with \`apt-get install -y postgresql-15\``);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "metodaudit-replica-"));
  fs.chmodSync(root, 0o777);
  const primaryDir = path.join(root, "primary");
  const replicaDir = path.join(root, "replica");
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  // A throwaway pair: no fsync (the demo's load would wait on the disk).
  const options = (port: number) => `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root} -c fsync=off`;
  const start = (dir: string, port: number) =>
    asPostgres("pg_ctl", ["start", "-w", "-D", dir, "-l", path.join(root, `${path.basename(dir)}.log`), "-o", options(port)]);
  const stopCluster = (dir: string) => asPostgres("pg_ctl", ["stop", "-w", "-m", "fast", "-D", dir]);
  const url = (port: number, name = database) => `postgresql://postgres@127.0.0.1:${port}/${name}`;

  let replicaRunning = false;
  let primaryRunning = false;
  const stop = async () => {
    if (replicaRunning) await stopCluster(replicaDir).catch(() => {});
    if (primaryRunning) await stopCluster(primaryDir).catch(() => {});
    replicaRunning = primaryRunning = false;
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    // Trust on loopback, replication connections included: a throwaway pair for one test file.
    await asPostgres("initdb", ["-D", primaryDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
    await start(primaryDir, primaryPort);
    primaryRunning = true;
    const admin = new pg.Client({ connectionString: url(primaryPort, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    await asPostgres("pg_basebackup", [
      "-h",
      "127.0.0.1",
      "-p",
      String(primaryPort),
      "-U",
      "postgres",
      "-D",
      replicaDir,
      "-R",
      "-X",
      "stream",
      "--no-sync",
      // A checkpoint at once, not one spread over minutes.
      "--checkpoint=fast",
    ]);
    await start(replicaDir, replicaPort);
    replicaRunning = true;
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    primaryUrl: url(primaryPort),
    replicaUrl: url(replicaPort),
    async onReplica(sql) {
      const client = new pg.Client({ connectionString: url(replicaPort, "postgres") });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    async stopReplica() {
      await stopCluster(replicaDir);
      replicaRunning = false;
    },
    async startReplica() {
      await start(replicaDir, replicaPort);
      replicaRunning = true;
    },
    stop,
  };
}
