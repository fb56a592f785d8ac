import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SaveState } from "@/lib/domain/blanks/autosave";

/** The blank form's status line; a failed save (a conflict among others) offers a retry and a reload. */
export function SaveStatus(props: { state: SaveState; onRetry: () => void; onReload: () => void }) {
  const { state } = props;
  if (state.kind === "error") {
    return (
      <Alert>
        {state.message}
        <div className="mt-2 flex gap-2">
          <Button type="button" size="sm" variant="outline" onClick={props.onRetry}>
            Повторить сохранение
          </Button>
          <Button type="button" size="sm" variant="outline" onClick={props.onReload}>
            Обновить бланк
          </Button>
        </div>
      </Alert>
    );
  }
  const text = {
    saved: state.kind === "saved" && state.at ? `Сохранено в ${state.at.toLocaleTimeString("ru-RU")}` : "Все изменения сохранены",
    dirty: "Есть несохранённые изменения…",
    saving: "Сохранение…",
    invalid: "Исправьте ошибки в отмеченных полях: они не сохранены.",
  }[state.kind];
  return (
    <p role="status" aria-live="polite" className="sticky top-0 z-10 rounded-md bg-muted px-3 py-2 text-sm">
      {text}
    </p>
  );
}
