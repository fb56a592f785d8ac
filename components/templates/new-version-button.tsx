"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createNextVersionAction } from "@/lib/actions/templates";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A published version is never edited: this opens the next version as a draft. */
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
      router.push(`/region/templates/${result.data.versionId}`);
    });

  return (
    <div className="space-y-2">
      <Button type="button" onClick={start} disabled={pending}>
        {pending ? "Создание…" : "Создать новую версию"}
      </Button>
      {error && <Alert>{error}</Alert>}
    </div>
  );
}
