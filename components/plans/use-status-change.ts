import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { changeEventStatusAction } from "@/lib/actions/plans";
import type { TEventStatusChange } from "@/lib/schemas/plan";

/** Sends a status change of one event and refreshes the page; the error, in Russian, until the next try. */
export function useStatusChange(planId: string, eventId: string) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  /** `optimistic` runs inside the transition (a useOptimistic setter); `onDone` after success. */
  const change = (input: TEventStatusChange, hooks: { optimistic?: () => void; onDone?: () => void } = {}) =>
    start(async () => {
      hooks.optimistic?.();
      setError(null);
      const result = await changeEventStatusAction({ ...input, planId, eventId });
      if (!result.ok) {
        setError(Object.values(result.error.fieldErrors).flat()[0] ?? result.error.message);
        return;
      }
      hooks.onDone?.();
      router.refresh();
    });
  return { change, pending, error };
}
