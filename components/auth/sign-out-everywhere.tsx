"use client";

import { signOut } from "next-auth/react";
import { useId, useState, useTransition } from "react";
import { signOutEverywhereAction } from "@/lib/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * «Выйти на всех устройствах» in the header: a «Сеансы» button opens a panel that
 * says what happens and asks to confirm. The panel is rendered only while open, so
 * the header keeps a single button named «Выйти» (this browser's own sign-out).
 */
export function SignOutEverywhere() {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const close = () => {
    setOpen(false);
    setError(null);
  };
  return (
    <div className="relative">
      <Button
        type="button"
        variant="ghost"
        size="sm"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Сеансы
      </Button>
      {open && (
        <fieldset
          id={panelId}
          aria-label="Выход на всех устройствах"
          className="absolute right-0 top-full z-20 mt-2 w-80 min-w-0 space-y-3 rounded-md border border-border bg-background p-4 shadow-md"
          onKeyDown={(event) => {
            if (event.key === "Escape" && !pending) close();
          }}
        >
          {error && <Alert>{error}</Alert>}
          <p className="text-sm">
            Завершатся все ваши сеансы: на других компьютерах и телефонах и на этом. Войти снова можно сразу, с паролем. Сделайте так, если
            потеряли устройство или вошли на чужом компьютере.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              variant="destructive"
              size="sm"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const result = await signOutEverywhereAction();
                  if (!result.ok) return setError(result.error.message);
                  await signOut({ callbackUrl: "/login" });
                })
              }
            >
              {pending ? "Выход…" : "Выйти на всех устройствах"}
            </Button>
            <Button type="button" variant="outline" size="sm" autoFocus disabled={pending} onClick={close}>
              Отмена
            </Button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
