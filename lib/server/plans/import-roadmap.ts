import "server-only";
import type { TableProblem } from "@/lib/domain/directory/school-table";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readEventTiming, type PlanRange } from "@/lib/domain/plans/event-timing";
import { describeTiming } from "@/lib/domain/plans/parse-timing";
import { eventKey, roadmapPlanTitle } from "@/lib/domain/plans/plan-labels";
import { splitResponsible } from "@/lib/domain/plans/responsible";
import { readRoadmapFile } from "@/lib/domain/plans/roadmap-file";
import { ROADMAP_COLUMNS, parseRoadmapRows, type RoadmapRecord } from "@/lib/domain/plans/roadmap-table";
import { parseSchoolYear, schoolYearFromText, schoolYearOf, type SchoolYear } from "@/lib/domain/plans/school-year";
import { parseRequisites, splitDocuments, type Requisites } from "@/lib/domain/requisites/parse-requisites";
import type { FileReport } from "@/lib/domain/imports/import-result";
import type { TRoadmapImportResult } from "@/lib/schemas/import";
import { scopeIdOf, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { issuerKeyOf } from "@/lib/server/documents/document-access";
import { canWritePlanOwner } from "./plan-access";
import { findMunicipalityByName } from "./find-municipality-by-name";

type Tx = Prisma.TransactionClient;

const header = (id: (typeof ROADMAP_COLUMNS)[number]["id"]) => ROADMAP_COLUMNS.find((c) => c.id === id)!.header;
const refused = (dryRun: boolean, errors: TableProblem[], report: FileReport = {}): TRoadmapImportResult => ({
  dryRun,
  imported: 0,
  updated: 0,
  documentsCreated: 0,
  documentsLinked: 0,
  planIds: [],
  rows: [],
  errors,
  notices: report.notices ?? [],
  sheets: report.sheets ?? [],
});

class DryRunRollback extends Error {
  constructor(readonly result: TRoadmapImportResult) {
    super("dry run");
  }
}

/**
 * Imports a roadmap execution report in seed 002's layout (Markdown, CSV, XLSX, DOCX)
 * into each named municipality's roadmap for the school year: all rows or none,
 * in one transaction. An event is matched by its title within the roadmap, so the
 * same file twice updates instead of duplicating. Confirming documents are read
 * into requisites and linked to the registry (created there when new); text that
 * is no document stays as written. A workbook is read from its sheet `sheet`, else
 * from the one sheet that holds the report. With `dryRun` everything is computed, then rolled back.
 */
export async function importRoadmap(options: {
  scope: Scope;
  bytes: Uint8Array;
  fileName?: string;
  /** "2020/2021"; otherwise read from the file's title or its dates. */
  schoolYear?: string | null;
  sheet?: string | null;
  dryRun?: boolean;
}): Promise<TRoadmapImportResult> {
  const dryRun = options.dryRun ?? false;
  const sheet = await readRoadmapFile(options.bytes, options.fileName, options.sheet ?? null);
  const { notices } = sheet;
  if (sheet.problems.length) return refused(dryRun, sheet.problems, { notices, sheets: sheet.sheets });
  const { records, problems } = parseRoadmapRows(sheet);
  if (problems.length) return refused(dryRun, problems, { notices });
  if (records.length === 0)
    return refused(dryRun, [{ row: null, column: null, message: "В файле нет ни одного мероприятия." }], { notices });

  const year = resolveSchoolYear(options.schoolYear ?? null, sheet.title, records);
  if (!year.ok) return refused(dryRun, [{ row: null, column: null, message: year.message }], { notices });

  try {
    return await db().$transaction(
      async (tx) => {
        const result = await importRecords(tx, options.scope, records, year.value, dryRun);
        result.notices = notices;
        if (dryRun || result.errors.length)
          throw new DryRunRollback(result.errors.length ? refused(dryRun, result.errors, { notices }) : result);
        return result;
      },
      // Up to 2,000 rows, each with its documents: far longer than Prisma's default 5 s on a busy server.
      { timeout: 5 * 60_000 },
    );
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result;
    throw error;
  }
}

function resolveSchoolYear(
  given: string | null,
  title: string | null,
  records: RoadmapRecord[],
): { ok: true; value: SchoolYear } | { ok: false; message: string } {
  if (given) {
    const year = parseSchoolYear(given);
    return year ? { ok: true, value: year } : { ok: false, message: "Учебный год пишется как 2020/2021." };
  }
  const fromTitle = title ? schoolYearFromText(title) : null;
  if (fromTitle) return { ok: true, value: fromTitle };
  // Without a title, the school year of the dates the rows name, when they agree.
  const years = new Set<string>();
  for (const record of records) {
    const start = readEventTiming(record.timing, { schoolYear: null, startsOn: "1900-01-01", endsOn: "2999-12-31" }).startsOn;
    if (start) years.add(schoolYearOf(start).label);
  }
  if (years.size === 1) return { ok: true, value: parseSchoolYear([...years][0]!)! };
  return { ok: false, message: "Не удалось определить учебный год: укажите его (например, 2020/2021)." };
}

async function importRecords(
  tx: Tx,
  scope: Scope,
  records: RoadmapRecord[],
  year: SchoolYear,
  dryRun: boolean,
): Promise<TRoadmapImportResult> {
  const errors: TableProblem[] = [];
  const plans = new Map<string, { id: string; range: PlanRange; keys: Map<string, string> }>();
  const result = refused(dryRun, errors);
  for (const record of records) {
    const municipality = await findMunicipalityByName(tx, { scope, regionCode: record.regionCode || null, name: record.municipality });
    if (!municipality.ok) {
      errors.push({ row: record.row, column: header(municipality.column), message: municipality.message });
      continue;
    }
    const owner = { regionId: municipality.value.regionId, municipalityId: municipality.value.id, organizationId: null };
    if (!canWritePlanOwner(scope, owner)) {
      errors.push({ row: record.row, column: header("municipality"), message: "Вы не ведёте планы этого муниципалитета." });
      continue;
    }
    const plan = plans.get(owner.municipalityId) ?? (await roadmapOf(tx, scope, owner, year));
    plans.set(owner.municipalityId, plan);

    const documents = await linkDocuments(tx, scope, owner, record);
    if (!documents.ok) {
      errors.push({ row: record.row, column: header("documents"), message: documents.message });
      continue;
    }
    const timing = readEventTiming(record.timing, plan.range);
    const people = splitResponsible(record.responsible).people;
    const key = eventKey(record.title);
    const data = {
      title: record.title,
      description: record.description,
      timingText: timing.timingText,
      timingKind: timing.timingKind,
      startsOn: timing.startsOn ? new Date(timing.startsOn) : null,
      endsOn: timing.endsOn ? new Date(timing.endsOn) : null,
      dueDates: timing.dueDates.map((d) => new Date(d)),
      responsibleText: record.responsible,
      responsiblePeople: people,
      audience: record.audience,
      evidenceText: record.documents,
      documents: { create: documents.links.map((link, i) => ({ ...link, position: i + 1 })) },
    };
    const existingId = plan.keys.get(key);
    if (existingId) {
      await tx.planEventDocument.deleteMany({ where: { eventId: existingId } });
      await tx.planEvent.update({ where: { id: existingId }, data, select: { id: true } });
      result.updated++;
    } else {
      const created = await tx.planEvent.create({
        data: { ...data, planId: plan.id, importKey: key, position: plan.keys.size + 1 },
        select: { id: true },
      });
      plan.keys.set(key, created.id);
      result.imported++;
    }
    result.documentsCreated += documents.created;
    result.documentsLinked += documents.links.filter((l) => l.documentId).length;
    result.rows.push({
      row: record.row,
      municipality: municipality.value.name,
      title: record.title,
      timing: describeTiming(timing.parsed),
      people,
      documents: documents.links.length,
      action: existingId ? "update" : "create",
    });
  }
  result.planIds = [...plans.values()].map((p) => p.id);
  return result;
}

/** The municipality's roadmap for the school year, created when it has none; serialised per roadmap. */
async function roadmapOf(tx: Tx, scope: Scope, owner: { regionId: string; municipalityId: string }, year: SchoolYear) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`roadmap:${owner.municipalityId}:${year.label}`}))`;
  const found = await tx.plan.findFirst({
    where: {
      regionId: owner.regionId,
      municipalityId: owner.municipalityId,
      organizationId: null,
      kind: "ROADMAP",
      schoolYear: year.label,
    },
    orderBy: { createdAt: "asc" },
    include: { events: { select: { id: true, importKey: true } } },
  });
  const plan =
    found ??
    (await tx.plan.create({
      data: {
        ...owner,
        kind: "ROADMAP",
        title: roadmapPlanTitle(year.label),
        schoolYear: year.label,
        startsOn: new Date(year.start),
        endsOn: new Date(year.end),
        createdById: scope.userId,
      },
      include: { events: { select: { id: true, importKey: true } } },
    }));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    id: plan.id,
    range: { schoolYear: plan.schoolYear, startsOn: day(plan.startsOn), endsOn: day(plan.endsOn) },
    keys: new Map(plan.events.map((e) => [e.importKey, e.id])),
  };
}

type Link = { documentId: string | null; label: string };

/**
 * The documents of a row's last column: each recognised one is linked to the
 * registry entry with the same requisites, or added to the registry of the
 * municipality; text that names no document is kept as written.
 */
async function linkDocuments(
  tx: Tx,
  scope: Scope,
  owner: { regionId: string; municipalityId: string },
  record: RoadmapRecord,
): Promise<{ ok: true; links: Link[]; created: number } | { ok: false; message: string }> {
  if (!record.documents) return { ok: true, links: [], created: 0 };
  const links: Link[] = [];
  let created = 0;
  for (const part of splitDocuments(record.documents)) {
    const parsed = parseRequisites(part);
    if (!parsed.ok) {
      if (parsed.error.startsWith("Дата")) return { ok: false, message: `${parsed.error} Исправьте реквизиты документа.` };
      links.push({ documentId: null, label: part });
      continue;
    }
    const found = await findRegistryDocument(tx, scopeIdOf(owner), parsed.value);
    const id =
      found ??
      (
        await tx.registryDocument.create({
          data: {
            regionId: owner.regionId,
            municipalityId: owner.municipalityId,
            scopeId: scopeIdOf(owner),
            type: parsed.value.type!,
            issuer: parsed.value.issuer,
            issuerKey: issuerKeyOf(parsed.value.issuer),
            date: parsed.value.date ? new Date(parsed.value.date) : null,
            number: parsed.value.number,
            title: parsed.value.title,
            createdById: scope.userId,
          },
          select: { id: true },
        })
      ).id;
    if (!found) created++;
    if (!links.some((l) => l.documentId === id)) links.push({ documentId: id, label: part });
  }
  return { ok: true, links, created };
}

/** The entry of the owner's registry with the same requisites; without a number and a date, the title decides too. */
async function findRegistryDocument(tx: Tx, scopeId: string, r: Requisites): Promise<string | null> {
  const found = await tx.registryDocument.findFirst({
    where: {
      scopeId,
      type: r.type!,
      issuerKey: issuerKeyOf(r.issuer),
      number: r.number,
      date: r.date ? new Date(r.date) : null,
      ...(r.number === null && r.date === null ? { title: r.title } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return found?.id ?? null;
}
