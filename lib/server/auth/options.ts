import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { SIGN_IN_MESSAGES } from "@/lib/domain/auth/sign-in-throttle";
import { env } from "@/lib/env";
import { ZSignIn } from "@/lib/schemas/auth";
import { clientIp } from "@/lib/server/rate-limit/client-ip";
import { attemptSignIn } from "./attempt-sign-in";
import { createAuthSession } from "./create-auth-session";
import { loadSessionScope } from "./load-scope";
import { revokeAuthSession } from "./revoke-auth-session";
import { logger } from "@/lib/server/observability/logger";

const SESSION_HOURS = 8;
const SESSION_SECONDS = SESSION_HOURS * 60 * 60;

/**
 * Session cookies are `Secure` (and named with the `__Secure-`/`__Host-` prefixes)
 * exactly when the app is served over https (NEXTAUTH_URL); always httpOnly and
 * SameSite=Lax (next-auth's own cookie options, see next-auth/core/lib/cookie.js).
 */
export function secureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
}

/**
 * next-auth configuration: credentials only; the JWT cookie carries the user id and the id of
 * the session's row (`sid`), which sign-out revokes on the server. A token without `sid`
 * (issued before sessions were kept) opens nothing.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_SECONDS },
    useSecureCookies: secureCookies(),
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Электронная почта и пароль",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const parsed = ZSignIn.safeParse(credentials);
          if (!parsed.success) throw new Error(SIGN_IN_MESSAGES.INVALID);
          const result = await attemptSignIn({ ...parsed.data, address: clientIp(request?.headers) }).catch((error: unknown) => {
            // A failure of the database is logged; the form gets no internals.
            logger().error({ err: error }, "sign-in failed");
            return { ok: false as const, message: SIGN_IN_MESSAGES.FAILED };
          });
          // The message reaches the sign-in form as `error`.
          if (!result.ok) throw new Error(result.message);
          return { id: result.userId };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          // The session's row lives as long as the cookie: 8 hours from sign-in.
          token.sid = (await createAuthSession({ userId: user.id, maxAgeSeconds: SESSION_SECONDS })).id;
        }
        return token;
      },
      // The session carries the memberships, read fresh on every request with the session's row,
      // so that a revoked membership, a deleted user or a sign-out takes effect at once.
      async session({ session, token }) {
        const scope =
          token.sub && typeof token.sid === "string" ? await loadSessionScope({ userId: token.sub, sessionId: token.sid }) : null;
        return { ...session, scope };
      },
    },
    events: {
      // next-auth hands the decoded cookie of the browser that signs out.
      async signOut({ token }) {
        if (token?.sub && typeof token.sid === "string") await revokeAuthSession({ userId: token.sub, sessionId: token.sid });
      },
    },
  };
}
