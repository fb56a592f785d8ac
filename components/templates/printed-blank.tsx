import { useId, type CSSProperties, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { walkItems, type TColumnHeaders, type TTemplateContent, type TTemplateItem } from "@/lib/schemas/template";

/** What a participant entered for an item: the value column and the ✓ column. */
export interface BlankValue {
  text: string;
  present?: boolean | null;
}

/** A reviewer's mark for an item, printed in the last column. */
export interface BlankMark {
  label: string;
  comment?: string | null;
}

export interface PrintedBlankProps {
  content: TTemplateContent;
  /** Printed in place of the subtitle's "_____". */
  subjectName?: string;
  /** By item key. Without values the blank prints empty, with ✓ where an answer is due (as in seed 000). */
  values?: Record<string, BlankValue>;
  marks?: Record<string, BlankMark>;
  /** By item key: rendered in a full-width row under the item's row, on screen only (the paper is the blank as issued). */
  itemExtras?: Record<string, ReactNode>;
  className?: string;
}

const cell = "border border-border px-2 py-1.5 align-top print:border-black";
const COLUMN_COUNT = 5;

/**
 * A compliance blank as printed: title, subtitle and caption over one table
 * (№ | name | value | ✓ | match). The last column carries what the seed prints
 * there: the legal basis of the row that has one, "ежегодное обновление", and a
 * reviewer's mark when given.
 */
export function PrintedBlank({ content, subjectName, values, marks, itemExtras, className }: PrintedBlankProps) {
  const walked = [...walkItems(content.items)];
  const footnotes = uniqueFootnotes(walked.map((w) => w.item));
  const captionId = useId();
  return (
    <div className={cn("mx-auto max-w-[210mm] bg-background text-foreground print:max-w-none print:text-black", className)}>
      {/* A phone scrolls the blank sideways inside its card rather than the page. */}
      <ScrollRegion labelledBy={captionId} className="overflow-x-auto border-0">
        <table className="w-full border-collapse text-sm print:text-[10pt]">
          <caption id={captionId} className="caption-top pb-4 text-center">
            <span className="block text-base font-bold tracking-wide">{content.title}</span>
            {content.subtitle && <span className="block">{withSubject(content.subtitle, subjectName)}</span>}
            {content.subjectCaption && <span className="block text-xs italic">{content.subjectCaption}</span>}
          </caption>
          <colgroup>
            <col className="w-16" />
            <col />
            <col className="w-[22%]" />
            <col className="w-10" />
            <col className="w-[24%]" />
          </colgroup>
          <thead>
            <ColumnHeaderRow columns={content.columns} />
          </thead>
          <tbody>
            {walked.map(({ item, depth }) => (
              <ItemRows
                key={item.key}
                item={item}
                depth={depth}
                value={values?.[item.key]}
                filled={values !== undefined}
                mark={marks?.[item.key]}
                extra={itemExtras?.[item.key]}
              />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {footnotes.length > 0 && (
        <ul className="mt-3 space-y-1 text-xs" aria-label="Сноски">
          {footnotes.map((note) => (
            <li key={`${note.mark} ${note.text}`}>
              {note.mark} {note.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ColumnHeaderRow({ columns }: { columns: TColumnHeaders }) {
  const header = cn(cell, "text-left font-semibold");
  return (
    <tr className="break-inside-avoid bg-muted print:[print-color-adjust:exact]">
      <th scope="col" className={header}>
        {columns.number}
      </th>
      <th scope="col" className={header}>
        {columns.name}
      </th>
      <th scope="col" className={header}>
        {columns.value}
      </th>
      <th scope="col" className={cn(header, "text-center")}>
        <Said sign="✓" words="Наличие" />
      </th>
      <th scope="col" className={header}>
        {columns.match}
      </th>
    </tr>
  );
}

function ItemRows(props: {
  item: TTemplateItem;
  depth: number;
  value: BlankValue | undefined;
  filled: boolean;
  mark: BlankMark | undefined;
  extra: ReactNode;
}) {
  const { item, value, mark } = props;
  const section = item.kind === "SECTION";
  const indent: CSSProperties = { paddingLeft: `${0.5 + props.depth * 1.25}rem` };
  return (
    <>
      <tr className={cn("break-inside-avoid", section && "bg-muted font-semibold print:[print-color-adjust:exact]")}>
        <td className={cn(cell, "whitespace-nowrap")}>{item.number}</td>
        <th scope="row" colSpan={section ? 3 : 1} className={cn(cell, "text-left", !section && "font-normal")} style={indent}>
          {item.title}
          {item.footnotes.map((note, index) => (
            <span key={index}> {note.mark}</span>
          ))}
        </th>
        {!section && <td className={cell}>{value?.text}</td>}
        {!section && <td className={cn(cell, "text-center")}>{presence(props.filled, value?.present)}</td>}
        <td className={cn(cell, "font-normal")}>
          {item.legalBasis.map((basis, index) => (
            <p key={index}>{basis.text}</p>
          ))}
          {item.annualUpdate && <p>ежегодное обновление</p>}
          {mark && (
            <p className="mt-1">
              <Badge>{mark.label}</Badge>
              {mark.comment && <span className="ml-1">{mark.comment}</span>}
            </p>
          )}
        </td>
      </tr>
      {section && item.columns && <ColumnHeaderRow columns={item.columns} />}
      {props.extra !== undefined && (
        <tr className="break-inside-avoid print:hidden">
          <td colSpan={COLUMN_COUNT} className={cell}>
            {props.extra}
          </td>
        </tr>
      )}
    </>
  );
}

/** An empty blank prints ✓ in every row that takes an answer; a filled one, what was answered. */
function presence(filled: boolean, present: boolean | null | undefined): ReactNode {
  if (!filled) return <span aria-hidden="true">✓</span>;
  if (present === true) return <Said sign="✓" words="есть" />;
  if (present === false) return <Said sign="—" words="нет" />;
  return null;
}

/** A sign for the eye, words for a screen reader. */
function Said({ sign, words }: { sign: string; words: string }) {
  return (
    <>
      <span aria-hidden="true">{sign}</span>
      <span className="sr-only">{words}</span>
    </>
  );
}

/** The participant's name goes where the subtitle leaves a line of underscores. */
function withSubject(subtitle: string, subjectName: string | undefined): ReactNode {
  if (!subjectName) return subtitle;
  const parts = subtitle.split(/_{3,}/);
  const name = (index: number) => (
    <span key={index} className="font-semibold underline">
      {subjectName}
    </span>
  );
  if (parts.length === 1)
    return (
      <>
        {subtitle} {name(0)}
      </>
    );
  return parts.flatMap((part, index) => (index === 0 ? [part] : [name(index), part]));
}

function uniqueFootnotes(items: TTemplateItem[]) {
  const seen = new Map<string, { mark: string; text: string }>();
  for (const note of items.flatMap((item) => item.footnotes)) {
    if (note.text) seen.set(`${note.mark} ${note.text}`, { mark: note.mark, text: note.text });
  }
  return [...seen.values()];
}
