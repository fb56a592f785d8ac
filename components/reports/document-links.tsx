import { buttonVariants } from "@/components/ui/button";
import { REPORT_FORMAT_LABELS, REPORT_FORMATS } from "@/lib/domain/reports/report-kinds";

/**
 * Downloads of one document in each format, as plain links (they are files):
 * «Скачать бланк (PDF)», under a caption when several documents sit side by side.
 */
export function DocumentLinks(props: {
  /** The route without its format: `/api/blanks/<id>/form`; a query already there is kept. */
  href: string;
  /** A link's text by the format's name: «Скачать бланк (PDF)». */
  text: (format: string) => string;
  /** What the links are for, said to screen readers and shown before them. */
  caption?: string;
}) {
  const join = props.href.includes("?") ? "&" : "?";
  return (
    <span className="inline-flex flex-wrap items-center gap-2 print:hidden">
      {props.caption && <span className="text-sm text-muted-foreground">{props.caption}:</span>}
      {REPORT_FORMATS.map((format) => (
        <a
          key={format}
          href={`${props.href}${join}format=${format}`}
          download
          aria-label={props.caption ? `${props.caption}: ${props.text(REPORT_FORMAT_LABELS[format])}` : undefined}
          className={buttonVariants({ variant: "outline", size: "sm" })}
        >
          {props.text(REPORT_FORMAT_LABELS[format])}
        </a>
      ))}
    </span>
  );
}
