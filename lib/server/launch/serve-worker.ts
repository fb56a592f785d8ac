// One worker of the production cluster (cluster-primary.ts): Next.js's own request handler in a
// small HTTP server of ours, as `next start` runs it (start-server.js: an http server around the
// same router-server handlers). Ours adds, before Next sees a request:
// - the client's address, from the connection and TRUSTED_PROXIES, in a header of its own
//   (with-client-address.ts), because route handlers and next-auth's `authorize` never see the
//   connection, and `next start` passes a client's X-Forwarded-For on as the client sent it;
// - the request id (the balancer's X-Request-Id, else a new one) in the request's context, so that
//   every log line made while serving it carries it, echoed back with X-Served-By
//   (host:port/pid: which instance and worker answered);
// - one access log line and the request's duration in the metrics;
// - on a worker instance (SERVE_USERS=off), 503 to everything but the operator endpoints.
// Kept as `next start` has them: Node's default timeouts (keep-alive 5 s, headers 60 s, request
// 300 s; `next start` changes them only when given --keepAliveTimeout, which we never give) and
// the port shared through the cluster. The shutdown is ours (see `stop` below).
import { randomUUID } from "node:crypto";
import http from "node:http";
import os from "node:os";
import next from "next";
import { trustProxies } from "@/lib/domain/auth/client-address";
import { acceptedRequestId, isOperatorPath, metricRoute, routeLabel } from "@/lib/domain/observability/request-labels";
import { env } from "@/lib/env";
import { offerWorkerMetrics } from "@/lib/server/observability/cluster-metrics";
import { logger, sendConsoleToLogger } from "@/lib/server/observability/logger";
import { metrics } from "@/lib/server/observability/metrics";
import { runInRequest } from "@/lib/server/observability/request-context";
import { DRAIN_LIMIT_MS, isStopping, markStopping, runShutdownHooks } from "@/lib/server/observability/shutdown";
import { withClientAddress } from "./with-client-address";

const { PORT: port, TRUSTED_PROXIES, SERVE_USERS, SHUTDOWN_GRACE_MS } = env();
const log = logger();
// Next's own messages (a page's render error, its warnings) become JSON lines with the request's id too.
sendConsoleToLogger();
const { httpDuration } = metrics();
offerWorkerMetrics();

const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
await app.prepare();
// `next start` gives the app this origin (start-server.js): a server action's redirect is fetched from it.
process.env.__NEXT_PRIVATE_ORIGIN = `http://localhost:${port}`;

const SERVED_BY = `${os.hostname()}:${port}/${process.pid}`;
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const NOT_SERVING_USERS = "Этот экземпляр выполняет фоновые задачи и не обслуживает пользователей.";
const handle = withClientAddress(trustProxies(TRUSTED_PROXIES), app.getRequestHandler());

const server = http.createServer((request, response) => {
  const started = performance.now();
  const requestId = acceptedRequestId(request.headers["x-request-id"]) ?? randomUUID();
  request.headers["x-request-id"] = requestId;
  response.setHeader("X-Request-Id", requestId);
  response.setHeader("X-Served-By", SERVED_BY);
  // A stopping worker still answers, but each connection's next request goes to a fresh one (another instance).
  if (isStopping()) response.setHeader("Connection", "close");
  const method = METHODS.has(request.method ?? "") ? request.method! : "OTHER";
  const route = routeLabel(request.url ?? "/");
  response.once("close", () => {
    const ms = performance.now() - started;
    // A client that went away before the end is told apart from a finished answer of the same status.
    const status = response.writableFinished ? response.statusCode : 499;
    httpDuration.observe({ route: metricRoute(route, status), method, status: String(status) }, ms / 1000);
    log.info({ requestId, method, route, status, ms: Math.round(ms) }, "request");
  });
  runInRequest({ requestId }, () => {
    if (SERVE_USERS === "off" && !isOperatorPath(request.url ?? "/")) {
      response.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      response.end(NOT_SERVING_USERS);
      return;
    }
    handle(request, response);
  });
});
server.listen(port, () => log.info({ port, servingUsers: SERVE_USERS === "on" }, "server worker ready"));

/** How often idle keep-alive connections are closed while the last requests finish. */
const SWEEP_MS = 200;

/**
 * A rolling restart's stop (SIGTERM): /api/ready answers 503 at once and the worker keeps serving
 * for SHUTDOWN_GRACE_MS, so the balancer's health check takes the instance out; then the port
 * closes, idle keep-alive connections are closed as they become idle, the requests in flight
 * finish, the job queue stops gracefully (shutdown hooks), Next closes, and the worker exits 0:
 * it stopped as asked, nothing failed. SIGINT (Ctrl+C at a terminal, no balancer) skips the grace.
 */
async function stop(signal: NodeJS.Signals) {
  markStopping();
  const graceMs = signal === "SIGTERM" ? SHUTDOWN_GRACE_MS : 0;
  log.info({ signal, graceMs }, "stopping: /api/ready answers 503");
  await new Promise((resolve) => setTimeout(resolve, graceMs));

  log.info("closing the port; finishing the requests in flight");
  const closed = new Promise((resolve) => server.close(resolve));
  const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
  const limit = setTimeout(() => {
    log.warn({ limitMs: DRAIN_LIMIT_MS }, "requests still running after the drain limit: cutting them");
    server.closeAllConnections();
  }, DRAIN_LIMIT_MS);
  await closed;
  clearInterval(sweep);
  clearTimeout(limit);

  await runShutdownHooks((error) => log.error({ err: error }, "a shutdown step failed"));
  await app.close();
  log.info("stopped");
  process.exit(0);
}
// Listened to for good, not once: the same stop often arrives twice (from the primary and from a
// service manager or a terminal signalling the whole process group), and a second one must not kill.
const stopOn = (signal: NodeJS.Signals) => () => {
  if (!isStopping()) void stop(signal);
};
process.on("SIGTERM", stopOn("SIGTERM"));
process.on("SIGINT", stopOn("SIGINT"));
