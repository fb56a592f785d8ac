import "server-only";
import { notFound } from "@/lib/errors";
import { schoolYearOf } from "@/lib/domain/records/official-measures";
import type { ReportBase } from "@/lib/domain/reports/pdf/frame";
import type { RecordsReportData } from "@/lib/domain/reports/pdf/records-report";
import { canSeeRegion, municipalityWhere, organizationWhere, type Scope } from "@/lib/scope";
import { countOfficialData, type CountArea } from "@/lib/server/students/count-official-data";
import { replicaDb } from "@/lib/server/db/replica";

/** Earlier school years shown next to the current one. */
const EARLIER_YEARS = 4;

interface Part {
  name: string;
  area: CountArea;
}

/**
 * The area a records report is about, as the caller may see it: a school (its
 * coordinator, its municipality's coordinator, region staff), a municipality
 * (its coordinator, region staff) or a region (its staff). Anything else is "not found".
 */
async function resolveArea(scope: Scope, id: string) {
  const school = await replicaDb().organization.findFirst({
    where: { AND: [{ id, kind: "SCHOOL" }, organizationWhere(scope)] },
    select: { name: true, regionId: true, municipality: { select: { name: true } } },
  });
  if (school) {
    const area: RecordsReportData["area"] = { level: "school", name: school.name, parent: school.municipality?.name ?? null };
    return { regionId: school.regionId, area, count: { organizationId: id } as CountArea, parts: [] as Part[] };
  }
  const municipality = await replicaDb().municipality.findFirst({
    where: { AND: [{ id }, municipalityWhere(scope)] },
    select: { name: true, regionId: true, region: { select: { name: true } } },
  });
  if (municipality) {
    const schools = await replicaDb().organization.findMany({
      where: { municipalityId: id, kind: "SCHOOL" },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    const area: RecordsReportData["area"] = { level: "municipality", name: municipality.name, parent: municipality.region.name };
    return {
      regionId: municipality.regionId,
      area,
      count: { municipalityId: id },
      parts: schools.map((s) => ({ name: s.name, area: { organizationId: s.id } })),
    };
  }
  const region = canSeeRegion(scope, id) ? await replicaDb().region.findUnique({ where: { id }, select: { name: true } }) : null;
  if (region) {
    const municipalities = await replicaDb().municipality.findMany({
      where: { regionId: id },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    const area: RecordsReportData["area"] = { level: "region", name: region.name, parent: null };
    return {
      regionId: id,
      area,
      count: { regionId: id },
      parts: municipalities.map((m) => ({ name: m.name, area: { municipalityId: m.id } })),
    };
  }
  throw notFound("Школа, муниципалитет или регион не найдены.");
}

/** The school years before `current` in which the area has records, the latest few. */
async function earlierYears(area: CountArea, current: string): Promise<string[]> {
  const [students, teachers] = await Promise.all([
    replicaDb().dotStudent.groupBy({ by: ["schoolYear"], where: { ...area, schoolYear: { lt: current } } }),
    replicaDb().dotTeacher.groupBy({ by: ["schoolYear"], where: { ...area, schoolYear: { lt: current } } }),
  ]);
  return [...new Set([...students, ...teachers].map((r) => r.schoolYear))].sort().slice(-EARLIER_YEARS);
}

/**
 * The ДОТ records report of a school, municipality or region for the school year
 * of `today`: counts only, aggregated in SQL; names never leave the database.
 * `onPart` follows the counting of the area's parts.
 */
export async function loadRecordsReport(options: {
  scope: Scope;
  id: string;
  today: string;
  onPart?: (done: number, total: number) => void | Promise<void>;
}) {
  const { regionId, area, count, parts } = await resolveArea(options.scope, options.id);
  const schoolYear = schoolYearOf(options.today);
  const [totals, years] = await Promise.all([countOfficialData(count, schoolYear), earlierYears(count, schoolYear)]);
  const partCounts: RecordsReportData["parts"] = [];
  for (const part of parts) {
    partCounts.push({ name: part.name, counts: await countOfficialData(part.area, schoolYear) });
    await options.onPart?.(partCounts.length, parts.length);
  }
  const data: Omit<RecordsReportData, keyof ReportBase> = {
    area,
    schoolYear,
    totals,
    parts: partCounts,
    years: await Promise.all(years.map(async (year) => ({ schoolYear: year, counts: await countOfficialData(count, year) }))),
  };
  return { regionId, areaName: area.name, schoolYear, data };
}
