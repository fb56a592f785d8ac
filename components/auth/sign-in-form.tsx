"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ZSignIn, type TSignIn } from "@/lib/schemas/auth";

export function SignInForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TSignIn>({ resolver: zodResolver(ZSignIn), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setError(result?.error ?? "Не удалось войти. Повторите попытку.");
      return;
    }
    router.replace("/");
    router.refresh();
  });

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Вход">
        {error && <Alert>{error}</Alert>}
        <Field id="email" label="Электронная почта" error={errors.email?.message}>
          <Input type="email" autoComplete="username" {...fieldAria("email", errors.email?.message)} {...form.register("email")} />
        </Field>
        <Field id="password" label="Пароль" error={errors.password?.message}>
          <Input
            type="password"
            autoComplete="current-password"
            {...fieldAria("password", errors.password?.message)}
            {...form.register("password")}
          />
        </Field>
        <Button type="submit" className="w-full" disabled={isSubmitting}>
          {isSubmitting ? "Вход…" : "Войти"}
        </Button>
      </form>
    </Card>
  );
}
