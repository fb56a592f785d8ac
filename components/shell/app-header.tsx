import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SignOutEverywhere } from "@/components/auth/sign-out-everywhere";
import { hasAnyRole, homePathFor, type Scope } from "@/lib/scope";
import { REGION_ADMINS, REGION_STAFF, ROLE_LABELS, SCHOOL_COORDINATORS, SUPERVISORS } from "@/lib/roles";

const HOME_LABELS = { "/region": "Регион", "/municipality": "Муниципалитет", "/school": "Школа" } as const;

export function AppHeader({ scope, unread }: { scope: Scope; unread: number }) {
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
          <Link href="/blanks" className="hover:underline">
            Бланки
          </Link>
          <Link href="/findings" className="hover:underline">
            Замечания
          </Link>
          <Link href="/documents" className="hover:underline">
            Документы
          </Link>
          <Link href="/plans" className="hover:underline">
            Планы
          </Link>
          <Link href="/reports" className="hover:underline">
            Отчёты
          </Link>
          {hasAnyRole(scope, SCHOOL_COORDINATORS) && (
            <Link href="/school/students" className="hover:underline">
              Учёт ДОТ
            </Link>
          )}
          {hasAnyRole(scope, SUPERVISORS) && (
            <Link href="/region/students" className="hover:underline">
              Учёт ДОТ (численность)
            </Link>
          )}
          {hasAnyRole(scope, REGION_STAFF) && (
            <>
              <Link href="/region/campaigns" className="hover:underline">
                Кампании
              </Link>
              <Link href="/region/templates" className="hover:underline">
                Шаблоны
              </Link>
              <Link href="/region/coordinators" className="hover:underline">
                Координаторы
              </Link>
            </>
          )}
          {hasAnyRole(scope, SUPERVISORS) && (
            <Link href="/dynamics" className="hover:underline">
              Динамика
            </Link>
          )}
          {hasAnyRole(scope, REGION_ADMINS) && (
            <>
              <Link href="/region/users" className="hover:underline">
                Пользователи
              </Link>
              <Link href="/region/audit" className="hover:underline">
                Журнал изменений
              </Link>
            </>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <Link href="/notifications" className="hover:underline">
            Уведомления{unread > 0 && <span className="ml-1 rounded-full bg-primary px-2 text-xs text-primary-foreground">{unread}</span>}
          </Link>
          <span>
            <span className="font-medium">{scope.name}</span>
            <span className="block text-xs text-muted-foreground">
              {scope.memberships.map((m) => `${ROLE_LABELS[m.role]}: ${m.scopeName}`).join("; ")}
            </span>
          </span>
          <SignOutEverywhere />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
