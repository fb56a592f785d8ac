"use client";

import { AlertDialog } from "radix-ui";
import { Button } from "@/components/ui/button";

/** Publishing cannot be undone, so it asks first. */
export function PublishDialog(props: { version: number; disabled: boolean; onConfirm: () => void }) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <Button type="button" variant="outline" disabled={props.disabled}>
          Опубликовать
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg border border-border bg-background p-6 shadow-lg">
          <AlertDialog.Title className="text-lg font-semibold">Опубликовать версию {props.version}?</AlertDialog.Title>
          <AlertDialog.Description className="text-sm">
            Черновик будет сохранён и опубликован. Опубликованную версию изменить нельзя: дальнейшие правки пойдут в следующую версию.
          </AlertDialog.Description>
          <div className="flex justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button variant="outline">Отмена</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button onClick={props.onConfirm}>Сохранить и опубликовать</Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
