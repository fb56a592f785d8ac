import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Card, CardTitle } from "@/components/ui/card";
import { TEMPLATE_LEVEL_LABELS } from "@/lib/schemas/template";
import type { listTemplates } from "@/lib/server/templates/list-templates";
import { ExportLinks } from "./export-links";
import { formatDate, VERSION_STATUS_LABELS } from "./version-labels";

type TemplateRow = Awaited<ReturnType<typeof listTemplates>>[number];

const cell = "px-3 py-2 text-left align-top";

/** One template with all its versions, newest first, each with its downloads. */
export function TemplateVersions({ template }: { template: TemplateRow }) {
  const titleId = `template-${template.id}`;
  return (
    <Card aria-labelledby={titleId}>
      <div className="mb-4 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <CardTitle id={titleId} className="mb-0">
          {template.name}
        </CardTitle>
        <Badge>{TEMPLATE_LEVEL_LABELS[template.level]}</Badge>
        <span className="text-sm text-muted-foreground">ключ {template.key}</span>
      </div>
      <div className="overflow-x-auto rounded-md border border-border">
        <table className="w-full text-sm">
          <caption className="sr-only">Версии шаблона «{template.name}»</caption>
          <thead className="bg-muted">
            <tr>
              {["Версия", "Статус", "Создана", "Опубликована", "Файлы"].map((header) => (
                <th key={header} scope="col" className={cn(cell, "font-semibold")}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {template.versions.map((version) => (
              <tr key={version.id} className="border-t border-border">
                <td className={cell}>
                  <Link href={`/region/templates/${version.id}`} className="text-primary hover:underline">
                    Версия {version.version}
                  </Link>
                </td>
                <td className={cell}>
                  <Badge className={version.status === "DRAFT" ? "border-amber-600 text-amber-800" : "border-green-700 text-green-800"}>
                    {VERSION_STATUS_LABELS[version.status]}
                  </Badge>
                </td>
                <td className={cell}>{formatDate(version.createdAt)}</td>
                <td className={cell}>{version.publishedAt ? formatDate(version.publishedAt) : "—"}</td>
                <td className={cell}>
                  <ExportLinks templateId={template.id} version={version.version} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
