"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createNextVersionAction } from "@/lib/actions/templates";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** A published version is never edited: this opens the next version as a draft, once asked. */
export function NewVersionButton({ templateId }: { templateId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const start = () =>
    startTransition(async () => {
      setError(null);
      const result = await createNextVersionAction({ templateId }).catch(() => null);
      if (!result) return setError("Сервер не ответил. Попробуйте ещё раз.");
      if (!result.ok) return setError(result.error.message);
      router.push(`/region/templates/${result.data.versionId}?done=created`);
    });

  return (
    <div className="space-y-2">
      <ConfirmDialog
        trigger={
          <Button type="button" disabled={pending}>
            {pending ? "Создание…" : "Создать новую версию"}
          </Button>
        }
        title="Создать новую версию?"
        description={
          <>
            <p>
              Откроется черновик следующей версии — копия последней версии шаблона (если черновик уже начат, откроется он). Его увидят
              сотрудники региона; уведомления не рассылаются.
            </p>
            <p>
              Опубликованные версии не меняются: кампании и их бланки остаются на своих версиях. Новые кампании смогут выбрать новую версию
              после её публикации.
            </p>
          </>
        }
        confirmLabel="Создать черновик"
        onConfirm={start}
      />
      {error && <Alert>{error}</Alert>}
    </div>
  );
}
