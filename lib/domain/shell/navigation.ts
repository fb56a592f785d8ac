/**
 * The app's menu, pure: which sections a caller's roles open, grouped as the
 * sidebar and the phone's drawer show them, and which item a path belongs to.
 */
import { hasAnyRole, homePathFor, type Scope } from "@/lib/scope";
import { ALL_ROLES, REGION_ADMINS, REGION_STAFF, type Role, SCHOOL_COORDINATORS, SUPERVISORS } from "@/lib/roles";

export interface NavItem {
  href: string;
  label: string;
  /** Paths of the item's nested pages that live elsewhere (a campaign's page /campaigns/… is under «Кампании»). */
  nested?: string[];
}

export interface NavGroup {
  label: string;
  items: NavItem[];
}

interface Entry extends NavItem {
  roles: readonly Role[];
}

const HOME_LABELS = { "/region": "Регион", "/municipality": "Муниципалитет", "/school": "Школа" } as const;

const GROUPS: Array<{ label: string; entries: Entry[] }> = [
  {
    label: "Аудит",
    entries: [
      { href: "/region/campaigns", label: "Кампании", roles: REGION_STAFF, nested: ["/campaigns"] },
      { href: "/blanks", label: "Бланки", roles: ALL_ROLES },
      { href: "/findings", label: "Замечания", roles: ALL_ROLES },
      { href: "/region/templates", label: "Шаблоны", roles: REGION_STAFF },
      { href: "/dynamics", label: "Динамика", roles: SUPERVISORS },
    ],
  },
  {
    label: "Документы и планы",
    entries: [
      { href: "/documents", label: "Документы", roles: ALL_ROLES },
      { href: "/plans", label: "Планы", roles: ALL_ROLES },
      { href: "/reports", label: "Отчёты", roles: ALL_ROLES },
    ],
  },
  {
    label: "ДОТ",
    entries: [
      { href: "/school/students", label: "Учёт ДОТ", roles: SCHOOL_COORDINATORS, nested: ["/students"] },
      { href: "/region/students", label: "Учёт ДОТ (численность)", roles: SUPERVISORS, nested: ["/students"] },
    ],
  },
  {
    label: "Администрирование",
    entries: [
      { href: "/region/coordinators", label: "Координаторы", roles: REGION_STAFF, nested: ["/coordinators"] },
      { href: "/region/users", label: "Пользователи", roles: REGION_ADMINS },
      { href: "/region/audit", label: "Журнал изменений", roles: REGION_ADMINS },
    ],
  },
];

/** The caller's home pages first (one per kind of membership), then the groups that hold an item for their roles. */
export function navigationFor(scope: Scope): NavGroup[] {
  const homes = [...new Set(scope.memberships.map((m) => homePathFor(m.role)))];
  const home: NavGroup = {
    label: "Главная",
    items: homes.map((href) => ({ href, label: homes.length === 1 ? "Главная страница" : HOME_LABELS[href], nested: homeNested(href) })),
  };
  const groups = GROUPS.map((group) => ({
    label: group.label,
    items: group.entries.filter((e) => hasAnyRole(scope, e.roles)).map(({ roles: _, ...item }) => item),
  }));
  return [home, ...groups].filter((group) => group.items.length > 0);
}

/** A municipality's and a school's pages open from the region's and the municipality's home. */
function homeNested(home: keyof typeof HOME_LABELS): string[] {
  if (home === "/region") return ["/municipalities", "/organizations"];
  if (home === "/municipality") return ["/organizations"];
  return [];
}

const within = (path: string, base: string) => path === base || path.startsWith(`${base}/`);

/**
 * The item a path belongs to: its own page («page») or a page nested under it
 * («section»). The deepest match wins, so /region/users is «Пользователи», not
 * the region's home; null outside the menu.
 */
export function currentItem(groups: NavGroup[], path: string): { href: string; exact: boolean } | null {
  let best: { href: string; exact: boolean; length: number } | null = null;
  for (const item of groups.flatMap((g) => g.items)) {
    for (const base of [item.href, ...(item.nested ?? [])]) {
      if (!within(path, base) || (best && best.length >= base.length)) continue;
      best = { href: item.href, exact: path === item.href, length: base.length };
    }
  }
  return best && { href: best.href, exact: best.exact };
}
