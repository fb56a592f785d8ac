"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acceptBlankAction, markAllMatchingAction, markAnswerAction } from "@/lib/actions/blanks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { AUDIT_MARK_LABELS, AUDIT_MARKS, describeAnswer, type AuditMark, type TBlankAnswer } from "@/lib/schemas/blank";
import { effectiveLegalBasis, walkItems, type TTemplateContent } from "@/lib/schemas/template";
import { ItemHistory } from "./item-history";
import { LegalBasis } from "./legal-basis";
import { OfficialCount } from "./official-count";
import { ReturnBlankForm } from "./return-blank-form";

interface ReviewAnswer {
  value: TBlankAnswer | null;
  mark: AuditMark | null;
  markComment: string | null;
}

export interface BlankReviewProps {
  blankId: string;
  content: TTemplateContent;
  answers: Record<string, ReviewAnswer>;
  fileNames: Record<string, string>;
  officialCounts: Record<string, number>;
}

/** The auditor's column «Соответствие официальным данным», item by item, and the verdict. */
export function BlankReview(props: BlankReviewProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (action: () => Promise<{ ok: boolean; error?: { message: string } }>) =>
    start(async () => {
      setError(null);
      const result = await action();
      if (!result.ok) setError(result.error?.message ?? "Не удалось выполнить действие.");
      else router.refresh();
    });

  const rows = [...walkItems(props.content.items)];
  return (
    <div className="space-y-4">
      {error && <Alert>{error}</Alert>}
      {rows.map(({ item, depth }) =>
        item.kind === "SECTION" ? (
          <div key={item.key} style={{ marginLeft: `${depth * 1.25}rem` }}>
            <h2 className={depth === 0 ? "text-lg font-semibold" : "font-semibold"}>
              {item.number} {item.title}
            </h2>
            <LegalBasis bases={item.legalBasis} />
          </div>
        ) : (
          <ReviewItem
            key={item.key}
            blankId={props.blankId}
            itemKey={item.key}
            label={`${item.number} ${item.title}${item.footnotes.map((f) => f.mark).join("")}`}
            number={item.number}
            depth={depth}
            bases={effectiveLegalBasis(props.content, item.key)}
            answer={props.answers[item.key]}
            fileNames={props.fileNames}
            official={props.officialCounts[item.key]}
          />
        ),
      )}
      <Card>
        <CardTitle>Решение по бланку</CardTitle>
        <div className="flex flex-wrap gap-3">
          <Button
            type="button"
            variant="outline"
            disabled={pending}
            onClick={() => run(() => markAllMatchingAction({ blankId: props.blankId }))}
          >
            Отметить все неотмеченные пункты как «соответствует»
          </Button>
          <Button type="button" disabled={pending} onClick={() => run(() => acceptBlankAction({ blankId: props.blankId }))}>
            Принять бланк
          </Button>
          <ReturnBlankForm blankId={props.blankId} />
        </div>
      </Card>
    </div>
  );
}

function ReviewItem(props: {
  blankId: string;
  itemKey: string;
  label: string;
  number: string;
  depth: number;
  bases: ReturnType<typeof effectiveLegalBasis>;
  answer: ReviewAnswer | undefined;
  fileNames: Record<string, string>;
  official: number | undefined;
}) {
  const [mark, setMark] = useState<AuditMark | null>(props.answer?.mark ?? null);
  const [comment, setComment] = useState(props.answer?.markComment ?? "");
  const [state, setState] = useState<{ saved: boolean; error: string | null }>({ saved: false, error: null });
  const [pending, start] = useTransition();
  const value = props.answer?.value ?? null;
  const shown = describeAnswer(value);
  const fileId = value?.kind === "DOCUMENT" ? value.fileId : null;

  const saveMark = (next: AuditMark | null, nextComment: string) =>
    start(async () => {
      const result = await markAnswerAction({ blankId: props.blankId, itemKey: props.itemKey, mark: next, comment: nextComment });
      setState(result.ok ? { saved: true, error: null } : { saved: false, error: result.error.message });
    });

  return (
    <fieldset className="space-y-2 rounded-md border border-border bg-background p-4" style={{ marginLeft: `${props.depth * 1.25}rem` }}>
      <legend className="px-1 font-medium">{props.label}</legend>
      <LegalBasis bases={props.bases} />
      <p className="text-sm">
        <span className="font-medium">Ответ участника: </span>
        {shown.text || <span className="text-muted-foreground">не заполнено</span>}
        {fileId && (
          <>
            {" · "}
            <a className="text-primary underline" href={`/api/files/${fileId}`}>
              {props.fileNames[fileId] ?? "файл"}
            </a>
          </>
        )}
      </p>
      <OfficialCount official={props.official} declared={value?.kind === "COUNT" ? value.count : undefined} />
      <div role="radiogroup" aria-label={`Соответствие официальным данным, пункт ${props.number}`} className="flex flex-wrap gap-4 text-sm">
        {AUDIT_MARKS.map((option) => (
          <label key={option} className="inline-flex items-center gap-2">
            <input
              type="radio"
              name={`mark-${props.itemKey}`}
              checked={mark === option}
              disabled={pending}
              onChange={() => {
                setMark(option);
                if (option !== "NOT_APPLICABLE" || comment) saveMark(option, comment);
              }}
            />
            {AUDIT_MARK_LABELS[option]}
          </label>
        ))}
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-72 flex-1">
          <Field
            id={`comment-${props.itemKey}`}
            label={mark === "NOT_APPLICABLE" ? "Причина (обязательно)" : "Комментарий аудитора"}
            error={state.error ?? undefined}
          >
            <Input
              id={`comment-${props.itemKey}`}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-invalid={state.error ? true : undefined}
              aria-describedby={state.error ? `comment-${props.itemKey}-error` : undefined}
            />
          </Field>
        </div>
        <Button type="button" size="sm" variant="outline" disabled={pending || !mark} onClick={() => saveMark(mark, comment)}>
          Сохранить отметку {props.number}
        </Button>
        {state.saved && (
          <span role="status" className="text-sm text-muted-foreground">
            сохранено
          </span>
        )}
      </div>
      <ItemHistory blankId={props.blankId} itemKey={props.itemKey} label={props.number} />
    </fieldset>
  );
}
