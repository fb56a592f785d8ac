// `npm run cluster -- up|status|check|down`: the scale-out of README «Scaling out», on this machine's
// loopback: a PostgreSQL primary and a streaming replica, a PgBouncer (transaction pooling) in
// front of each, s3rver, two web instances and a worker instance of the production build, HAProxy
// in front of the web instances. Not a test of `npm test`: it installs Debian packages and takes minutes.
//   up      installs what is missing, builds once, starts every piece not running, prints the URLs
//   status  every piece's state
//   check   the scale-out checks against the running cluster (a table; exit 1 on any failure);
//           `check 5 2` runs only those
//   down    stops exactly what `up` started (recorded pids, pg_ctl)
import { ensureBuild } from "@/lib/server/launch/ensure-build";
import { runChecks } from "./check";
import { APPS, PORTS, STATE_DIR, URLS } from "./layout";
import { ensureTools, pgRunning, pgStop, startApp, upBalancer, upBouncer, upPrimary, upReplica, upS3, waitForApp } from "./pieces";
import { alive, httpStatus, portOpen, recordedPid, stopPiece } from "./processes";
import { serverStats } from "./haproxy";

const log = (line: string) => console.log(`[cluster] ${line}`);

async function up() {
  log(`state and logs in ${STATE_DIR}; loopback ports ${PORTS.balancer}–${PORTS.worker}`);
  ensureTools(log);
  // The instances share this checkout's .next: built once here, before any of them starts.
  ensureBuild(log);
  log("PostgreSQL primary…");
  await upPrimary(log);
  log("PostgreSQL replica…");
  upReplica(log);
  log("PgBouncers, s3rver…");
  await Promise.all([upBouncer("bouncer-primary"), upBouncer("bouncer-replica"), upS3()]);
  log("app instances (started together: one of them migrates)…");
  for (const app of APPS) startApp(app.name);
  await Promise.all(APPS.map((app) => waitForApp(app.name)));
  log("HAProxy…");
  await upBalancer(log);
  await status();
}

async function down() {
  for (const name of ["balancer", ...APPS.map((app) => app.name), "s3", "bouncer-primary", "bouncer-replica"]) {
    if (await stopPiece(name)) log(`stopped ${name}`);
  }
  for (const name of ["replica", "primary"] as const) if (pgStop(name)) log(`stopped PostgreSQL ${name}`);
  const listening = [];
  for (const port of Object.values(PORTS)) if (await portOpen(port)) listening.push(port);
  if (listening.length > 0) {
    log(`still listening: ${listening.join(", ")}`);
    process.exitCode = 1;
  } else log("nothing of the cluster listens any more");
}

async function status() {
  const stats = await serverStats().catch(() => []);
  const rows: [string, string, string][] = [];
  const piece = (name: string, url: string, state: string) => rows.push([name, url, state]);
  const pidState = (name: string) => {
    const pid = recordedPid(name);
    return alive(pid) ? `running (pid ${pid})` : "stopped";
  };
  const balancerState = stats.map((s) => `${s.server} ${s.status}`).join(", ");
  piece("balancer (HAProxy)", URLS.balancer, `${pidState("balancer")}${balancerState ? `; ${balancerState}` : ""}`);
  piece("balancer stats", URLS.stats, (await portOpen(PORTS.stats)) ? "up" : "down");
  for (const app of APPS) {
    const base = `http://127.0.0.1:${app.port}`;
    const ready = await httpStatus(`${base}/api/ready`);
    const role = app.role === "worker" ? "worker: BACKGROUND_JOBS=on SERVE_USERS=off" : "web: BACKGROUND_JOBS=off";
    piece(`${app.name} (${role})`, base, `${pidState(app.name)}${ready ? `; /api/ready ${ready}` : ""}`);
  }
  piece("S3 (s3rver)", URLS.s3, pidState("s3"));
  piece("PgBouncer → primary", URLS.bouncerPrimary, pidState("bouncer-primary"));
  piece("PgBouncer → replica", URLS.bouncerReplica, pidState("bouncer-replica"));
  piece("PostgreSQL primary", URLS.primary, pgRunning("primary") ? "running" : "stopped");
  piece("PostgreSQL replica", URLS.replica, pgRunning("replica") ? "running (streaming standby)" : "stopped");
  const width = (column: 0 | 1) => Math.max(...rows.map((row) => row[column].length));
  for (const [name, url, state] of rows) console.log(`${name.padEnd(width(0))}  ${url.padEnd(width(1))}  ${state}`);
}

const commands: Record<string, () => Promise<void>> = { up, down, status, check: runChecks };
const command = commands[process.argv[2] ?? ""];
if (!command) {
  console.error("usage: npm run cluster -- up|status|check [N…]|down");
  process.exit(2);
}
try {
  await command();
} catch (error) {
  console.error(`[cluster] ${process.argv[2]} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
