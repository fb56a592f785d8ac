import { PrintedBlank } from "@/components/templates/printed-blank";
import { AUDIT_MARK_LABELS, describeAnswer } from "@/lib/schemas/blank";
import type { BlankView } from "@/lib/server/blanks/get-blank";

/** A blank as printed, with the participant's answers and the auditor's marks. */
export function ReadOnlyBlank({ blank, fileNames }: { blank: BlankView; fileNames: Record<string, string> }) {
  const entries = Object.entries(blank.answers);
  return (
    <PrintedBlank
      content={blank.content}
      subjectName={blank.subjectName}
      values={Object.fromEntries(entries.map(([key, a]) => [key, describeAnswer(a.value)]))}
      marks={Object.fromEntries(
        entries.filter(([, a]) => a.mark).map(([key, a]) => [key, { label: AUDIT_MARK_LABELS[a.mark!], comment: a.markComment }]),
      )}
      itemExtras={Object.fromEntries(
        entries.flatMap(([key, a]) =>
          a.value?.kind === "DOCUMENT" && a.value.fileId
            ? [
                [
                  key,
                  <a key={key} className="text-primary underline" href={`/api/files/${a.value.fileId}`}>
                    {fileNames[a.value.fileId] ?? "файл"}
                  </a>,
                ],
              ]
            : [],
        ),
      )}
    />
  );
}
