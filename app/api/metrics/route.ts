import { serveMetrics } from "@/lib/server/observability/serve-metrics";

/** Prometheus's scrape of this instance (lib/server/observability/serve-metrics.ts). */
export function GET(request: Request): Promise<Response> {
  return serveMetrics(request);
}
