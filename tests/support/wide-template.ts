import { randomUUID } from "node:crypto";
import type { TTemplateDocument, TTemplateItem } from "@/lib/schemas/template";
import { membershipRow, type MembershipInput, type Scope } from "@/lib/scope";
import type { Role } from "@/lib/roles";
import { db } from "@/lib/server/db/client";
import { scopeOf } from "./scope";

/** A published-ready municipal template of one section with `count` TEXT items (1.1 … 1.N), for races over many items. */
export function wideTemplate(key: string, count: number): TTemplateDocument {
  const item = (number: string, title: string, kind: TTemplateItem["kind"], children: TTemplateItem[] = []): TTemplateItem => ({
    key: randomUUID(),
    number,
    title,
    kind,
    legalBasis: [],
    footnotes: [],
    annualUpdate: false,
    weight: 1,
    critical: false,
    columns: null,
    children,
  });
  return {
    format: "metodaudit.template/v1",
    key,
    name: `Широкий бланк ${key}`,
    level: "MUNICIPAL",
    content: {
      title: "БЛАНК СООТВЕТВИЯ",
      subtitle: "",
      subjectCaption: "(наименование МО)",
      columns: { number: "№ п/п", name: "Наименование документа", value: "Реквизиты документа", match: "Соответствие официальным данным" },
      gradeBands: { compliant: 90, partial: 70 },
      items: [
        item(
          "1.",
          "Сведения",
          "SECTION",
          Array.from({ length: count }, (_, i) => item(`1.${i + 1}`, `Сведение № ${i + 1}`, "TEXT")),
        ),
      ],
    },
  };
}

/**
 * `count` stored users with one membership each (bulk inserts, no password hashing),
 * and the scope the session would give each, named as the user.
 */
export async function bulkUsers(prefix: string, count: number, role: Role, ids: Omit<MembershipInput, "role">) {
  const users = await db().user.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({
      email: `${prefix}-${i + 1}@concurrency.test`,
      name: `${prefix} ${i + 1}`,
      passwordHash: "not-a-password-hash",
    })),
    select: { id: true, name: true },
  });
  const membership: MembershipInput = { role, ...ids };
  await db().membership.createMany({ data: users.map((u) => membershipRow(u.id, membership)) });
  return users.map((user): { user: typeof user; scope: Scope } => ({
    user,
    scope: { ...scopeOf(user.id, [membership]), name: user.name },
  }));
}
