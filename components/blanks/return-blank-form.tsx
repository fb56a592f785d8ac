"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { returnBlankAction } from "@/lib/actions/blanks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** "Вернуть на доработку": a message to the participant, then the blank goes back to them. */
export function ReturnBlankForm({ blankId, label = "Вернуть на доработку" }: { blankId: string; label?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!open) {
    return (
      <Button type="button" variant="outline" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  }
  return (
    <form
      className="w-full space-y-3"
      aria-label="Возврат на доработку"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await returnBlankAction({ blankId, message });
          if (result.ok) router.refresh();
          else setError(result.error.message);
        });
      }}
    >
      {error && <Alert>{error}</Alert>}
      <Field id="return-message" label="Что исправить">
        <textarea
          id="return-message"
          rows={3}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm"
        />
      </Field>
      <Button type="submit" disabled={pending}>
        Вернуть бланк участнику
      </Button>
    </form>
  );
}
