"use client";

import { useState, useTransition } from "react";
import { markAnswerAction } from "@/lib/actions/blanks";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ItemMark, Remark } from "@/lib/domain/blanks/remarks";
import { AUDIT_MARK_LABELS, AUDIT_MARKS, describeAnswer, type AuditMark, type TBlankAnswer } from "@/lib/schemas/blank";
import type { TLegalBasis } from "@/lib/schemas/template";
import { ItemHistory } from "./item-history";
import { ItemFrame } from "./item-remark";
import { LegalBasis } from "./legal-basis";
import { OfficialCount } from "./official-count";

/**
 * One item under review: the participant's answer and the auditor's mark. A mark saves when it is
 * chosen, a comment when the field is left; «не применимо» waits for its reason.
 */
export function ReviewItem(props: {
  blankId: string;
  itemKey: string;
  label: string;
  number: string;
  depth: number;
  bases: TLegalBasis[];
  value: TBlankAnswer | null;
  /** The mark as this page holds it (the parent's, so that marking all shows here). */
  mark: ItemMark;
  onMark: (mark: ItemMark) => void;
  remark: Remark | undefined;
  problem: string | undefined;
  fileNames: Record<string, string>;
  official: number | undefined;
}) {
  const [comment, setComment] = useState(props.mark.comment ?? "");
  const [state, setState] = useState<{ saved: boolean; error: string | null }>({ saved: false, error: null });
  const [pending, start] = useTransition();
  const { value, mark } = props;
  const shown = describeAnswer(value);
  const fileId = value?.kind === "DOCUMENT" ? value.fileId : null;
  const commentId = `comment-${props.itemKey}`;

  const save = (next: AuditMark | null, nextComment: string) => {
    props.onMark({ mark: next, comment: nextComment.trim() || null });
    if (next === "NOT_APPLICABLE" && !nextComment.trim()) {
      setState({ saved: false, error: null });
      return;
    }
    start(async () => {
      const result = await markAnswerAction({ blankId: props.blankId, itemKey: props.itemKey, mark: next, comment: nextComment });
      setState(result.ok ? { saved: true, error: null } : { saved: false, error: result.error.message });
    });
  };

  return (
    <ItemFrame
      itemKey={props.itemKey}
      depth={props.depth}
      legend={props.label}
      remark={props.remark}
      problem={props.problem}
      className="space-y-2"
    >
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
              checked={mark.mark === option}
              disabled={pending}
              onChange={() => save(option, comment)}
            />
            {AUDIT_MARK_LABELS[option]}
          </label>
        ))}
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 sm:min-w-72">
          <Field
            id={commentId}
            label={mark.mark === "NOT_APPLICABLE" ? "Причина (обязательно)" : "Комментарий аудитора"}
            hint={mark.mark ? "Сохраняется, когда вы переходите к другому полю." : "Сохранится вместе с отметкой."}
            error={state.error ?? undefined}
          >
            <Input
              id={commentId}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              onBlur={() => {
                if (mark.mark && comment.trim() !== (mark.comment ?? "")) save(mark.mark, comment);
              }}
              aria-invalid={state.error ? true : undefined}
              aria-describedby={state.error ? `${commentId}-error` : `${commentId}-hint`}
            />
          </Field>
        </div>
        {state.saved && !pending && (
          <span role="status" className="text-sm text-muted-foreground">
            сохранено
          </span>
        )}
      </div>
      <ItemHistory blankId={props.blankId} itemKey={props.itemKey} label={props.number} />
    </ItemFrame>
  );
}
