"use client";

import { signOut } from "next-auth/react";
import { Dialog } from "radix-ui";
import { useState, useTransition } from "react";
import { signOutEverywhereAction } from "@/lib/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * «Выйти на всех устройствах», opened from «Сеансы» in the user menu: a dialog that
 * says what happens and asks to confirm. Escape and «Отмена» close it while nothing is pending.
 */
export function SignOutEverywhere({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const change = (next: boolean) => {
    if (pending) return;
    setError(null);
    onOpenChange(next);
  };
  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-3 rounded-md border border-border bg-background p-5 shadow-lg">
          <Dialog.Title className="text-lg font-semibold">Выход на всех устройствах</Dialog.Title>
          {error && <Alert>{error}</Alert>}
          <Dialog.Description className="text-sm">
            Завершатся все ваши сеансы: на других компьютерах и телефонах и на этом. Войти снова можно сразу, с паролем. Сделайте так, если
            потеряли устройство или вошли на чужом компьютере.
          </Dialog.Description>
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
            <Dialog.Close asChild>
              <Button type="button" variant="outline" size="sm" autoFocus disabled={pending}>
                Отмена
              </Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
