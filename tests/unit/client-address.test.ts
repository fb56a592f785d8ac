import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, trustProxies } from "@/lib/domain/auth/client-address";
import { withClientAddress } from "@/lib/server/launch/with-client-address";

const request = (remoteAddress: string, forwardedFor?: string) => ({
  socket: { remoteAddress },
  headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
});

describe("the client's address", () => {
  it("is the connection's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    const none = trustProxies([]);
    expect(clientAddressOf(request("203.0.113.5", "198.51.100.1"), none)).toBe("203.0.113.5");
    expect(clientAddressOf(request("::ffff:203.0.113.5", "198.51.100.1"), none)).toBe("203.0.113.5");
    expect(clientAddressOf(request("2001:DB8::1"), none)).toBe("2001:db8::1");
  });

  it("from a trusted proxy: X-Forwarded-For from the right, skipping trusted proxies, up to the first untrusted hop", () => {
    const trust = trustProxies(["10.0.0.1", "192.168.0.0/16"]);
    expect(clientAddressOf(request("10.0.0.1", "198.51.100.1"), trust)).toBe("198.51.100.1");
    // A client's own X-Forwarded-For is the leftmost part: never reached past an untrusted hop.
    expect(clientAddressOf(request("10.0.0.1", "6.6.6.6, 198.51.100.1, 192.168.3.4"), trust)).toBe("198.51.100.1");
    expect(clientAddressOf(request("::ffff:10.0.0.1", "203.0.113.9"), trust)).toBe("203.0.113.9");
    // Without the header, the proxy itself.
    expect(clientAddressOf(request("10.0.0.1"), trust)).toBe("10.0.0.1");
    // From an untrusted address the header counts for nothing.
    expect(clientAddressOf(request("203.0.113.5", "198.51.100.1"), trust)).toBe("203.0.113.5");
  });

  it("is unknown without a connection address", () => {
    expect(clientAddressOf({ socket: {}, headers: {} }, trustProxies([]))).toBe("unknown");
  });
});

describe("the server's address header, over real connections", () => {
  // 127.0.0.2 plays a trusted reverse proxy, 127.0.0.3 a client that reaches the app directly.
  const server = http.createServer(
    withClientAddress(trustProxies(["127.0.0.2"]), async (req, res) => {
      res.end(String(req.headers[CLIENT_ADDRESS_HEADER]));
    }),
  );
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (localAddress: string, headers: Record<string, string>) =>
    new Promise<string>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, localAddress, headers, agent: false }, (res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk.toString()));
          res.on("end", () => resolve(body));
        })
        .on("error", reject);
    });

  it("ignores a forged X-Forwarded-For and a forged address header from a direct client", async () => {
    for (const forged of ["198.51.100.1", "198.51.100.2"]) {
      expect(await get("127.0.0.3", { "x-forwarded-for": forged, [CLIENT_ADDRESS_HEADER]: forged })).toBe("127.0.0.3");
    }
  });

  it("takes the forwarded client from a trusted proxy, and never the address header it passes on", async () => {
    expect(await get("127.0.0.2", { "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(await get("127.0.0.2", { "x-forwarded-for": "6.6.6.6, 203.0.113.9", [CLIENT_ADDRESS_HEADER]: "6.6.6.6" })).toBe("203.0.113.9");
  });

  it("answers 500 when the handler fails, as next start does", async () => {
    const failing = http.createServer(withClientAddress(trustProxies([]), () => Promise.reject(new Error("boom"))));
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    const status = await new Promise<number>((resolve) =>
      http.get({ host: "127.0.0.1", port: (failing.address() as AddressInfo).port, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }),
    );
    await new Promise<void>((resolve) => failing.close(() => resolve()));
    expect(status).toBe(500);
  });
});
