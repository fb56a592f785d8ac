import type { IncomingHttpHeaders } from "node:http";
import proxyAddr from "proxy-addr";

/**
 * The client's address as the production server worked it out (lib/server/launch/serve-worker.ts):
 * a request header of our own, which the server deletes from what the client sent and sets itself,
 * because a route handler (and next-auth's `authorize`) never sees the connection.
 */
export const CLIENT_ADDRESS_HEADER = "x-metodaudit-client-address";

/** Whether the hop at `address` is a trusted reverse proxy. */
export type TrustProxy = (address: string, hop: number) => boolean;

/** The trust test of TRUSTED_PROXIES (addresses and CIDR ranges); an empty list trusts nobody. */
export function trustProxies(list: readonly string[]): TrustProxy {
  return proxyAddr.compile([...list]);
}

/** An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d; the same client either way. */
export function normaliseAddress(address: string): string {
  return address
    .trim()
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1")
    .toLowerCase();
}

/**
 * The client's address, as Express's `trust proxy` finds it (proxy-addr is its implementation):
 * the socket's address; only when that is a trusted proxy, X-Forwarded-For read from the right,
 * skipping trusted proxies, up to the first hop that is not one. A client that sends its own
 * X-Forwarded-For straight to the app changes nothing.
 */
export function clientAddressOf(request: { socket: { remoteAddress?: string }; headers: IncomingHttpHeaders }, trust: TrustProxy): string {
  if (!request.socket.remoteAddress) return "unknown";
  return normaliseAddress(proxyAddr(request as Parameters<typeof proxyAddr>[0], trust));
}
