"use client";

import { FileUp, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { Dialog } from "radix-ui";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { DocxImportPreview } from "@/lib/domain/blanks/docx-import/preview";
import { acceptOf, BLANK_DOCX_IMPORT, rulesText, uploadProblem } from "@/lib/domain/files/upload-rules";
import { importBlankDocxAction } from "@/lib/actions/blanks";
import { DocxImportPreviewTable, PreviewSummary } from "./docx-import-preview";

type Previewed = { file: { id: string; name: string }; version: number; preview: DocxImportPreview };

/**
 * «Загрузить бланк из Word»: the user chooses a filled DOCX, the server reads it and shows what it
 * would change (nothing changes yet), «Применить» saves it in one go (importBlankDocxAction) and the
 * page shows the new answers; «Отмена» leaves everything as it was.
 */
export function DocxImportDialog({ blankId }: { blankId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [applying, startApply] = useTransition();

  const reset = (next: boolean) => {
    setOpen(next);
    setPreviewed(null);
    setError(null);
  };

  const read = async (file: File) => {
    const problem = uploadProblem(file, BLANK_DOCX_IMPORT);
    if (problem) return setError(problem);
    setReading(true);
    setError(null);
    setPreviewed(null);
    const body = new FormData();
    body.set("file", file);
    const response = await fetch(`/api/blanks/${blankId}/docx-import`, { method: "POST", body }).catch(() => null);
    const json = await response?.json().catch(() => null);
    setReading(false);
    if (!response?.ok) return setError(json?.error?.message ?? "Не удалось прочитать файл. Попробуйте ещё раз.");
    setPreviewed(json as Previewed);
  };

  const apply = () =>
    startApply(async () => {
      if (!previewed) return;
      const result = await importBlankDocxAction({ blankId, fileId: previewed.file.id, version: previewed.version });
      if (!result.ok) return setError(result.error.message);
      reset(false);
      router.refresh();
    });

  return (
    <Dialog.Root open={open} onOpenChange={reset}>
      <Dialog.Trigger asChild>
        <Button variant="outline">
          <FileUp aria-hidden="true" className="size-4" />
          Загрузить бланк из Word
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 flex max-h-[calc(100dvh-1rem)] w-[min(60rem,calc(100vw-1rem))] -translate-x-1/2 -translate-y-1/2 flex-col gap-4 overflow-y-auto rounded-lg border border-border bg-background p-4 shadow-lg sm:p-6">
          <div className="flex items-start justify-between gap-2">
            <Dialog.Title className="text-lg font-semibold">Загрузить бланк из Word</Dialog.Title>
            <Dialog.Close asChild>
              <Button variant="ghost" size="sm" aria-label="Закрыть">
                <X aria-hidden="true" className="size-4" />
              </Button>
            </Dialog.Close>
          </div>
          <Dialog.Description className="text-sm text-muted-foreground">
            Бланк, заполненный в Word (выгруженный из Методаудита или таблица по форме бланка). Сначала вы увидите, что прочитано; ответы
            изменятся только после «Применить».
          </Dialog.Description>
          <Field id="docx-import-file" label={`Файл бланка (${rulesText(BLANK_DOCX_IMPORT)})`}>
            <input
              id="docx-import-file"
              type="file"
              accept={acceptOf(BLANK_DOCX_IMPORT)}
              disabled={reading || applying}
              className="block w-full text-sm"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void read(file);
                event.target.value = "";
              }}
            />
          </Field>
          {reading && (
            <p role="status" className="text-sm">
              Читаем файл…
            </p>
          )}
          {error && <Alert>{error}</Alert>}
          {previewed && (
            <>
              <p className="text-sm">Файл «{previewed.file.name}».</p>
              <PreviewSummary summary={previewed.preview.summary} />
              <DocxImportPreviewTable preview={previewed.preview} />
            </>
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="outline">Отмена</Button>
            </Dialog.Close>
            <Button onClick={apply} disabled={!previewed || previewed.preview.summary.toChange === 0 || applying}>
              {applying ? "Сохраняем…" : "Применить"}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
