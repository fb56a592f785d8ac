import { type Role, ROLE_LABELS } from "@/lib/roles";
import type { UserRow } from "@/lib/server/users/list-users";
import { columnsFor } from "../columns";
import { FIELD_LABELS as F } from "../field-labels";

const c = columnsFor<UserRow>();

export const USERS_CAPTION = "Пользователи региона";

/** «Школьный координатор: МБОУ СОШ № 1»: one membership as the list shows it. */
export const membershipLine = (m: UserRow["memberships"][number]) => `${ROLE_LABELS[m.role as Role]}: ${m.scopeName}`;

export const USER_COLUMNS = {
  name: c.text(F.User.name, (u) => u.name),
  email: c.text(F.User.email, (u) => u.email),
  memberships: c.text("Роли", (u) => u.memberships.map(membershipLine).join("\n")),
  createdAt: c.date(F.User.createdAt, (u) => u.createdAt.slice(0, 10)),
};
