import "server-only";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's address for per-address limits: the first hop of X-Forwarded-For,
 * which Next.js fills with the connection's address when no proxy set it (see
 * next/dist/server/base-server.js), then X-Real-IP; "unknown" without either.
 * Behind a reverse proxy, the proxy must set X-Forwarded-For (overwriting what the
 * client sent); an app reachable directly should not be, as a client can then
 * name any address (the per-account lock-out still holds).
 */
export function clientIp(headers: HeaderSource): string {
  const forwarded = header(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || header(headers, "x-real-ip")?.trim() || "unknown";
  // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d.
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").toLowerCase();
}
