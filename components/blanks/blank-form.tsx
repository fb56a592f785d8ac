"use client";

import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fromAnswer, type FormAnswer } from "@/lib/domain/blanks/answer-form";
import type { TBlankAnswer } from "@/lib/schemas/blank";
import type { OwnerDocument } from "@/lib/server/documents/list-documents-for-owner";
import { effectiveLegalBasis, walkItems, type AnswerKind, type TTemplateContent } from "@/lib/schemas/template";
import type { BlankFormValues } from "./answer-fields";
import { FillItem } from "./fill-item";
import { LegalBasis } from "./legal-basis";
import { SaveStatus } from "./save-status";
import { useBlankAutosave } from "./use-blank-autosave";

export interface BlankFormProps {
  blankId: string;
  version: number;
  content: TTemplateContent;
  answers: Record<string, { value: TBlankAnswer | null; carriedOver: boolean }>;
  fileNames: Record<string, string>;
  fileOwner: string;
  registry: OwnerDocument[];
  officialCounts: Record<string, number>;
}

/**
 * The participant's form: grouped by section, legal basis on each item, autosaved.
 * A save names the version it started from; on a conflict nothing is lost — the
 * answers stay in the form and in the browser's storage until they are saved.
 */
export function BlankForm(props: BlankFormProps) {
  const rows = useMemo(() => [...walkItems(props.content.items)], [props.content]);
  const kinds = useMemo(
    () => new Map(rows.filter((r) => r.item.kind !== "SECTION").map((r) => [r.item.key, r.item.kind as AnswerKind])),
    [rows],
  );
  const initial = useMemo(
    () =>
      Object.fromEntries(
        [...kinds.keys()].map((key) => {
          const value = props.answers[key]?.value;
          const fileName = value?.kind === "DOCUMENT" && value.fileId ? (props.fileNames[value.fileId] ?? "") : "";
          return [key, fromAnswer(value, fileName)];
        }),
      ),
    [kinds, props.answers, props.fileNames],
  );
  const form = useForm<BlankFormValues>({ defaultValues: { answers: initial } });
  const autosave = useBlankAutosave({
    blankId: props.blankId,
    version: props.version,
    kinds,
    initial,
    carriedOver: Object.keys(props.answers).filter((key) => props.answers[key]?.carriedOver),
    form,
  });
  const values = form.watch("answers");

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-label="Заполнение бланка" className="space-y-4">
      <SaveStatus state={autosave.state} onRetry={() => void autosave.save()} onReload={autosave.reload} />
      {rows.map(({ item, depth }) =>
        item.kind === "SECTION" ? (
          <div key={item.key} className="pt-2" style={{ marginLeft: `${depth * 1.25}rem` }}>
            <h2 className={depth === 0 ? "text-lg font-semibold" : "font-semibold"}>
              {item.number} {item.title}
            </h2>
            <LegalBasis bases={item.legalBasis} />
          </div>
        ) : (
          <FillItem
            key={item.key}
            blankId={props.blankId}
            item={item}
            depth={depth}
            bases={effectiveLegalBasis(props.content, item.key)}
            form={form}
            value={values[item.key] as FormAnswer}
            carried={autosave.carried.has(item.key)}
            onConfirm={() => void autosave.save([item.key])}
            fileOwner={props.fileOwner}
            registry={props.registry}
            official={props.officialCounts[item.key]}
          />
        ),
      )}
      {autosave.confirmingSubmit !== null && (
        <Alert tone="info">
          Не заполнено пунктов: {autosave.confirmingSubmit}. Незаполненные пункты будут считаться невыполненными. Отправить бланк на
          проверку?
          <div className="mt-2 flex gap-2">
            <Button type="button" size="sm" onClick={() => void autosave.submit(true)}>
              Отправить с незаполненными пунктами
            </Button>
            <Button type="button" size="sm" variant="outline" onClick={autosave.keepFilling}>
              Продолжить заполнение
            </Button>
          </div>
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="outline" onClick={() => void autosave.save()}>
          Сохранить
        </Button>
        <Button type="button" onClick={() => void autosave.submit(false)} disabled={autosave.state.kind === "saving"}>
          Отправить на проверку
        </Button>
      </div>
    </form>
  );
}
