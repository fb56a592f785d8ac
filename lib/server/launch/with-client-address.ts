import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, type TrustProxy } from "@/lib/domain/auth/client-address";
import { routeLabel } from "@/lib/domain/observability/request-labels";
import { logger } from "@/lib/server/observability/logger";

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * A request listener that sets the client's address header (from the connection and the trusted
 * proxies) before `handler` sees the request; a copy the client sent under that name is replaced.
 * A handler that fails answers 500, as `next start` does.
 */
export function withClientAddress(trust: TrustProxy, handler: Handler) {
  return (request: IncomingMessage, response: ServerResponse) => {
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(request, trust);
    handler(request, response).catch((error: unknown) => {
      // The route pattern, not the URL: a query string can hold a search for a child's name.
      logger().error({ err: error, method: request.method, route: routeLabel(request.url ?? "/") }, "request failed");
      if (!response.headersSent) response.statusCode = 500;
      response.end("Internal Server Error");
    });
  };
}
