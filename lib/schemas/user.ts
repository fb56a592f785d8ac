import { ALL_ROLES } from "@/lib/roles";
import { listQuery } from "./list";
import { z } from "./z";

export const ZMembershipGrant = z.object({
  role: z.enum(ALL_ROLES, { error: "Выберите роль." }),
  /** Region id for region roles, municipality id or school id for coordinators. */
  scopeId: z.uuid({ error: "Выберите регион, муниципалитет или школу." }),
});
export type TMembershipGrant = z.infer<typeof ZMembershipGrant>;

/** A role given to a user: the user, then the grant's fields (the form's). */
export const ZUserGrant = ZMembershipGrant.extend({ userId: z.string() });

/** A role taken from a user. */
export const ZMembershipRevoke = z.object({ userId: z.string(), membershipId: z.string() });

export const ZUserCreate = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Введите корректный адрес электронной почты." })),
  name: z.string().trim().min(2, "Укажите фамилию, имя и отчество.").max(200, "Не длиннее 200 символов."),
  password: z.string().min(10, "Пароль должен быть не короче 10 символов.").max(200, "Пароль должен быть не длиннее 200 символов."),
  memberships: z.array(ZMembershipGrant).min(1, "Назначьте хотя бы одну роль.").max(20),
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserListQuery = listQuery(["name", "email", "createdAt"] as const).extend({
  role: z.enum(ALL_ROLES).optional().catch(undefined),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;
