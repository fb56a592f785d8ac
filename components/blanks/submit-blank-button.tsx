"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { Unsaved } from "@/lib/domain/blanks/autosave";
import { ActionProblems, type ItemProblemEntry } from "./action-problems";
import { focusItem } from "./item-focus";
import { SaveStatus } from "./save-status";
import type { useBlankAutosave } from "./use-blank-autosave";

const INVALID_ITEM = "Исправьте ошибки в полях пункта.";

/**
 * «Отправить на проверку»: saves and checks first — what is wrong is listed here, by the button,
 * and marked at each item, the first one focused — then asks, saying what follows, and sends.
 */
export function SubmitBlankButton(props: {
  blankId: string;
  autosave: ReturnType<typeof useBlankAutosave>;
  names: ReadonlyMap<string, string>;
  /** Marks the items in the form (none clears them). */
  onItemProblems: (problems: Record<string, string>) => void;
}) {
  const { autosave } = props;
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [unanswered, setUnanswered] = useState(0);
  const [problems, setProblems] = useState<{ title: string; items: ItemProblemEntry[] } | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [pending, start] = useTransition();

  // After the items are marked (and shown, should a filter have hidden them): the first one gets the focus.
  useEffect(() => {
    const first = problems?.items[0];
    if (first) focusItem(first.itemKey);
  }, [problems]);

  const report = (title: string, items: Record<string, string>) => {
    props.onItemProblems(items);
    setProblems({
      title,
      items: Object.entries(items).map(([itemKey, message]) => ({ itemKey, name: props.names.get(itemKey) ?? "", message })),
    });
  };
  const reportUnsaved = (outcome: Unsaved) => {
    if (outcome.invalid.length === 0) return setSaveFailed(true);
    report("Бланк не отправлен: исправьте ошибки в пунктах.", Object.fromEntries(outcome.invalid.map((key) => [key, INVALID_ITEM])));
  };
  const reset = () => {
    setProblems(null);
    setSaveFailed(false);
    props.onItemProblems({});
  };

  const check = () =>
    start(async () => {
      reset();
      const outcome = await autosave.checkSubmit();
      if (outcome.kind === "unsaved") return reportUnsaved(outcome);
      setUnanswered(outcome.unanswered);
      setOpen(true);
    });
  const send = () =>
    start(async () => {
      const outcome = await autosave.submit();
      if (outcome.kind === "submitted") router.replace(`/blanks/${props.blankId}?done=submitted`);
      else if (outcome.kind === "refused") report("Бланк не отправлен.", outcome.items);
      else if (outcome.kind === "unsaved") reportUnsaved(outcome);
      else setSaveFailed(true);
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="outline" onClick={() => void autosave.save()}>
          Сохранить
        </Button>
        <ConfirmDialog
          open={open}
          onOpenChange={(next) => (next ? check() : setOpen(false))}
          trigger={
            <Button type="button" disabled={pending || autosave.state.kind === "saving"}>
              Отправить на проверку
            </Button>
          }
          title="Отправить бланк на проверку?"
          description={
            <>
              <p>Бланк появится у аудиторов региона в списке «Бланки, ожидающие проверки».</p>
              <p>
                Пока идёт проверка, ответы доступны только для чтения. Если аудитор вернёт бланк на доработку, вы получите уведомление и
                увидите его замечания у каждого пункта.
              </p>
              {unanswered > 0 && (
                <p className="font-medium">Не заполнено пунктов: {unanswered}. Незаполненные пункты будут считаться невыполненными.</p>
              )}
            </>
          }
          confirmLabel={unanswered > 0 ? "Отправить с незаполненными пунктами" : "Отправить"}
          onConfirm={send}
        />
      </div>
      {problems && <ActionProblems title={problems.title} items={problems.items} />}
      {saveFailed && autosave.state.kind === "error" && (
        <SaveStatus state={autosave.state} onRetry={() => void autosave.save()} onReload={autosave.reload} />
      )}
    </div>
  );
}
