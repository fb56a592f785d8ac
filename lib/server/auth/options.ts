import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { ZSignIn } from "@/lib/schemas/auth";
import { checkSignInRateLimit } from "@/lib/server/rate-limit/check-sign-in-rate-limit";
import { refundRateLimit } from "@/lib/server/rate-limit/refund-rate-limit";
import { minutesLeft, SIGN_IN_MESSAGES } from "./lockout";
import { loadScope } from "./load-scope";
import { verifyCredentials } from "./verify-credentials";

const SESSION_HOURS = 8;

/**
 * Session cookies are `Secure` (and named with the `__Secure-`/`__Host-` prefixes)
 * exactly when the app is served over https (NEXTAUTH_URL); always httpOnly and
 * SameSite=Lax (next-auth's own cookie options, see next-auth/core/lib/cookie.js).
 */
export function secureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
}

/** next-auth configuration: credentials only, JWT sessions that carry the user id. */
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
    useSecureCookies: secureCookies(),
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Электронная почта и пароль",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const parsed = ZSignIn.safeParse(credentials);
          if (!parsed.success) throw new Error(SIGN_IN_MESSAGES.INVALID);
          // Per address, before the password is checked; the per-account lock-out follows.
          const gate = await checkSignInRateLimit(request?.headers);
          if (!gate.allowed) throw new Error(gate.message);
          const result = await verifyCredentials(parsed.data);
          if (result.ok) {
            if (gate.hit) await refundRateLimit(gate.hit);
            return { id: result.userId };
          }
          // The message reaches the sign-in form as `error`.
          if (result.reason === "LOCKED") {
            throw new Error(SIGN_IN_MESSAGES.locked(minutesLeft(new Date(), result.lockedUntil)));
          }
          throw new Error(SIGN_IN_MESSAGES.INVALID);
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          // When the person signed in, in ms. next-auth re-stamps `iat` every time it
          // re-issues the cookie, so `iat` cannot tell a session older than a
          // «Выйти на всех устройствах»; this claim is carried over unchanged.
          token.authTime = Date.now();
        } else if (typeof token.authTime !== "number") {
          // A session from before this claim existed: its last issue time, in ms.
          token.authTime = typeof token.iat === "number" ? token.iat * 1000 : 0;
        }
        return token;
      },
      // The session carries the memberships, read fresh on every request so that a
      // revoked membership, a deleted user or a «sign out everywhere» takes effect at once.
      async session({ session, token }) {
        const signedInAt = typeof token.authTime === "number" ? token.authTime : 0;
        const scope = token.sub ? await loadScope(token.sub, { signedInAt }) : null;
        return { ...session, scope };
      },
    },
  };
}
