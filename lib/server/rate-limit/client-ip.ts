import "server-only";
import { CLIENT_ADDRESS_HEADER } from "@/lib/domain/auth/client-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

/**
 * The client's address for per-address limits: the one the production server worked out from
 * the connection and TRUSTED_PROXIES (lib/server/launch/serve-worker.ts), which replaces any
 * copy a client sent. X-Forwarded-For is never read here. "unknown" without it (`next dev`).
 */
export function clientIp(headers: HeaderSource): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER];
  const address = (Array.isArray(value) ? value[0] : value)?.trim();
  return address || "unknown";
}
