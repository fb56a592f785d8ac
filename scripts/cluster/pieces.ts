// Every piece of the cluster: how `up` makes and starts it, how `down` stops it, and its state.
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { inheritedEnvironment } from "@/lib/env";
import { ensureDatabase } from "@/lib/server/db/admin";
import { aptInstall } from "../ensure-debian-tools";
import { APPS, type AppName, BUCKET, DATABASE, HAPROXY_SOCKET, logFile, PORTS, pgDataDir, S3_KEY, STATE_DIR, URLS } from "./layout";
import { serverStats } from "./haproxy";
import { httpStatus, logTail, portOpen, postgresUser, running, startDetached, waitFor } from "./processes";

type Log = (line: string) => void;

/** Installs Debian's PostgreSQL, PgBouncer and HAProxy where missing (as root, through apt-get). */
export function ensureTools(log: Log) {
  const missing = [
    ...(pgBin() === undefined ? ["postgresql"] : []),
    ...(which("pgbouncer") ? [] : ["pgbouncer"]),
    ...(which("haproxy") ? [] : ["haproxy"]),
  ];
  if (missing.length > 0) aptInstall(missing, log, `The cluster runs ${missing.join(", ")} from Debian's packages.`);
  // Debian's packages start their own services where an init system runs; ours are separate.
}

const which = (command: string) => spawnSync("which", [command]).status === 0;

/** The newest installed PostgreSQL's binaries (/usr/lib/postgresql/<major>/bin). */
function pgBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  const majors = fs
    .readdirSync(root)
    .filter((entry) => fs.existsSync(path.join(root, entry, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] === undefined ? undefined : path.join(root, majors[0], "bin");
}

function pgTool(tool: string): string {
  const bin = pgBin();
  if (!bin) throw new Error("PostgreSQL's binaries are missing under /usr/lib/postgresql");
  return path.join(bin, tool);
}

/** Runs a PostgreSQL tool as the postgres OS user; throws with its output on failure. */
function asPostgres(tool: string, args: string[]) {
  const user = postgresUser();
  const result = spawnSync(pgTool(tool), args, {
    uid: user.uid,
    gid: user.gid,
    encoding: "utf8",
    env: { ...inheritedEnvironment(), HOME: user.home, LC_ALL: "C.UTF-8" },
  });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** A file the postgres user may write (pg_ctl's log), in our log directory. */
function postgresWritable(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, "");
  const user = postgresUser();
  fs.chownSync(file, user.uid, user.gid);
}

function chownTree(dir: string) {
  const user = postgresUser();
  spawnSync("chown", ["-R", `${user.uid}:${user.gid}`, dir]);
}

export type PgName = "primary" | "replica";

export function pgRunning(name: PgName): boolean {
  const dir = pgDataDir(name);
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) return false;
  const user = postgresUser();
  return spawnSync(pgTool("pg_ctl"), ["-D", dir, "status"], { uid: user.uid, gid: user.gid }).status === 0;
}

export function pgStart(name: PgName) {
  if (pgRunning(name)) return;
  postgresWritable(logFile(name));
  asPostgres("pg_ctl", ["-D", pgDataDir(name), "-l", logFile(name), "-w", "-t", "60", "start"]);
}

export function pgStop(name: PgName) {
  if (!pgRunning(name)) return false;
  asPostgres("pg_ctl", ["-D", pgDataDir(name), "-m", "fast", "-w", "stop"]);
  return true;
}

/** The primary: initdb on first use (trust on loopback, TCP only, WAL for a streaming replica). */
export async function upPrimary(log: Log) {
  const dir = pgDataDir("primary");
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    log(`initdb ${dir}`);
    fs.mkdirSync(dir, { recursive: true });
    chownTree(dir);
    asPostgres("initdb", ["-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
    fs.appendFileSync(
      path.join(dir, "postgresql.conf"),
      [
        "",
        "# npm run cluster: loopback TCP only, a streaming replica",
        "listen_addresses = '127.0.0.1'",
        `port = ${PORTS.primary}`,
        "unix_socket_directories = ''",
        "wal_level = replica",
        "max_wal_senders = 5",
        "max_replication_slots = 5",
        "hot_standby = on",
        "max_connections = 200",
        "",
      ].join("\n"),
    );
  }
  pgStart("primary");
  await ensureDatabase(URLS.primary, DATABASE);
}

/** The replica: pg_basebackup -R from the primary on first use, then a hot standby on its own port. */
export function upReplica(log: Log) {
  const dir = pgDataDir("replica");
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    log(`pg_basebackup → ${dir}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    chownTree(dir);
    asPostgres("pg_basebackup", [
      "-h",
      "127.0.0.1",
      "-p",
      String(PORTS.primary),
      "-U",
      "postgres",
      "-D",
      dir,
      "-R",
      "-X",
      "stream",
      "-c",
      "fast",
    ]);
    fs.appendFileSync(path.join(dir, "postgresql.auto.conf"), `port = ${PORTS.replica}\n`);
  }
  pgStart("replica");
}

/** A PgBouncer in transaction pooling in front of one server; any database name maps to the same on that server. */
export async function upBouncer(name: "bouncer-primary" | "bouncer-replica") {
  if (running(name)) return;
  const [listen, server] = name === "bouncer-primary" ? [PORTS.bouncerPrimary, PORTS.primary] : [PORTS.bouncerReplica, PORTS.replica];
  const config = path.join(STATE_DIR, `${name}.ini`);
  fs.writeFileSync(
    config,
    [
      "[databases]",
      `* = host=127.0.0.1 port=${server} user=postgres`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${listen}`,
      "unix_socket_dir =",
      // Loopback and the harness's own clients only; each database line names the server's user.
      "auth_type = any",
      "pool_mode = transaction",
      "max_client_conn = 1000",
      "default_pool_size = 20",
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
  );
  startDetached(name, "pgbouncer", [config], { asPostgres: true });
  await waitFor(
    name,
    () => portOpen(listen),
    15_000,
    () => logTail(name),
  );
}

/** s3rver in a process of its own (scripts/cluster/s3-server.ts), with the bucket. */
export async function upS3() {
  if (running("s3")) return;
  startDetached("s3", process.execPath, ["--import", "tsx", "scripts/cluster/s3-server.ts"]);
  await waitFor(
    "s3",
    () => portOpen(PORTS.s3),
    30_000,
    () => logTail("s3"),
  );
}

/** The secrets every instance shares, made once per state directory. */
function secret(name: string): string {
  const file = path.join(STATE_DIR, name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(24).toString("hex"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

export const metricsToken = () => secret("metrics-token");

/** Every setting an app instance gets (README «Scaling out» lists the same). */
export function appEnvironment(app: (typeof APPS)[number]): Record<string, string> {
  return {
    PORT: String(app.port),
    WEB_CONCURRENCY: "1",
    BACKGROUND_JOBS: app.role === "worker" ? "on" : "off",
    SERVE_USERS: app.role === "worker" ? "off" : "on",
    DATABASE_URL: URLS.bouncerPrimary,
    DIRECT_DATABASE_URL: URLS.primary,
    DATABASE_REPLICA_URL: URLS.bouncerReplica,
    REPLICA_MAX_LAG: "10",
    STORAGE_DRIVER: "s3",
    S3_ENDPOINT: URLS.s3,
    S3_REGION: "us-east-1",
    S3_BUCKET: BUCKET,
    S3_ACCESS_KEY_ID: S3_KEY,
    S3_SECRET_ACCESS_KEY: S3_KEY,
    NEXTAUTH_SECRET: secret("nextauth-secret"),
    NEXTAUTH_URL: URLS.balancer,
    TRUSTED_PROXIES: "127.0.0.1",
    METRICS_TOKEN: metricsToken(),
    LOG_LEVEL: "info",
    SHUTDOWN_GRACE_MS: "4000",
    // The e2e suite and the checks sign in many times from 127.0.0.1 (its throttle test fails 6 times).
    SIGN_IN_RATE_LIMIT: "1000",
    DATA_DIR: path.join(STATE_DIR, app.name),
  };
}

/** Starts an app instance as `npm start` does (scripts/start.ts: migrate, seed an empty database, serve). */
export function startApp(name: AppName) {
  if (running(name)) return;
  const app = APPS.find((candidate) => candidate.name === name)!;
  startDetached(name, process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    env: appEnvironment(app),
  });
}

/** An instance is up once its HTTP server answers at all (a worker serves users nothing, so 404 counts). */
export async function waitForApp(name: AppName, timeoutMs = 240_000) {
  const app = APPS.find((candidate) => candidate.name === name)!;
  await waitFor(
    name,
    async () => {
      if (!running(name)) throw new Error(`${name} exited:${logTail(name, 30)}`);
      const status = await httpStatus(`http://127.0.0.1:${app.port}/api/health`);
      return status !== undefined && status < 500;
    },
    timeoutMs,
    () => logTail(name, 30),
  );
}

/** The balancer's health check: /api/ready where the instances have it (issue 20's operator endpoints), else the sign-in page. */
async function healthPath(): Promise<string> {
  const status = await httpStatus(`http://127.0.0.1:${PORTS.webA}/api/ready`);
  return status === 200 || status === 503 ? "/api/ready" : "/login";
}

/** HAProxy: round robin over the two web instances, no stickiness, retries only when a connection fails. */
export async function upBalancer(log: Log) {
  if (!running("balancer")) await startBalancer(log);
  await waitFor("both web instances UP in the balancer", async () => (await serverStats()).every((s) => s.status === "UP"), 30_000);
}

async function startBalancer(log: Log) {
  const check = await healthPath();
  if (check !== "/api/ready") log("the instances have no /api/ready yet: the balancer checks /login");
  const config = path.join(STATE_DIR, "haproxy.cfg");
  fs.writeFileSync(
    config,
    [
      "global",
      "  log stdout format raw local0",
      `  stats socket ${HAPROXY_SOCKET} mode 600 level admin`,
      "  maxconn 4096",
      "defaults",
      "  mode http",
      "  log global",
      // One line per request: its id, the server that answered, status and timings (the checks read it).
      '  log-format "%ID %s %ST %Ta %HM %HU"',
      "  timeout connect 2s",
      "  timeout client 120s",
      "  timeout server 120s",
      // A request is retried (on the other server) only when its connection failed, never once sent:
      // an autosave must not be applied twice.
      "  retries 2",
      "  retry-on conn-failure",
      "  option redispatch 1",
      // A new server connection per request: one reused from the pool to a killed instance fails
      // once the request is sent (not a connection failure, so not retried), a new one is refused and retried.
      "  http-reuse never",
      "frontend web",
      `  bind 127.0.0.1:${PORTS.balancer}`,
      "  unique-id-format %{+X}o%ci%cp%fi%fp%Ts%rt%pid",
      "  unique-id-header X-Request-Id",
      "  option forwardfor",
      "  default_backend app",
      "backend app",
      "  balance roundrobin",
      "  option httpchk",
      `  http-check send meth GET uri ${check}`,
      "  http-check expect status 200",
      "  default-server inter 1s fall 2 rise 2",
      `  server web-a 127.0.0.1:${PORTS.webA} check`,
      `  server web-b 127.0.0.1:${PORTS.webB} check`,
      "listen stats",
      `  bind 127.0.0.1:${PORTS.stats}`,
      "  stats enable",
      "  stats uri /",
      "  stats refresh 5s",
      "",
    ].join("\n"),
  );
  startDetached("balancer", "haproxy", ["-f", config, "-db"]);
  await waitFor(
    "balancer",
    () => portOpen(PORTS.balancer),
    15_000,
    () => logTail("balancer"),
  );
  await waitFor("both web instances UP in the balancer", async () => (await serverStats()).every((s) => s.status === "UP"), 30_000);
}
