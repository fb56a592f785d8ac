import "server-only";
import { readSchoolFile } from "@/lib/domain/directory/school-file";
import { fileNotices } from "@/lib/domain/files/table-file";
import { planSchoolImport, type PlannedRow } from "@/lib/domain/directory/school-import-plan";
import { parseSchoolTable, type SchoolRecord } from "@/lib/domain/directory/school-table";
import { notFound } from "@/lib/errors";
import { countedRecords, refusedRecords } from "@/lib/domain/imports/import-result";
import type { TSchoolImportResult, TSchoolImportRow } from "@/lib/schemas/import";
import { municipalityWhere, narrowScope, organizationWhere, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { SUPERVISORS } from "@/lib/roles";

/** How long an import's transaction may run: all rows or none, however many there are. */
const IMPORT_TIMEOUT_MS = 5 * 60_000;

/**
 * Imports a table of schools (XLSX or CSV in seed 001's columns) into one
 * municipality: all rows or none, in one transaction. A name already there (up to
 * case, «ё», spaces and quotes) updates that school's name, addresses, head and
 * phone; a new name creates a school. Schools missing from the file stay as they are.
 * A workbook is read from its sheet `sheet`, else from the one sheet that holds the
 * table. With `dryRun` the same answer is computed and nothing is written.
 */
export async function importSchools(options: {
  scope: Scope;
  municipalityId: string;
  bytes: Uint8Array;
  sheet?: string | null;
  dryRun?: boolean;
}): Promise<TSchoolImportResult> {
  const scope = narrowScope(options.scope, SUPERVISORS);
  const dryRun = options.dryRun ?? false;
  const municipality = await db().municipality.findFirst({
    where: { AND: [{ id: options.municipalityId }, municipalityWhere(scope)] },
    select: { id: true, regionId: true },
  });
  if (!municipality) throw notFound("Муниципальное образование не найдено.");

  const file = await readSchoolFile(options.bytes, options.sheet ?? null);
  if (!file.ok) return refusedRecords(dryRun, file.problems, { sheets: file.sheets });
  const table = parseSchoolTable(file.file.rows);
  const notices = [...fileNotices(file.file), ...table.notices];
  if (table.problems.length) return refusedRecords(dryRun, table.problems, { notices });

  return db().$transaction(
    async (tx) => {
      // Two imports into one municipality run one after the other, each seeing the other's schools.
      if (!dryRun) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`schools:${municipality.id}`}))`;
      const existing = await tx.organization.findMany({
        where: { AND: [{ regionId: municipality.regionId, municipalityId: municipality.id }, organizationWhere(scope)] },
        select: {
          id: true,
          kind: true,
          name: true,
          headName: true,
          phone: true,
          addresses: { orderBy: { position: "asc" }, select: { label: true, address: true } },
        },
      });
      const plan = planSchoolImport(table.schools, existing);
      if (plan.problems.length) return refusedRecords(dryRun, plan.problems, { notices });
      if (!dryRun) {
        for (const row of plan.rows) {
          if (row.action === "create") {
            await tx.organization.create({
              data: {
                regionId: municipality.regionId,
                municipalityId: municipality.id,
                kind: "SCHOOL",
                ...fieldsOf(row.school),
                addresses: { create: addressRows(row.school) },
              },
            });
          } else if (row.action === "update") {
            await tx.organization.update({
              where: { id: row.id, regionId: municipality.regionId, municipalityId: municipality.id },
              data: {
                ...fieldsOf(row.school),
                ...(row.changes.includes("addresses") ? { addresses: { deleteMany: {}, create: addressRows(row.school) } } : {}),
              },
            });
          }
        }
      }
      return countedRecords(dryRun, plan.rows.map(previewRow), notices);
    },
    // A big file (up to 5,000 schools) takes longer than Prisma's default 5 s.
    { timeout: IMPORT_TIMEOUT_MS },
  );
}

function fieldsOf(school: SchoolRecord) {
  return { name: school.name, headName: school.headName, phone: school.phone };
}

function addressRows(school: SchoolRecord) {
  return school.addresses.map((a, position) => ({ position, label: a.label, address: a.address }));
}

function previewRow(row: PlannedRow): TSchoolImportRow {
  if (row.action === "update") {
    return { row: row.row, name: row.name, action: "update", previousName: row.previousName, changes: row.changes };
  }
  return { row: row.row, name: row.name, action: row.action };
}
