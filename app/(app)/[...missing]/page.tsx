import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ALL_ROLES } from "@/lib/roles";
import { requireScope } from "@/lib/server/auth/with-scope";

export const metadata: Metadata = { title: "Страница не найдена" };

/**
 * Any address no other page answers: without a session the sign-in page, with one the 404
 * inside the app's shell ((app)/not-found.tsx) rather than outside it (app/not-found.tsx).
 */
export default async function UnknownAddress(): Promise<never> {
  await requireScope({ role: ALL_ROLES });
  notFound();
}
