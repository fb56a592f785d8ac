// The cluster's fixed layout: one block of loopback ports (55400–55449, far from the defaults of
// PostgreSQL, PgBouncer, Next.js and the e2e servers) and one state directory, so that `up`, `check`,
// `status` and `down` agree on where every piece is without a registry of their own.
import path from "node:path";

export const STATE_DIR = path.resolve(".data/cluster");
export const PIDS_DIR = path.join(STATE_DIR, "pids");
export const LOGS_DIR = path.join(STATE_DIR, "logs");

export const PORTS = {
  balancer: 55400,
  stats: 55409,
  primary: 55401,
  replica: 55402,
  bouncerPrimary: 55411,
  bouncerReplica: 55412,
  s3: 55420,
  webA: 55431,
  webB: 55432,
  worker: 55433,
} as const;

export const DATABASE = "metodaudit";
export const BUCKET = "metodaudit-files";
/** s3rver's own credentials: it checks every request's signature against them. */
export const S3_KEY = "S3RVER";
/** Loopback only and nothing but this harness's own clients: the PostgreSQL servers and PgBouncers trust them. */
const pgUrl = (port: number, database = DATABASE) => `postgresql://postgres@127.0.0.1:${port}/${database}`;

export const URLS = {
  balancer: `http://127.0.0.1:${PORTS.balancer}`,
  stats: `http://127.0.0.1:${PORTS.stats}/`,
  s3: `http://127.0.0.1:${PORTS.s3}`,
  primary: pgUrl(PORTS.primary),
  replica: pgUrl(PORTS.replica),
  bouncerPrimary: pgUrl(PORTS.bouncerPrimary),
  bouncerReplica: pgUrl(PORTS.bouncerReplica),
};

export const pgDataDir = (name: "primary" | "replica") => path.join(STATE_DIR, `pg-${name}`);
export const logFile = (name: string) => path.join(LOGS_DIR, `${name}.log`);
export const pidFile = (name: string) => path.join(PIDS_DIR, `${name}.pid`);
export const HAPROXY_SOCKET = path.join(STATE_DIR, "haproxy.sock");

export type AppName = "web-a" | "web-b" | "worker";
export const APPS: { name: AppName; port: number; role: "web" | "worker" }[] = [
  { name: "web-a", port: PORTS.webA, role: "web" },
  { name: "web-b", port: PORTS.webB, role: "web" },
  { name: "worker", port: PORTS.worker, role: "worker" },
];
export const appUrl = (name: AppName) => `http://127.0.0.1:${APPS.find((app) => app.name === name)!.port}`;
