import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { AppError, notFound } from "@/lib/errors";
import { db } from "@/lib/server/db/client";
import { buildReport } from "@/lib/server/reports/build-report";
import { REPORT_FORMATS, REPORT_KINDS, isReportKind, type ReportFormat, type ReportKind } from "@/lib/domain/reports/report-kinds";
import { adminScopeOf } from "./admin-scope";

/** The command's arguments, as the usage (lib/cli/commands.ts) and its own refusal show them. */
export const REPORT_ARGS = `<${REPORT_KINDS.join("|")}> --id <id> [--format ${REPORT_FORMATS.join("|")}] --out <file>`;
const USAGE = `report ${REPORT_ARGS}`;

/** --format if given; otherwise the out file's extension when it names a format; otherwise PDF. */
function formatOf(given: string | undefined, out: string): ReportFormat {
  const wanted = given ?? /\.([a-z]+)$/i.exec(out)?.[1]?.toLowerCase();
  const format = REPORT_FORMATS.find((f) => f === wanted);
  if (format) return format;
  if (given) throw new AppError("VALIDATION", `Формат отчёта: «pdf» или «docx». Usage: npm run -s cli -- ${USAGE}`);
  return "pdf";
}

/** The region of a report's subject: the CLI acts as that region's administrator. */
async function regionOf(kind: ReportKind, id: string): Promise<string> {
  const select = { regionId: true } as const;
  const found =
    kind === "audit" || kind === "blank"
      ? await db().blank.findUnique({ where: { id }, select })
      : kind === "campaign"
        ? await db().campaign.findUnique({ where: { id }, select })
        : kind === "roadmap"
          ? await db().plan.findUnique({ where: { id }, select })
          : ((await db().organization.findUnique({ where: { id }, select })) ??
            (await db().municipality.findUnique({ where: { id }, select })) ??
            (await db()
              .region.findUnique({ where: { id }, select: { id: true } })
              .then((r) => (r ? { regionId: r.id } : null))));
  if (!found) throw notFound(`Для отчёта «${kind}» не найден объект ${id}.`);
  return found.regionId;
}

/**
 * `report <audit|campaign|roadmap|records|blank> --id <id> [--format pdf|docx] --out <file>`:
 * writes the report (a PDF, or its DOCX twin) of a blank (its audit or the filled
 * blank itself), campaign, plan, or school/municipality/region as the administrator
 * of its region. Prints { out, format, bytes, pages } (pages: null for a DOCX).
 */
export async function reportCommand(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { id: { type: "string" }, out: { type: "string" }, format: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const [kind, ...extra] = positionals;
  if (!kind || !isReportKind(kind) || extra.length || !values.id || !values.out) {
    throw new AppError("VALIDATION", `Usage: npm run -s cli -- ${USAGE}`);
  }
  if (!/^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(values.id)) throw notFound(`«${values.id}» — не идентификатор.`);
  const format = formatOf(values.format, values.out);
  const report = await buildReport({ scope: adminScopeOf(await regionOf(kind, values.id)), kind, id: values.id, format });
  await writeFile(values.out, report.bytes);
  return { out: values.out, format, bytes: report.bytes.length, pages: report.pages };
}
