import "server-only";
import { notFound } from "@/lib/errors";
import { canSeeMunicipality, canSeeOrganization, canSeeRegion, staffRegionIds, type Scope } from "@/lib/scope";
import { blankWhere } from "@/lib/server/blanks/blank-access";
import { db } from "@/lib/server/db/client";
import { planWhere } from "@/lib/server/plans/plan-access";
import { REPORT_KIND_LABELS, type ReportKind } from "@/lib/domain/reports/report-kinds";

/** What a report is about, as far as the queue needs to know before it is built. */
export interface ReportSubject {
  regionId: string;
  /** Shown in «Мои отчёты» until the finished report gives its own title. */
  title: string;
}

type Named = { regionId: string; name: string } | null;

const SUBJECTS: Record<ReportKind, (scope: Scope, id: string) => Promise<Named>> = {
  // A campaign's results over the region: its region's staff only.
  campaign: (scope, id) =>
    db().campaign.findFirst({ where: { id, regionId: { in: staffRegionIds(scope) } }, select: { regionId: true, name: true } }),

  // One participant's audit: whoever may read the blank.
  audit: async (scope, id) => {
    const blank = await db().blank.findFirst({
      where: { AND: [{ id }, blankWhere(scope)] },
      select: {
        regionId: true,
        campaign: { select: { name: true } },
        municipality: { select: { name: true } },
        organization: { select: { name: true } },
      },
    });
    return blank && { regionId: blank.regionId, name: `${blank.organization?.name ?? blank.municipality.name}, ${blank.campaign.name}` };
  },

  // The filled blank: whoever may read it, as its audit.
  blank: (scope, id) => SUBJECTS.audit(scope, id),

  roadmap: async (scope, id) => {
    const plan = await db().plan.findFirst({ where: { AND: [{ id }, planWhere(scope)] }, select: { regionId: true, title: true } });
    return plan && { regionId: plan.regionId, name: plan.title };
  },

  // ДОТ records over a school, a municipality or a whole region the scope may see.
  records: async (scope, id) => {
    const [organization, municipality, region] = await Promise.all([
      db().organization.findUnique({ where: { id }, select: { id: true, regionId: true, municipalityId: true, name: true } }),
      db().municipality.findUnique({ where: { id }, select: { id: true, regionId: true, name: true } }),
      db().region.findUnique({ where: { id }, select: { id: true, name: true } }),
    ]);
    if (organization && canSeeOrganization(scope, organization)) return organization;
    if (municipality && canSeeMunicipality(scope, municipality)) return municipality;
    if (region && canSeeRegion(scope, region.id)) return { regionId: region.id, name: region.name };
    return null;
  },
};

/**
 * Whether the caller may have the report built, answered cheaply before it is
 * queued: its subject loaded under the same scoping rules the report applies.
 * A foreign or unknown id is NOT_FOUND, like anywhere else. The build checks
 * again with the requester's scope as it is then.
 */
export async function checkReportAccess(options: { scope: Scope; kind: ReportKind; id: string }): Promise<ReportSubject> {
  const subject = await SUBJECTS[options.kind](options.scope, options.id);
  if (!subject) throw notFound("Отчёт не найден: нет такого объекта или нет доступа к нему.");
  return { regionId: subject.regionId, title: `${REPORT_KIND_LABELS[options.kind]}: ${subject.name}` };
}
