/**
 * The label a request's duration is recorded under: its path with the ids taken out, so that one
 * route is one time series whatever it is asked about. The worker's HTTP server sees only the raw
 * URL, not Next's route pattern, hence the guess: a segment that is a UUID, a number or a long
 * token with digits (ids, hashes, file names) becomes [id]. Next's build files are one label, as
 * are the public icons.
 */
export function routeLabel(url: string): string {
  const path = url.split(/[?#]/, 1)[0] || "/";
  if (path.startsWith("/_next/")) return "/_next/[asset]";
  if (path.startsWith("/icons/")) return "/icons/[asset]";
  const segments = path.split("/").map((segment) => (isId(segment) ? "[id]" : segment));
  return segments.join("/") || "/";
}

/**
 * The series a finished request is counted in: its route (routeLabel), except that every 404 shares one, so
 * that scanners asking for thousands of made-up addresses cannot make thousands of series.
 */
export function metricRoute(route: string, status: number): string {
  return status === 404 ? "[not found]" : route;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isId(segment: string): boolean {
  if (segment === "") return false;
  if (UUID.test(segment) || /^\d+$/.test(segment)) return true;
  return segment.length >= 8 && /\d/.test(segment);
}

/** The paths a worker instance (SERVE_USERS=off) still answers: the balancer's and Prometheus's. */
export const OPERATOR_PATHS: readonly string[] = ["/api/health", "/api/ready", "/api/metrics"];

export function isOperatorPath(url: string): boolean {
  return OPERATOR_PATHS.includes(url.split(/[?#]/, 1)[0] ?? "");
}

/**
 * The request id to carry: the balancer's X-Request-Id when it is a sane token (it goes into
 * every log line and back to the client), else none and the server makes one.
 */
export function acceptedRequestId(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:@-]{1,128}$/.test(value) ? value : undefined;
}
