import { ROLES } from "@/lib/scope";
import { listQuery } from "./list";
import { z } from "./z";

export const ZMembershipGrant = z.object({
  role: z.enum(ROLES, { error: "Выберите роль." }),
  /** Region id for region roles, municipality id or school id for coordinators. */
  scopeId: z.uuid({ error: "Выберите регион, муниципалитет или школу." }),
});
export type TMembershipGrant = z.infer<typeof ZMembershipGrant>;

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
  role: z.enum(ROLES).optional().catch(undefined),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;
