"use client";

import { useOptimistic } from "react";
import { formatDate } from "@/lib/dates";
import { useStatusChange } from "./use-status-change";

/** One due date of a recurring event, ticked when held there; a missed one says so in words. */
export function OccurrenceCheckbox(props: { planId: string; eventId: string; dueDate: string; held: boolean; missed: boolean }) {
  const { change, pending, error } = useStatusChange(props.planId, props.eventId);
  const [held, setHeld] = useOptimistic(props.held);
  const id = `occurrence-${props.eventId}-${props.dueDate}`;
  return (
    <div>
      <label htmlFor={id} className="inline-flex items-center gap-2 text-sm">
        <input
          id={id}
          type="checkbox"
          className="h-4 w-4"
          checked={held}
          disabled={pending}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            const next = e.target.checked;
            change({ action: "occurrence", dueDate: props.dueDate, held: next }, { optimistic: () => setHeld(next) });
          }}
        />
        <span>
          <span className="sr-only">Проведено к сроку </span>
          <time dateTime={props.dueDate}>{formatDate(props.dueDate)}</time>
          {props.missed && !held && <span className="font-semibold text-destructive"> — просрочено</span>}
        </span>
      </label>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
