// Talking to the production server under test: a free port, waiting for it to answer, signing
// in as the login form does, and a server action's id in the build. Shared by the HTTP suite
// (bench/suites/http.ts) and the soak (bench/soak.ts).
import net from "node:net";
import { BENCH_PASSWORD } from "./fixtures";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

export async function csrf(base: string) {
  const response = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookiesOf(response).join("; ") };
}

export const signInBody = (email: string, csrfToken: string, base: string) =>
  new URLSearchParams({ email, password: BENCH_PASSWORD, csrfToken, callbackUrl: base, json: "true" }).toString();

/** Signs in through next-auth's credentials endpoint, as the login form does; returns the session cookie. */
export async function signIn(base: string, email: string): Promise<string> {
  const { csrfToken, cookie } = await csrf(base);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: signInBody(email, csrfToken, base),
  });
  const session = cookiesOf(response).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  return session;
}

/** Waits until `path` answers 2xx: the sign-in page, or /api/health for a worker instance that serves no pages. */
export async function waitForServer(base: string, server: { exitCode: number | null }, timeoutMs = 120_000, path = "/login") {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}${path}`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the server did not answer on ${base} in ${timeoutMs / 1000} s`);
}
