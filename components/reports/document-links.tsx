import { buttonVariants } from "@/components/ui/button";

/** The formats a printable document is offered in, with their names on the links. */
const FORMATS = [["pdf", "PDF"]] as const;

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
      {FORMATS.map(([format, name]) => (
        <a
          key={format}
          href={`${props.href}${join}format=${format}`}
          download
          aria-label={props.caption ? `${props.caption}: ${props.text(name)}` : undefined}
          className={buttonVariants({ variant: "outline", size: "sm" })}
        >
          {props.text(name)}
        </a>
      ))}
    </span>
  );
}
