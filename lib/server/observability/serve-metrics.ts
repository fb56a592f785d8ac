import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { instanceMetrics } from "./cluster-metrics";
import { logger } from "./logger";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Compared as hashes so that the time taken says nothing of the token, its length included. */
function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * GET /api/metrics: the instance's metrics in Prometheus's text format for a scraper that sends
 * `Authorization: Bearer <METRICS_TOKEN>`. Without the setting the endpoint does not exist (404);
 * a missing or wrong token is 401.
 */
export async function serveMetrics(request: Request): Promise<Response> {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response("Not Found", { status: 404 });
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!sameToken(given, token)) {
    return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  try {
    return new Response(await instanceMetrics(), {
      headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" },
    });
  } catch (error) {
    logger().error({ err: error }, "metrics not gathered");
    return new Response("Metrics unavailable", { status: 503 });
  }
}
