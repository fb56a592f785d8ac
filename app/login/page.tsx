import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { homePathFor } from "@/lib/scope";
import { getScope } from "@/lib/server/auth/get-scope";

export const metadata: Metadata = { title: "Вход" };

export default async function LoginPage() {
  const scope = await getScope();
  const first = scope?.memberships[0];
  if (first) redirect(homePathFor(first.role));
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <h1 className="mb-1 text-2xl font-semibold">Методаудит</h1>
      <p className="mb-6 text-muted-foreground">Вход для сотрудников органов и организаций образования</p>
      <SignInForm />
    </main>
  );
}
