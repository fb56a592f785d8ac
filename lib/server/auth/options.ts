import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { ZSignIn } from "@/lib/schemas/auth";
import { minutesLeft, SIGN_IN_MESSAGES } from "./lockout";
import { loadScope } from "./load-scope";
import { verifyCredentials } from "./verify-credentials";

const SESSION_HOURS = 8;

/** next-auth configuration: credentials only, JWT sessions that carry the user id. */
export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Электронная почта и пароль",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials) {
          const parsed = ZSignIn.safeParse(credentials);
          if (!parsed.success) throw new Error(SIGN_IN_MESSAGES.INVALID);
          const result = await verifyCredentials(parsed.data);
          if (result.ok) return { id: result.userId };
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
        if (user) token.sub = user.id;
        return token;
      },
      // The session carries the memberships, read fresh on every request so that a
      // revoked membership or a deleted user takes effect at once.
      async session({ session, token }) {
        const scope = token.sub ? await loadScope(token.sub) : null;
        return { ...session, scope };
      },
    },
  };
}
