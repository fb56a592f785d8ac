"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import type { PlanEventStatus } from "@/lib/generated/prisma/enums";
import { useStatusChange } from "./use-status-change";

/** The user's own date: a date picked in the browser is "today" where the user is. */
const localToday = () => new Intl.DateTimeFormat("en-CA").format(new Date());

/**
 * A writer's actions on one event row: «Изменить», «Проведено…» (with the date it
 * was held), «Отменить мероприятие», and «Вернуть в план» for a held or cancelled one.
 * The date starts empty: an old event is often marked long after it was held, and a
 * date filled in for the user (today) would be recorded by one click. Cancelling asks
 * first, and is hidden while the date form (with its «Закрыть») is open, so the two are never side by side.
 * Every control is described by the event's title (`describedBy`).
 */
export function EventActions(props: { planId: string; eventId: string; status: PlanEventStatus; describedBy: string }) {
  const { change, pending, error } = useStatusChange(props.planId, props.eventId);
  const [open, setOpen] = useState(false);
  const [heldOn, setHeldOn] = useState("");
  const dateId = `held-on-${props.eventId}`;
  const errorId = `event-actions-error-${props.eventId}`;
  const aria = { "aria-describedby": props.describedBy };
  return (
    <div className="flex min-w-40 flex-col items-start gap-2">
      <Button asChild variant="outline" size="sm">
        <Link href={`/plans/${props.planId}/events/${props.eventId}`} {...aria}>
          Изменить
        </Link>
      </Button>
      {props.status === "PLANNED" ? (
        <>
          {!open && (
            <Button
              type="button"
              variant="outline"
              size="sm"
              {...aria}
              onClick={() => {
                setHeldOn("");
                setOpen(true);
              }}
            >
              Проведено…
            </Button>
          )}
          {open && (
            <form
              className="space-y-2 rounded-md border border-border p-2"
              aria-label="Отметка о проведении"
              {...aria}
              onSubmit={(e) => {
                e.preventDefault();
                change({ action: "done", heldOn }, { onDone: () => setOpen(false) });
              }}
            >
              <label htmlFor={dateId} className="block text-xs font-medium">
                Дата проведения
              </label>
              <p id={`${dateId}-hint`} className="text-xs text-muted-foreground">
                Когда мероприятие было проведено на самом деле
              </p>
              <Input
                id={dateId}
                type="date"
                required
                autoFocus
                max={localToday()}
                value={heldOn}
                onChange={(e) => setHeldOn(e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${dateId}-hint ${errorId}` : `${dateId}-hint`}
                className="w-40"
              />
              <div className="flex flex-wrap gap-2">
                <Button type="submit" size="sm" disabled={pending || !heldOn}>
                  Отметить проведённым
                </Button>
                <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(false)}>
                  Закрыть
                </Button>
              </div>
            </form>
          )}
          {!open && (
            <ConfirmDialog
              trigger={
                <Button type="button" variant="outline" size="sm" disabled={pending} {...aria}>
                  Отменить мероприятие
                </Button>
              }
              title="Отменить мероприятие?"
              description={
                <p>
                  Мероприятие будет отмечено отменённым и перестанет считаться просроченным. Вернуть его в план можно кнопкой «Вернуть в
                  план».
                </p>
              }
              confirmLabel="Отменить мероприятие"
              tone="destructive"
              onConfirm={() => change({ action: "cancel" })}
            />
          )}
        </>
      ) : (
        <Button type="button" variant="outline" size="sm" disabled={pending} {...aria} onClick={() => change({ action: "reopen" })}>
          Вернуть в план
        </Button>
      )}
      {error && (
        <p id={errorId} role="alert" className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
