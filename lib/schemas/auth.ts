import { z } from "./z";

export const ZSignIn = z.object({
  email: z.string().trim().min(1, "Введите адрес электронной почты.").max(320),
  password: z.string().min(1, "Введите пароль.").max(1024),
});
export type TSignIn = z.infer<typeof ZSignIn>;
