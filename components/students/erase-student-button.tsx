"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { eraseStudentAction } from "@/lib/actions/students";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** «Удалить по запросу»: erases the record after a confirmation that says what stays. */
export function EraseStudentButton(props: { studentId: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!confirming) {
    return (
      <Button type="button" variant="destructive" onClick={() => setConfirming(true)}>
        Удалить по запросу
      </Button>
    );
  }
  return (
    <fieldset className="min-w-0 space-y-3" aria-label="Подтверждение удаления">
      {error && <Alert>{error}</Alert>}
      <Alert tone="info">
        Запись обучающегося, его закрепление за педагогами и все его файлы (ИУП) будут удалены безвозвратно, а его данные — стёрты из
        журнала изменений. Сохранятся отметка о стирании (кто и когда) и журнал просмотров карточки (в них нет персональных данных). Итоги
        завершённых кампаний не изменятся: бланки хранят числа, по которым они оценены.
      </Alert>
      <div className="flex gap-2">
        <Button
          type="button"
          variant="destructive"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await eraseStudentAction({ studentId: props.studentId });
              if (!result.ok) return setError(result.error.message);
              router.push("/school/students");
            })
          }
        >
          Удалить запись
        </Button>
        <Button type="button" variant="outline" onClick={() => setConfirming(false)} disabled={pending}>
          Отмена
        </Button>
      </div>
    </fieldset>
  );
}
