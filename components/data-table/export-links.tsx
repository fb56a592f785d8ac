"use client";

import { Download } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { buttonVariants } from "@/components/ui/button";
import { EXPORT_FORMATS } from "@/lib/domain/exports/export-format";
import { exportHref } from "@/lib/domain/exports/export-href";
import type { ListExportId } from "@/lib/domain/exports/list-ids";

/**
 * «Скачать XLSX» and «Скачать CSV»: the whole list with the filters now in the URL.
 * Plain links, not client navigation: the answer is a file. The list's caption
 * completes each link's name, so two lists on one page never share a name.
 */
export function ExportLinks(props: { list: ListExportId; caption: string }) {
  const searchParams = useSearchParams();
  return (
    <div className="flex flex-wrap gap-2">
      {EXPORT_FORMATS.map((format) => (
        <a
          key={format}
          href={exportHref(props.list, searchParams.toString(), format)}
          // The visible text starts the name, so voice control finds the link by what it shows.
          aria-label={`Скачать ${format.toUpperCase()}: ${props.caption}`}
          className={buttonVariants({ variant: "outline", size: "sm" })}
        >
          <Download aria-hidden="true" className="h-4 w-4" />
          Скачать {format.toUpperCase()}
        </a>
      ))}
    </div>
  );
}
