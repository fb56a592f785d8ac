import type { ChildProcess } from "node:child_process";
import http from "node:http";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuild } from "@/lib/server/launch/ensure-build";
import { serveNext, stopChild } from "@/lib/server/launch/serve-next";
import { freePort, waitForServer } from "../../bench/http/server";
import { type Answer, rawRequest } from "../support/raw-request";
import { useTestDatabase } from "../support/test-database";

// The operator's side of the production server, through its real HTTP stack (the build served by
// the cluster of serve-worker.ts): the balancer's probes, the request id in the answers and the
// log, the metrics of the whole instance (two workers), a graceful stop under a request in
// flight, and a worker instance (SERVE_USERS=off) that serves no user.

const databaseUrl = useTestDatabase();
const TOKEN = "metrics-token-for-the-test-0123";
const GRACE_MS = 4_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Running {
  base: string;
  child: ChildProcess;
  /** The server's stdout, line by line: the JSON log. */
  log: string[];
}

async function start(settings: Record<string, string>, probe: string): Promise<Running> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = serveNext({
    port,
    output: "pipe",
    env: {
      DATABASE_URL: databaseUrl(),
      NEXTAUTH_SECRET: "ops-test-secret-0123456789-0123456789-0123",
      NEXTAUTH_URL: base,
      ...settings,
    },
  });
  const log: string[] = [];
  readline.createInterface({ input: child.stdout! }).on("line", (line) => log.push(line));
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  await waitForServer(base, child, 120_000, probe);
  return { base, child, log };
}

/** Asks until `done` holds (a server's background start-up, a port closing), for at most a minute. */
async function until<T>(ask: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await ask();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const json = (answer: Answer) => JSON.parse(answer.body) as Record<string, unknown>;
const logLines = (server: Running) =>
  server.log.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });

/** The sum of a histogram's counts over the series of one route. */
function countOf(metrics: string, route: string): number {
  return metrics
    .split("\n")
    .filter((line) => line.startsWith("http_request_duration_seconds_count{") && line.includes(`route="${route}"`))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
}

/** GET /api/health through `agent` (a keep-alive one reuses its connection): the status and the Connection header. */
function viaAgent(agent: http.Agent) {
  return new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
    http
      .get(`${web.base}/api/health`, { agent }, (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
      })
      .on("error", reject);
  });
}

let web: Running;
let worker: Running;

beforeAll(async () => {
  ensureBuild((line) => console.log(`[operator-endpoints] ${line}`));
  [web, worker] = await Promise.all([
    start({ WEB_CONCURRENCY: "2", METRICS_TOKEN: TOKEN, SHUTDOWN_GRACE_MS: String(GRACE_MS) }, "/login"),
    start({ SERVE_USERS: "off", SHUTDOWN_GRACE_MS: "0" }, "/api/health"),
  ]);
}, 15 * 60_000);

afterAll(async () => {
  await Promise.all([web, worker].filter(Boolean).map((server) => stopChild(server.child)));
});

describe("a web instance", () => {
  it("answers the liveness probe and says which worker answered", async () => {
    const answer = await rawRequest(web.base, "/api/health");
    expect(answer.status).toBe(200);
    expect(json(answer)).toEqual({ status: "ok" });
    expect(answer.headers["x-served-by"]).toMatch(/^.+:\d+\/\d+$/);
  });

  it("is ready once its database, storage and queue answer, and shows each one's state", async () => {
    const answer = await until(
      () => rawRequest(web.base, "/api/ready"),
      (a) => a.status === 200,
    );
    expect(answer.status).toBe(200);
    const body = json(answer) as { status: string; checks: Record<string, { state: string; ms: number }> };
    expect(body.status).toBe("ready");
    expect(Object.fromEntries(Object.entries(body.checks).map(([name, check]) => [name, check.state]))).toEqual({
      database: "ok",
      replica: "off",
      storage: "ok",
      queue: "ok",
    });
    for (const check of Object.values(body.checks)) expect(check.ms).toBeGreaterThanOrEqual(0);
    expect(answer.body).not.toContain("postgres");
  });

  it("carries the balancer's request id into the answer and the access log, and makes one when none is sent", async () => {
    const requestId = `lb-${Date.now()}`;
    const answer = await rawRequest(web.base, "/login", { headers: { "X-Request-Id": requestId } });
    expect(answer.status).toBe(200);
    expect(answer.headers["x-request-id"]).toBe(requestId);
    const line = await until(
      async () => logLines(web).find((l) => l.requestId === requestId && l.msg === "request"),
      (found) => found !== undefined,
    );
    expect(line).toMatchObject({ level: "info", method: "GET", route: "/login", status: 200, requestId });

    expect((await rawRequest(web.base, "/api/health")).headers["x-request-id"]).toMatch(UUID);
  });

  it("serves its metrics only with the token", async () => {
    expect((await rawRequest(web.base, "/api/metrics")).status).toBe(401);
    const wrong = await rawRequest(web.base, "/api/metrics", { headers: { Authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain("http_request_duration_seconds");
  });

  it("shows the whole instance in one scrape: the requests of both workers, the queue, Node's own", async () => {
    const route = "/api/files/[id]";
    const servedBy = new Set<string>();
    for (let i = 0; i < 6; i++) {
      // New connections: the cluster hands them to its workers in turn. Without a session each is a 401.
      const answer = await rawRequest(web.base, `/api/files/${crypto.randomUUID()}`);
      expect(answer.status).toBe(401);
      servedBy.add(String(answer.headers["x-served-by"]));
    }
    expect(servedBy.size).toBe(2);
    // A request is counted when its answer has been sent, which may be a moment after the client read it.
    const scrape = await until(
      () => rawRequest(web.base, "/api/metrics", { headers: { Authorization: `Bearer ${TOKEN}` } }),
      (answer) => countOf(answer.body, route) >= 6,
    );
    expect(scrape.status).toBe(200);
    expect(scrape.headers["content-type"]).toContain("text/plain");
    expect(countOf(scrape.body, route)).toBe(6);
    expect(scrape.body).toMatch(/^job_queue_depth\{queue="report"\} \d+$/m);
    expect(scrape.body).toContain("# TYPE job_duration_seconds histogram");
    expect(scrape.body).toContain("# TYPE db_pool_connections gauge");
    expect(scrape.body).toMatch(/^process_cpu_user_seconds_total \d/m);
    // No replica configured: its gauges have no value rather than a misleading 0.
    expect(scrape.body).toContain("# TYPE db_replica_up gauge");
    expect(scrape.body).not.toMatch(/^db_replica_(up|lag_seconds)\b/m);
  });

  it("stops gracefully: not ready at once, serving through the grace, the request in flight finished, exit 0", async () => {
    // A sign-in whose form arrives slowly: the server cannot answer before the last byte.
    const form = "email=slow%40ops.test&password=wrong-password&csrfToken=none&json=true";
    const slow = http.request(`${web.base}/api/auth/callback/credentials`, {
      method: "POST",
      agent: false,
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(form)) },
    });
    const answered = new Promise<number>((resolve, reject) => {
      slow.on("response", (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      slow.on("error", reject);
    });
    slow.write(form.slice(0, 10));
    await new Promise((resolve) => slow.once("socket", resolve));
    const exited = new Promise<number | null>((resolve) => web.child.once("exit", (code) => resolve(code)));
    // A browser's keep-alive connection, opened before the stop.
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect((await viaAgent(keepAlive)).connection).toBe("keep-alive");

    web.child.kill("SIGTERM");
    const ready = await until(
      () => rawRequest(web.base, "/api/ready"),
      (a) => a.status === 503,
    );
    expect(ready.status).toBe(503);
    expect(json(ready).status).toBe("stopping");
    // Still serving during the grace: the balancer's probe is what takes the instance out; a
    // keep-alive connection gets its answer and is then closed, so its next request goes elsewhere.
    expect((await rawRequest(web.base, "/api/health")).status).toBe(200);
    // (Asked again until it holds: the primary signals both workers, and this connection's may be a moment behind.)
    const reused = await until(
      () => viaAgent(keepAlive),
      (answer) => answer.connection === "close",
    );
    expect(reused).toEqual({ status: 200, connection: "close" });
    keepAlive.destroy();

    // Then the port closes while the sign-in is still being sent…
    const refused = await until(
      () =>
        rawRequest(web.base, "/api/health").then(
          () => "answered",
          (error: NodeJS.ErrnoException) => error.code ?? "error",
        ),
      (outcome) => outcome === "ECONNREFUSED",
    );
    expect(refused).toBe("ECONNREFUSED");
    expect(web.child.exitCode).toBeNull();

    // …and it is still answered once its form is complete.
    slow.end(form.slice(10));
    const status = await answered;
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).toBeLessThan(500);
    expect(await exited).toBe(0);
    expect(logLines(web).some((line) => line.msg === "stopped")).toBe(true);
  });
});

describe("a worker instance (SERVE_USERS=off)", () => {
  it("answers the balancer's probes, from its one server worker", async () => {
    const servedBy = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const answer = await rawRequest(worker.base, "/api/health");
      expect(answer.status).toBe(200);
      servedBy.add(String(answer.headers["x-served-by"]));
    }
    expect(servedBy.size).toBe(1);
    const ready = await until(
      () => rawRequest(worker.base, "/api/ready"),
      (a) => a.status === 200,
    );
    expect(json(ready).status).toBe("ready");
  });

  it("refuses every user's address with 503 and a message saying why", async () => {
    for (const [path, method] of [
      ["/login", "GET"],
      ["/", "GET"],
      ["/api/auth/callback/credentials", "POST"],
      [`/api/blanks/${crypto.randomUUID()}/answers`, "PATCH"],
    ] as const) {
      const answer = await rawRequest(worker.base, path, { method });
      expect(answer.status, `${method} ${path}`).toBe(503);
      expect(answer.body).toBe("Этот экземпляр выполняет фоновые задачи и не обслуживает пользователей.");
      expect(answer.headers["x-served-by"]).toBeDefined();
    }
  });

  it("has no metrics endpoint without METRICS_TOKEN", async () => {
    expect((await rawRequest(worker.base, "/api/metrics")).status).toBe(404);
  });
});
