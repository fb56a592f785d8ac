import { PrintedBlank } from "@/components/templates/printed-blank";
import { AUDIT_MARK_LABELS, describeAnswer } from "@/lib/schemas/blank";
import { answerableItems } from "@/lib/schemas/template";
import type { BlankView } from "@/lib/server/blanks/get-blank";
import { ItemHistory } from "./item-history";
import { OfficialCount } from "./official-count";

/** A blank as printed, with the participant's answers, the auditor's marks and each item's history. */
export function ReadOnlyBlank({ blank, fileNames }: { blank: BlankView; fileNames: Record<string, string> }) {
  const entries = Object.entries(blank.answers);
  const extras = Object.fromEntries(
    answerableItems(blank.content).map((item) => {
      const value = blank.answers[item.key]?.value;
      const fileId = value?.kind === "DOCUMENT" ? value.fileId : null;
      return [
        item.key,
        <div key={item.key} className="space-y-1 print:hidden">
          {fileId && (
            <a className="text-primary underline" href={`/api/files/${fileId}`}>
              {fileNames[fileId] ?? "файл"}
            </a>
          )}
          <OfficialCount official={blank.officialCounts[item.key]} declared={value?.kind === "COUNT" ? value.count : undefined} />
          <ItemHistory blankId={blank.id} itemKey={item.key} label={item.number} />
        </div>,
      ];
    }),
  );
  return (
    <PrintedBlank
      content={blank.content}
      subjectName={blank.subjectName}
      values={Object.fromEntries(entries.map(([key, a]) => [key, describeAnswer(a.value)]))}
      marks={Object.fromEntries(
        entries.filter(([, a]) => a.mark).map(([key, a]) => [key, { label: AUDIT_MARK_LABELS[a.mark!], comment: a.markComment }]),
      )}
      itemExtras={extras}
    />
  );
}
