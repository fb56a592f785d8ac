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

/** A cell's column name, shown before its value only where a phone lays each row out as a card. */
const OnPhone = ({ children }: { children: string }) => <span className="font-medium text-muted-foreground sm:hidden">{children}: </span>;

/**
 * What the Word file would change, item by item, and what in it is no item of the blank.
 * A table from the small breakpoint up; on a phone each item is a card of labelled lines,
 * so that nothing needs scrolling sideways.
 */
export function DocxImportPreviewTable({ preview }: { preview: DocxImportPreview }) {
  return (
    <div className="space-y-4">
      <ScrollRegion labelledBy="docx-preview-caption" className="max-h-[50vh] overflow-auto">
        <table className="w-full text-left text-sm">
          <caption id="docx-preview-caption" className="sr-only">
            Что прочитано из файла, по пунктам бланка
          </caption>
          <thead className="sticky top-0 hidden bg-muted sm:table-header-group">
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
          <tbody className="block sm:table-row-group">
            {preview.items.map((item) => {
              const badge = badgeOf(item);
              return (
                <tr key={item.itemKey} className="block border-t border-border py-1 align-top sm:table-row sm:py-0">
                  <td className="block px-2 pt-1 font-medium whitespace-nowrap sm:table-cell sm:p-2 sm:font-normal">{item.number}</td>
                  <td className="block px-2 font-medium sm:table-cell sm:min-w-40 sm:p-2 sm:font-normal">{item.title}</td>
                  <td className="block px-2 sm:table-cell sm:min-w-40 sm:p-2">
                    <OnPhone>Прочитано</OnPhone>
                    {shown(item.read)}
                    {item.problems.map((problem) => (
                      <p key={problem} className="mt-1 text-xs text-destructive">
                        {problem}
                      </p>
                    ))}
                  </td>
                  <td className="block px-2 text-muted-foreground sm:table-cell sm:min-w-32 sm:p-2">
                    <OnPhone>Сейчас</OnPhone>
                    {shown(item.current)}
                  </td>
                  <td className="block px-2 pb-1 sm:table-cell sm:p-2">
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
