"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { get, useForm, useWatch, type FieldError, type Resolver } from "react-hook-form";
import { publishTemplateVersionAction, saveTemplateDraftAction } from "@/lib/actions/templates";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import type { TTemplateContent, TTemplateItem } from "@/lib/schemas/template";
import type { ActionResult } from "@/lib/server/auth/with-scope";
import { BlankHeaderFields } from "./blank-header-fields";
import { ZTemplateEditor, type EditorValues, type FormErrors } from "./editor-schema";
import { ItemTreeEditor } from "./item-tree-editor";
import { PrintedBlank } from "./printed-blank";
import { PublishDialog } from "./publish-dialog";

export interface TemplateDraft {
  versionId: string;
  version: number;
  /** The revision this editor starts from; a save with a stale one is refused as a conflict. */
  revision: number;
  name: string;
  content: TTemplateContent;
}

type Notice = { tone: "error" | "info"; text: string };

const UNREACHABLE = "Сервер не ответил. Изменения не сохранены, но остались на экране — попробуйте ещё раз.";
const INVALID = "Проверьте заполнение полей: ошибки отмечены рядом с ними.";

/** Edits a draft version: the blank's heading, columns, grading and item tree, with a live preview. */
export function TemplateEditor({ draft }: { draft: TemplateDraft }) {
  const router = useRouter();
  const [revision, setRevision] = useState(draft.revision);
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm<EditorValues>({
    // zod types a recursive item's input as unknown; the form always holds whole parsed content.
    resolver: zodResolver(ZTemplateEditor) as Resolver<EditorValues>,
    defaultValues: { name: draft.name, content: draft.content },
  });
  const { errors, isDirty, isSubmitting, isSubmitted } = form.formState;
  const content = useWatch({ control: form.control, name: "content" });
  useLeaveWarning(isDirty);

  const formErrors: FormErrors = {
    message: (path) => get<typeof errors, FieldError | undefined>(errors, path)?.message,
    any: (path) => get(errors, path) !== undefined,
  };

  const changeItems = (items: TTemplateItem[]) => form.setValue("content.items", items, { shouldDirty: true, shouldValidate: isSubmitted });

  /** Saves with the revision this editor holds; on success the saved state becomes the clean one. */
  const save = async (values: EditorValues): Promise<boolean> => {
    const sent = structuredClone(form.getValues());
    setNotice(null);
    const result = await reach(() =>
      saveTemplateDraftAction({ versionId: draft.versionId, revision, name: values.name, content: values.content }),
    );
    if (!result) return fail(UNREACHABLE);
    if (!result.ok) return fail(applyServerErrors(result, form.setError));
    setRevision(result.data.revision);
    // Keep what was typed while the save was under way: only the baseline moves.
    form.reset(sent, { keepValues: true });
    return true;
  };

  const fail = (text: string) => {
    setNotice({ tone: "error", text });
    return false;
  };

  const onInvalid = () => setNotice({ tone: "error", text: INVALID });

  const saveDraft = form.handleSubmit(async (values) => {
    if (await save(values)) setNotice({ tone: "info", text: "Черновик сохранён." });
  }, onInvalid);

  const publish = form.handleSubmit(async (values) => {
    if (!(await save(values))) return;
    const result = await reach(() => publishTemplateVersionAction({ versionId: draft.versionId }));
    // Published, the page renders the version read-only.
    if (result?.ok) router.refresh();
    else fail(result ? result.error.message : UNREACHABLE);
  }, onInvalid);

  return (
    <form onSubmit={saveDraft} noValidate className="space-y-6" aria-label={`Черновик версии ${draft.version}`}>
      <Card>
        <CardTitle>Шаблон и шапка бланка</CardTitle>
        <BlankHeaderFields form={form} />
      </Card>
      <Card>
        <CardTitle>Пункты бланка</CardTitle>
        <ItemTreeEditor items={content.items} blankColumns={content.columns} errors={formErrors} onChange={changeItems} />
      </Card>
      <Card aria-labelledby="preview-title">
        <CardTitle id="preview-title">Предпросмотр</CardTitle>
        <PrintedBlank content={content} />
      </Card>
      <div className="sticky bottom-0 z-10 -mx-2 space-y-3 rounded-t-lg border border-border bg-background p-4 shadow-lg print:hidden">
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Сохранение…" : "Сохранить черновик"}
          </Button>
          <PublishDialog version={draft.version} disabled={isSubmitting} onConfirm={() => void publish()} />
          <span className="text-sm text-muted-foreground">{isDirty ? "Есть несохранённые изменения." : "Все изменения сохранены."}</span>
        </div>
      </div>
    </form>
  );
}

/** A server action that could not be reached (network, server error) answers null. */
async function reach<T>(action: () => Promise<ActionResult<T>>): Promise<ActionResult<T> | null> {
  try {
    return await action();
  } catch {
    return null;
  }
}

/** Asks before a reload or close throws away unsaved edits. */
function useLeaveWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}
