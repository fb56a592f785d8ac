import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ZSchoolExportQuery } from "@/lib/domain/directory/school-file";
import { AppError, type FieldErrors } from "@/lib/errors";
import { db } from "@/lib/server/db/client";
import { exportSchools } from "@/lib/server/directory/export-schools";
import { importSchools } from "@/lib/server/directory/import-schools";
import { adminScopeOf } from "./admin-scope";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `schools import <file> --municipality "23/Славянский район" [--sheet NAME] [--dry-run]`:
 * imports a table of schools (XLSX or CSV) into the municipality, all rows or none.
 */
export async function schoolsImport(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { municipality: { type: "string" }, sheet: { type: "string" }, "dry-run": { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length || !values.municipality) {
    throw new AppError("VALIDATION", 'schools import needs exactly one <file> and --municipality "<region code>/<municipality>"');
  }
  const municipality = await municipalityOf(values.municipality);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new AppError("VALIDATION", `«${file}»: ${error.code === "ENOENT" ? "такого файла нет" : error.message}`);
  });
  const result = await importSchools({
    scope: adminScopeOf(municipality.regionId),
    municipalityId: municipality.id,
    bytes,
    sheet: values.sheet ?? null,
    dryRun: values["dry-run"] ?? false,
  });
  if (result.errors.length) {
    const fieldErrors: FieldErrors = {};
    for (const e of result.errors) {
      const where = [e.row === null ? "файл" : `строка ${e.row}`, ...(e.column ? [`«${e.column}»`] : [])].join(", ");
      (fieldErrors[where] ??= []).push(e.message);
    }
    throw new AppError("VALIDATION", `«${file}»: ошибок — ${result.errors.length}, ничего не импортировано.`, fieldErrors);
  }
  return { municipality: municipality.name, ...result };
}

/** `schools export --municipality "23/Славянский район" --format xlsx|csv --out <file>` */
export async function schoolsExport(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { municipality: { type: "string" }, format: { type: "string" }, out: { type: "string" } },
    strict: true,
  });
  if (!values.municipality || !values.out) {
    throw new AppError(
      "VALIDATION",
      'schools export needs --municipality "<region code>/<municipality>", --format xlsx|csv and --out <file>',
    );
  }
  const query = ZSchoolExportQuery.safeParse({ format: values.format });
  if (!query.success) throw new AppError("VALIDATION", `--format "${values.format}": use xlsx or csv`);
  const municipality = await municipalityOf(values.municipality);
  const file = await exportSchools({
    scope: adminScopeOf(municipality.regionId),
    municipalityId: municipality.id,
    format: query.data.format,
  });
  const written = path.resolve(values.out);
  await writeFile(written, file.bytes);
  return { written, municipality: municipality.name, schools: file.count };
}

/** "23/Славянский район" (by name or one of its other spellings) or the municipality's id. */
async function municipalityOf(text: string) {
  const bad = (why: string) => new AppError("VALIDATION", `--municipality "${text}": ${why}`);
  if (UUID.test(text)) {
    const found = await db().municipality.findUnique({ where: { id: text } });
    if (!found) throw bad("no municipality has this id");
    return found;
  }
  const slash = text.indexOf("/");
  const code = text.slice(0, slash).trim();
  const name = text.slice(slash + 1).trim();
  if (slash < 0 || !code || !name) throw bad('expected "<region code>/<municipality>", e.g. "23/Славянский район"');
  const region = await db().region.findUnique({ where: { code } });
  if (!region) throw bad(`no region with code "${code}"`);
  const municipality = await db().municipality.findFirst({
    where: { regionId: region.id, OR: [{ name }, { aliases: { has: name } }] },
  });
  if (!municipality) throw bad(`no municipality "${name}" in region ${code}`);
  return municipality;
}
