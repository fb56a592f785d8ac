import "server-only";
import { AppError, notFound } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { TEventStatusChange } from "@/lib/schemas/plan";
import { db } from "@/lib/server/db/client";
import { loadWritablePlan } from "./load-writable-plan";

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Marks an event held (with the date it was held), cancelled or planned again;
 * for a recurring event, marks one due date held or not. When every due date of
 * a recurring event is held, the event is done on the last of them.
 */
export async function changeEventStatus(options: { scope: Scope; planId: string; eventId: string; input: TEventStatusChange }) {
  const { input: change } = options;
  return db().$transaction(async (tx) => {
    const plan = await loadWritablePlan({ scope: options.scope, planId: options.planId, tx });
    const event = await tx.planEvent.findFirst({ where: { id: options.eventId, planId: plan.id } });
    if (!event) throw notFound("Мероприятие не найдено.");
    const select = { id: true, status: true } as const;
    switch (change.action) {
      case "done":
        return tx.planEvent.update({ where: { id: event.id }, data: { status: "DONE", heldOn: new Date(change.heldOn) }, select });
      case "cancel":
        return tx.planEvent.update({ where: { id: event.id }, data: { status: "CANCELLED", heldOn: null }, select });
      case "reopen":
        return tx.planEvent.update({ where: { id: event.id }, data: { status: "PLANNED", heldOn: null }, select });
      case "occurrence": {
        const due = event.dueDates.map(day);
        if (!due.includes(change.dueDate))
          throw new AppError("VALIDATION", "Такого срока у мероприятия нет.", { dueDate: ["Выберите срок из списка."] });
        const held = new Set(event.heldDates.map(day));
        if (change.held) held.add(change.dueDate);
        else held.delete(change.dueDate);
        const heldDates = [...held].toSorted();
        const allHeld = due.every((d) => held.has(d));
        return tx.planEvent.update({
          where: { id: event.id },
          data: {
            heldDates: heldDates.map((d) => new Date(d)),
            status: allHeld ? "DONE" : event.status === "DONE" ? "PLANNED" : event.status,
            heldOn: allHeld ? new Date(heldDates.at(-1)!) : null,
          },
          select,
        });
      }
    }
  });
}
