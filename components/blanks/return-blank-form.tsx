"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { returnBlankAction } from "@/lib/actions/blanks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, fieldAria } from "@/components/ui/field";
import { ZBlankReturn } from "@/lib/schemas/blank";

/**
 * "Вернуть на доработку": a message to the participant, checked, then confirmed in a dialog that
 * says what follows; the blank goes back to them. An accepted blank is reopened the same way.
 */
export function ReturnBlankForm({ blankId, reopen = false }: { blankId: string; reopen?: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!open) {
    return (
      <Button type="button" variant="outline" onClick={() => setOpen(true)}>
        {reopen ? "Вернуть принятый бланк на доработку" : "Вернуть на доработку"}
      </Button>
    );
  }
  const check = () => {
    const parsed = ZBlankReturn.shape.message.safeParse(message);
    setFieldError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (parsed.success) setConfirming(true);
    else document.getElementById("return-message")?.focus();
  };
  const send = () =>
    start(async () => {
      setError(null);
      const result = await returnBlankAction({ blankId, message });
      if (result.ok) router.replace(`/blanks/${blankId}?done=returned`);
      else setError(result.error.message);
    });
  return (
    <form className="w-full space-y-3" aria-label="Возврат на доработку" onSubmit={(e) => e.preventDefault()}>
      <Field id="return-message" label="Что исправить" error={fieldError}>
        <textarea
          {...fieldAria("return-message", fieldError)}
          rows={3}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          className="w-full rounded-md border border-border bg-background px-3 py-2 text-sm"
        />
      </Field>
      <ConfirmDialog
        open={confirming}
        onOpenChange={(next) => (next ? check() : setConfirming(false))}
        trigger={
          <Button type="button" disabled={pending}>
            Вернуть бланк участнику
          </Button>
        }
        title={reopen ? "Вернуть принятый бланк на доработку?" : "Вернуть бланк участнику?"}
        description={
          <>
            <p>Координаторы участника получат уведомление с вашим сообщением, а бланк снова станет доступен им для исправления.</p>
            <p>Ваши отметки и комментарии они увидят у каждого пункта. Пока бланк на доработке, отметить или принять его нельзя.</p>
            {reopen && <p>Когда бланк примут снова, его оценка и замечания будут пересчитаны.</p>}
          </>
        }
        confirmLabel="Вернуть бланк"
        onConfirm={send}
      />
      {error && <Alert>{error}</Alert>}
    </form>
  );
}
