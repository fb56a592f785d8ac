import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { ZBlankFormQuery, ZTemplateExportQuery } from "@/lib/schemas/template-file";
import { db } from "@/lib/server/db/client";
import { buildBlankForm } from "@/lib/server/templates/build-blank-form";
import { exportTemplate } from "@/lib/server/templates/export-template";
import { importTemplate } from "@/lib/server/templates/import-template";
import { listTemplates } from "@/lib/server/templates/list-templates";
import { adminScopeOf } from "./admin-scope";

const REGION_OPTION = { region: { type: "string" } } as const;

/** `template list [--region 23]`: the region's templates, each with its newest published version. */
export async function templateList(args: string[]) {
  const { values } = parseArgs({ args, options: REGION_OPTION, strict: true });
  const region = await regionOf(values.region);
  const templates = await listTemplates({ scope: adminScopeOf(region.id) });
  return templates.map((template) => ({
    key: template.key,
    name: template.name,
    level: template.level,
    version: template.versions.find((v) => v.status === "PUBLISHED")?.version ?? null,
    region: region.code,
  }));
}

/** `template export <key> [--version N] --format json|xlsx|pdf|docx --out <file> [--region 23]`: the template, or its empty blank (pdf, docx). */
export async function templateExport(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { ...REGION_OPTION, version: { type: "string" }, format: { type: "string" }, out: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const [key, ...extra] = positionals;
  if (!key || extra.length || !values.out) {
    throw new AppError("VALIDATION", "template export needs <key>, --format json|xlsx|pdf|docx and --out <file>");
  }
  // JSON and XLSX carry the template; PDF and DOCX are its empty blank to print or fill in Word.
  const printed = values.format === "pdf" || values.format === "docx";
  const query = (printed ? ZBlankFormQuery : ZTemplateExportQuery).safeParse({ version: values.version, format: values.format });
  if (!query.success) {
    throw new AppError("VALIDATION", query.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));
  }
  const region = await regionOf(values.region);
  const scope = adminScopeOf(region.id);
  const { version, format } = query.data;
  const file =
    format === "pdf" || format === "docx"
      ? await buildBlankForm({ scope, which: { key, regionId: region.id, version }, format })
      : await exportTemplate({ scope, key, regionId: region.id, version, format });
  const written = path.resolve(values.out);
  await writeFile(written, file.bytes);
  return { written, version: file.version };
}

/** `template import <file> [--region 23]` */
export async function templateImport(args: string[]) {
  const { values, positionals } = parseArgs({ args, options: REGION_OPTION, allowPositionals: true, strict: true });
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new AppError("VALIDATION", "template import needs exactly one <file>");
  const region = await regionOf(values.region);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new AppError("VALIDATION", `«${file}»: ${error.code === "ENOENT" ? "такого файла нет" : error.message}`);
  });
  return importTemplate({ scope: adminScopeOf(region.id), regionId: region.id, fileName: file, bytes });
}

/** The region given by its code; without one, the only region that holds templates. */
async function regionOf(code: string | undefined) {
  if (code !== undefined) {
    const region = await db().region.findUnique({ where: { code } });
    if (!region) throw new AppError("VALIDATION", `--region "${code}": no region with this code`);
    return region;
  }
  const regions = await db().region.findMany({ where: { templates: { some: {} } }, orderBy: { code: "asc" } });
  if (regions.length === 1) return regions[0]!;
  throw new AppError(
    "VALIDATION",
    regions.length
      ? `templates are kept in several regions (${regions.map((r) => r.code).join(", ")}): choose one with --region <code>`
      : "no region holds templates yet: choose one with --region <code>",
  );
}
