"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Publishing cannot be undone, so it asks first. */
export function PublishDialog(props: { version: number; disabled: boolean; onConfirm: () => void }) {
  return (
    <ConfirmDialog
      trigger={
        <Button type="button" variant="outline" disabled={props.disabled}>
          Опубликовать
        </Button>
      }
      title={`Опубликовать версию ${props.version}?`}
      description="Черновик будет сохранён и опубликован. Опубликованную версию изменить нельзя: дальнейшие правки пойдут в следующую версию."
      confirmLabel="Сохранить и опубликовать"
      onConfirm={props.onConfirm}
    />
  );
}
