// One worker of the production cluster (cluster-primary.ts): Next.js's own request handler in a
// small HTTP server of ours, as `next start` runs it (start-server.js: an http server around the
// same router-server handlers). Ours adds one thing: it works out the client's address from the
// connection and TRUSTED_PROXIES and hands it to the app in a header of its own
// (with-client-address.ts), because route handlers and next-auth's `authorize` never see the
// connection, and `next start` passes a client's X-Forwarded-For on as the client sent it.
// Kept as `next start` has them: Node's default timeouts (keep-alive 5 s, headers 60 s, request
// 300 s; `next start` changes them only when given --keepAliveTimeout, which we never give), the
// port shared through the cluster, and on SIGTERM/SIGINT: no new connections, the requests in
// flight finish, Next.js closes, exit 143/130.
import http from "node:http";
import next from "next";
import { trustProxies } from "@/lib/domain/auth/client-address";
import { env } from "@/lib/env";
import { withClientAddress } from "./with-client-address";

const { PORT: port, TRUSTED_PROXIES } = env();
const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
await app.prepare();
// `next start` gives the app this origin (start-server.js): a server action's redirect is fetched from it.
process.env.__NEXT_PRIVATE_ORIGIN = `http://localhost:${port}`;

const server = http.createServer(withClientAddress(trustProxies(TRUSTED_PROXIES), app.getRequestHandler()));
server.listen(port, () => console.log(`[metodaudit] server worker ${process.pid} ready on port ${port}`));

function stop(signal: NodeJS.Signals) {
  server.close(() => {
    void app.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}
process.once("SIGTERM", () => stop("SIGTERM"));
process.once("SIGINT", () => stop("SIGINT"));
