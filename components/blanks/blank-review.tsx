"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import { acceptBlankAction, markAllMatchingAction } from "@/lib/actions/blanks";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  collectRemarks,
  itemNames,
  remarkCount,
  marksOf,
  rowsWithRemarks,
  unmarkedItems,
  type ItemMark,
} from "@/lib/domain/blanks/remarks";
import type { BlankAnswerView } from "@/lib/server/blanks/get-blank";
import type { ErrorBody } from "@/lib/errors";
import { effectiveLegalBasis, walkItems, type TTemplateContent } from "@/lib/schemas/template";
import { ActionProblems, type ItemProblemEntry } from "./action-problems";
import { focusItem } from "./item-focus";
import { LegalBasis } from "./legal-basis";
import { RemarksSummary } from "./remarks-summary";
import { ReturnBlankForm } from "./return-blank-form";
import { ReviewItem } from "./review-item";

export interface BlankReviewProps {
  blankId: string;
  content: TTemplateContent;
  answers: Record<string, BlankAnswerView>;
  fileNames: Record<string, string>;
  officialCounts: Record<string, number>;
}

const UNMARKED = "Отметьте соответствие официальным данным.";

/**
 * The auditor's column «Соответствие официальным данным», item by item, and the verdict. The marks
 * live here, so that marking all at once shows on every item and the remark summary follows each mark.
 */
export function BlankReview(props: BlankReviewProps) {
  const router = useRouter();
  const rows = useMemo(() => [...walkItems(props.content.items)], [props.content]);
  const names = useMemo(() => itemNames(props.content), [props.content]);
  const itemKeys = useMemo(() => rows.filter((r) => r.item.kind !== "SECTION").map((r) => r.item.key), [rows]);
  const [marks, setMarks] = useState<Record<string, ItemMark>>(() => marksOf(props.answers));
  const [onlyRemarks, setOnlyRemarks] = useState(false);
  const [problems, setProblems] = useState<{ title: string; items: ItemProblemEntry[] } | null>(null);
  const [markedAll, setMarkedAll] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const remarks = collectRemarks(props.content, marks);
  const remarkOf = new Map(remarks.map((r) => [r.itemKey, r]));
  const shown = onlyRemarks ? rowsWithRemarks(rows, new Set(remarkOf.keys())) : rows;
  const problemOf = new Map(problems?.items.map((p) => [p.itemKey, p.message]));

  // The first item to see to gets the focus once it is marked (and shown: the filter is lifted).
  useEffect(() => {
    const first = problems?.items[0];
    if (first) focusItem(first.itemKey);
  }, [problems]);

  const report = (title: string, items: Record<string, string>) => {
    setOnlyRemarks(false);
    setProblems({
      title,
      items: Object.entries(items).map(([itemKey, message]) => ({ itemKey, name: names.get(itemKey) ?? "", message })),
    });
  };
  const reportError = (error: ErrorBody["error"], title: string) => {
    const items = Object.fromEntries(Object.entries(error.fieldErrors).map(([key, messages]) => [key, messages[0] ?? ""]));
    report(Object.keys(items).length ? title : error.message, items);
  };

  const markAll = () =>
    start(async () => {
      setProblems(null);
      setMarkedAll(null);
      const result = await markAllMatchingAction({ blankId: props.blankId });
      if (!result.ok) return reportError(result.error, result.error.message);
      setMarks((before) =>
        Object.fromEntries(itemKeys.map((key) => [key, before[key]?.mark ? before[key] : { mark: "MATCHES", comment: null }])),
      );
      setMarkedAll(result.data.marked);
    });
  const checkAccept = () => {
    setMarkedAll(null);
    const unmarked = unmarkedItems(itemKeys, marks);
    if (unmarked.length)
      return report("Бланк не принят: не все пункты отмечены.", Object.fromEntries(unmarked.map((key) => [key, UNMARKED])));
    setProblems(null);
    setConfirming(true);
  };
  const accept = () =>
    start(async () => {
      const result = await acceptBlankAction({ blankId: props.blankId });
      if (result.ok) router.replace(`/blanks/${props.blankId}?done=accepted`);
      else reportError(result.error, "Бланк не принят: не все пункты отмечены.");
    });

  return (
    <div className="space-y-4">
      <RemarksSummary remarks={remarks} only={onlyRemarks} onOnlyChange={setOnlyRemarks} />
      {shown.map(({ item, depth }) =>
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
            value={props.answers[item.key]?.value ?? null}
            mark={marks[item.key] ?? { mark: null, comment: null }}
            onMark={(next) => setMarks((before) => ({ ...before, [item.key]: next }))}
            remark={remarkOf.get(item.key)}
            problem={problemOf.get(item.key)}
            fileNames={props.fileNames}
            official={props.officialCounts[item.key]}
          />
        ),
      )}
      <Card className="space-y-3">
        <CardTitle>Решение по бланку</CardTitle>
        <div className="flex flex-wrap gap-3">
          <Button type="button" variant="outline" disabled={pending} onClick={markAll}>
            Отметить все неотмеченные пункты как «соответствует»
          </Button>
          <ConfirmDialog
            open={confirming}
            onOpenChange={(next) => (next ? checkAccept() : setConfirming(false))}
            trigger={
              <Button type="button" disabled={pending}>
                Принять бланк
              </Button>
            }
            title="Принять бланк?"
            description={
              <>
                <p>Бланк станет доступен только для чтения, оценка — окончательной.</p>
                <p>
                  По невыполненным пунктам будут сформированы замечания со сроком устранения; координаторы участника получат уведомление
                  «Бланк принят».
                </p>
                {remarks.length > 0 && <p>В отметках {remarkCount(remarks.length)}: они останутся у пунктов.</p>}
              </>
            }
            confirmLabel="Принять бланк"
            onConfirm={accept}
          />
          <ReturnBlankForm blankId={props.blankId} />
        </div>
        {markedAll !== null && (
          <p role="status" className="text-sm">
            Отмечено пунктов: {markedAll}
          </p>
        )}
        {problems && <ActionProblems title={problems.title} items={problems.items} />}
      </Card>
    </div>
  );
}
