import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { exportRoadmap } from "@/lib/server/plans/export-roadmap";
import { importRoadmap } from "@/lib/server/plans/import-roadmap";
import { adminScopeOf } from "./admin-scope";

/** The CLI administers every region of the installation; the file's region codes choose among them. */
async function installationScope(): Promise<Scope> {
  const regions = await db().region.findMany({ select: { id: true }, orderBy: { code: "asc" } });
  const scopes = regions.map((r) => adminScopeOf(r.id));
  return { ...adminScopeOf(regions[0]?.id ?? ""), memberships: scopes.flatMap((s) => s.memberships) };
}

/**
 * `roadmap import <file> [--school-year 2020/2021] [--sheet NAME] [--dry-run]`: imports a
 * roadmap report in seed 002's layout, all rows or none. Prints { imported, updated,
 * errors, notices }; with errors the exit code is 1 and nothing is imported.
 */
export async function importRoadmapCommand(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { "dry-run": { type: "boolean" }, "school-year": { type: "string" }, sheet: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length)
    throw new AppError(
      "VALIDATION",
      "roadmap import needs exactly one <file>: roadmap import <file> [--school-year 2020/2021] [--sheet NAME] [--dry-run]",
    );
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new AppError("VALIDATION", `«${file}»: ${error.code === "ENOENT" ? "такого файла нет" : error.message}`);
  });
  const result = await importRoadmap({
    scope: await installationScope(),
    bytes,
    fileName: path.basename(file),
    schoolYear: values["school-year"] ?? null,
    sheet: values.sheet ?? null,
    dryRun: values["dry-run"] ?? false,
  });
  const summary = { imported: result.imported, updated: result.updated, errors: result.errors, notices: result.notices };
  if (result.errors.length) {
    console.log(JSON.stringify(summary, null, 2));
    throw new AppError("VALIDATION", `«${file}»: ошибок — ${result.errors.length}, ничего не импортировано.`);
  }
  return summary;
}

/** `roadmap export <plan id> --format xlsx|csv --out <file>`: the plan in seed 002's columns. */
export async function exportRoadmapCommand(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: "string" }, out: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const [planId] = positionals;
  const format = values.format ?? "xlsx";
  if (!planId || !values.out || (format !== "xlsx" && format !== "csv")) {
    throw new AppError("VALIDATION", "roadmap export needs <plan id>, --format xlsx|csv and --out <file>");
  }
  const { bytes } = await exportRoadmap({ scope: await installationScope(), planId, format });
  await writeFile(values.out, bytes);
  return { out: values.out, bytes: bytes.length };
}
