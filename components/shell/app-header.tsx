import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { hasAnyRole, homePathFor, ROLE_LABELS, type Scope } from "@/lib/scope";

const HOME_LABELS = { "/region": "Регион", "/municipality": "Муниципалитет", "/school": "Школа" } as const;

export function AppHeader({ scope }: { scope: Scope }) {
  const homes = [...new Set(scope.memberships.map((m) => homePathFor(m.role)))];
  return (
    <header className="border-b border-border bg-background">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-6 py-3">
        <Link href="/" className="text-lg font-semibold text-primary">
          Методаудит
        </Link>
        <nav aria-label="Разделы" className="flex flex-wrap gap-4 text-sm">
          {homes.map((home) => (
            <Link key={home} href={home} className="hover:underline">
              {HOME_LABELS[home]}
            </Link>
          ))}
          {hasAnyRole(scope, ["REGION_ADMIN"]) && (
            <Link href="/region/users" className="hover:underline">
              Пользователи
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span>
            <span className="font-medium">{scope.name}</span>
            <span className="block text-xs text-muted-foreground">
              {scope.memberships.map((m) => `${ROLE_LABELS[m.role]}: ${m.scopeName}`).join("; ")}
            </span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
