"use client";

import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { fromAnswer, type FormAnswer } from "@/lib/domain/blanks/answer-form";
import { collectRemarks, itemNames, marksOf, rowsWithRemarks } from "@/lib/domain/blanks/remarks";
import type { OwnerDocument } from "@/lib/server/documents/list-documents-for-owner";
import type { BlankAnswerView } from "@/lib/server/blanks/get-blank";
import { effectiveLegalBasis, walkItems, type AnswerKind, type TTemplateContent } from "@/lib/schemas/template";
import type { BlankFormValues } from "./answer-fields";
import { FillItem } from "./fill-item";
import { LegalBasis } from "./legal-basis";
import { RemarksSummary } from "./remarks-summary";
import { SaveStatus } from "./save-status";
import { SubmitBlankButton } from "./submit-blank-button";
import { useBlankAutosave } from "./use-blank-autosave";

export interface BlankFormProps {
  blankId: string;
  version: number;
  content: TTemplateContent;
  answers: Record<string, BlankAnswerView>;
  fileNames: Record<string, string>;
  fileOwner: string;
  registry: OwnerDocument[];
  officialCounts: Record<string, number>;
}

/**
 * The participant's form: grouped by section, legal basis on each item, autosaved.
 * A save names the version it started from; on a conflict nothing is lost — the
 * answers stay in the form and in the browser's storage until they are saved.
 * A returned blank shows the auditor's remarks at their items, summed up above them.
 */
export function BlankForm(props: BlankFormProps) {
  const rows = useMemo(() => [...walkItems(props.content.items)], [props.content]);
  const names = useMemo(() => itemNames(props.content), [props.content]);
  const remarks = useMemo(() => collectRemarks(props.content, marksOf(props.answers)), [props.content, props.answers]);
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
  const [onlyRemarks, setOnlyRemarks] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const remarkOf = new Map(remarks.map((r) => [r.itemKey, r]));
  const shown = onlyRemarks ? rowsWithRemarks(rows, new Set(remarkOf.keys())) : rows;

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-label="Заполнение бланка" className="space-y-4">
      <SaveStatus state={autosave.state} onRetry={() => void autosave.save()} onReload={autosave.reload} />
      <RemarksSummary remarks={remarks} only={onlyRemarks} onOnlyChange={setOnlyRemarks} />
      {shown.map(({ item, depth }) =>
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
            remark={remarkOf.get(item.key)}
            problem={problems[item.key]}
          />
        ),
      )}
      <SubmitBlankButton
        blankId={props.blankId}
        autosave={autosave}
        names={names}
        onItemProblems={(next) => {
          // An item to correct is never hidden by the filter.
          if (Object.keys(next).length) setOnlyRemarks(false);
          setProblems(next);
        }}
      />
    </form>
  );
}
