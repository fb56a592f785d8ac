import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { Scope } from "@/lib/scope";
import { authOptions } from "./options";

/** The caller's scope for this request, or null without a valid session. */
export const getScope = cache(async (): Promise<Scope | null> => {
  const session = (await getServerSession(authOptions())) as { scope?: Scope | null } | null;
  return session?.scope ?? null;
});
