"use client";

import { ChevronDown, UserRound } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";
import { useState } from "react";
import { SignOutEverywhere } from "@/components/auth/sign-out-everywhere";
import { Button } from "@/components/ui/button";

const item = "flex cursor-pointer items-center justify-between gap-3 rounded-sm px-3 py-2 text-sm outline-none data-[highlighted]:bg-muted";

/** Who is signed in, their notifications and their sessions, and «Выйти»: one button in the header on every screen. */
export function UserMenu({ name, roles, unread }: { name: string; roles: string[]; unread: number }) {
  const [sessionsOpen, setSessionsOpen] = useState(false);
  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <Button variant="ghost" size="sm" className="min-w-0 max-w-full">
            <UserRound aria-hidden="true" className="size-4 shrink-0" />
            <span className="truncate">{name}</span>
            {unread > 0 && (
              <span className="rounded-full bg-primary px-2 text-xs text-primary-foreground">
                {unread}
                <span className="sr-only"> непрочитанных уведомлений</span>
              </span>
            )}
            <ChevronDown aria-hidden="true" className="size-4 shrink-0" />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={6}
            className="z-40 w-72 max-w-[calc(100vw-1rem)] rounded-md border border-border bg-background p-1 shadow-md"
          >
            <DropdownMenu.Label className="px-3 py-2">
              <span className="block font-medium">{name}</span>
              {roles.map((role) => (
                <span key={role} className="block text-xs text-muted-foreground">
                  {role}
                </span>
              ))}
            </DropdownMenu.Label>
            <DropdownMenu.Separator className="my-1 h-px bg-border" />
            <DropdownMenu.Item asChild className={item}>
              <Link href="/notifications">
                Уведомления
                {unread > 0 && <span className="rounded-full bg-primary px-2 text-xs text-primary-foreground">{unread}</span>}
              </Link>
            </DropdownMenu.Item>
            <DropdownMenu.Item className={item} onSelect={() => setSessionsOpen(true)}>
              Сеансы
            </DropdownMenu.Item>
            <DropdownMenu.Item className={item} onSelect={() => signOut({ callbackUrl: "/login" })}>
              Выйти
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <SignOutEverywhere open={sessionsOpen} onOpenChange={setSessionsOpen} />
    </>
  );
}
