import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { DocxImportPreview, ImportChange, PreviewItem } from "@/lib/domain/blanks/docx-import/preview";
import { describeAnswer, type TBlankAnswer } from "@/lib/schemas/blank";

const CHANGE_LABELS: Record<ImportChange, string> = {
  new: "новый ответ",
  changed: "изменится",
  same: "без изменений",
  empty: "не заполнено",
};
const CHANGE_TONES: Record<ImportChange, string> = {
  new: "border-primary/40 bg-primary/10",
  changed: "border-amber-500/50 bg-amber-100 text-amber-950",
  same: "text-muted-foreground",
  empty: "text-muted-foreground",
};

/** An answer as the preview shows it; a document there without its requisites is «есть». */
function shown(value: TBlankAnswer | null): string {
  if (!value) return "—";
  const { text, present } = describeAnswer(value);
  return text || (present ? "есть" : "—");
}

const badgeOf = (item: PreviewItem) =>
  item.read === null && item.problems.length > 0
    ? { label: "не прочитано", tone: "border-destructive/40 bg-destructive/10 text-destructive" }
    : { label: CHANGE_LABELS[item.change], tone: CHANGE_TONES[item.change] };

/** The counts a user decides by: «будет изменено N, без изменений M, не прочитано K». */
export function PreviewSummary({ summary }: { summary: DocxImportPreview["summary"] }) {
  return (
    <p role="status" className="text-sm font-medium">
      Будет изменено {summary.toChange}, без изменений {summary.same}, не прочитано {summary.unread}
      {summary.empty > 0 && `, не заполнено в файле ${summary.empty}`}
      {summary.missing > 0 && `, нет в файле ${summary.missing}`}.
    </p>
  );
}

/** What the Word file would change, item by item, and what in it is no item of the blank. */
export function DocxImportPreviewTable({ preview }: { preview: DocxImportPreview }) {
  return (
    <div className="space-y-4">
      <ScrollRegion labelledBy="docx-preview-caption" className="max-h-[50vh] overflow-auto">
        <table className="w-full text-left text-sm">
          <caption id="docx-preview-caption" className="sr-only">
            Что прочитано из файла, по пунктам бланка
          </caption>
          <thead className="sticky top-0 bg-muted">
            <tr>
              <th scope="col" className="p-2">
                №
              </th>
              <th scope="col" className="p-2">
                Пункт
              </th>
              <th scope="col" className="p-2">
                Прочитано
              </th>
              <th scope="col" className="p-2">
                Сейчас
              </th>
              <th scope="col" className="p-2">
                Изменение
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item) => {
              const badge = badgeOf(item);
              return (
                <tr key={item.itemKey} className="border-t border-border align-top">
                  <td className="p-2 whitespace-nowrap">{item.number}</td>
                  <td className="p-2 min-w-40">{item.title}</td>
                  <td className="p-2 min-w-40">
                    {shown(item.read)}
                    {item.problems.map((problem) => (
                      <p key={problem} className="mt-1 text-xs text-destructive">
                        {problem}
                      </p>
                    ))}
                  </td>
                  <td className="p-2 min-w-32 text-muted-foreground">{shown(item.current)}</td>
                  <td className="p-2">
                    <Badge className={badge.tone}>{badge.label}</Badge>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {preview.unmatched.length > 0 && (
        <section aria-labelledby="docx-unmatched" className="space-y-1 text-sm">
          <h3 id="docx-unmatched" className="font-medium">
            Строки файла, не найденные в бланке (не будут загружены)
          </h3>
          <ul className="list-disc space-y-1 pl-5">
            {preview.unmatched.map((row) => (
              <li key={row.where}>
                <span className="text-muted-foreground">{row.where}:</span> «{row.text}» — {row.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview.missing.length > 0 && (
        <p className="text-sm text-muted-foreground">
          Нет в файле (останутся как есть): {preview.missing.map((m) => m.number || m.title).join(", ")}.
        </p>
      )}
    </div>
  );
}
