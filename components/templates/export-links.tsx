import { buttonVariants } from "@/components/ui/button";

const FORMATS = [
  ["json", "JSON"],
  ["xlsx", "XLSX"],
] as const;

/** Downloads of one version from the export route; plain links, as they are files. */
export function ExportLinks(props: { templateId: string; version: number }) {
  return (
    <span className="inline-flex gap-2">
      {FORMATS.map(([format, label]) => (
        <a
          key={format}
          href={`/api/templates/${props.templateId}/export?version=${props.version}&format=${format}`}
          download
          aria-label={`Скачать версию ${props.version} в ${label}`}
          className={buttonVariants({ variant: "outline", size: "sm" })}
        >
          {label}
        </a>
      ))}
    </span>
  );
}
