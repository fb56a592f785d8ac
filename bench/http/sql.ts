// One hand-written query per read, fetching the data its page or file shows, through `pg`
// with nothing in between: app p50 / SQL p50 is the overhead of the stack (auth, Prisma,
// React rendering, PDF/XLSX). They follow the app's queries in lib/server, not character for character.
import { COUNTED_STATUSES } from "@/lib/domain/dashboard/counted-statuses";
import { earliestLocalToday } from "@/lib/dates";
import { UNRESOLVED_STATUSES } from "@/lib/schemas/finding";
import { FINDING_STATUSES } from "@/lib/domain/scoring/statuses";
import type { HttpFixtures } from "./fixtures";

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** /region: the first page of municipalities with their schools, and the ten blanks to review. */
export const regionHome = (f: HttpFixtures): SqlQuery => ({
  sql: `
    SELECT json_build_object(
      'total', (SELECT count(*) FROM "Municipality" WHERE "regionId" = $1),
      'municipalities', (SELECT json_agg(x) FROM (
        SELECT m.id, m.name, (SELECT count(*) FROM "Organization" o WHERE o."municipalityId" = m.id) AS schools
        FROM "Municipality" m WHERE m."regionId" = $1 ORDER BY m.name LIMIT 20) x),
      'toReview', (SELECT json_agg(y) FROM (
        SELECT b.id, b.status, b."updatedAt", c.name AS campaign, c.deadline, t.name AS template, m.name AS municipality, o.name AS school
        FROM "Blank" b JOIN "Campaign" c ON c.id = b."campaignId" JOIN "TemplateVersion" tv ON tv.id = b."templateVersionId"
        JOIN "Template" t ON t.id = tv."templateId" JOIN "Municipality" m ON m.id = b."municipalityId"
        LEFT JOIN "Organization" o ON o.id = b."organizationId"
        WHERE b."regionId" = $1 AND b.status = 'SUBMITTED' ORDER BY b."updatedAt", b.id LIMIT 10) y)) AS page`,
  params: [f.regionId],
});

/** /municipality: the municipality and its schools. */
export const municipalityHome = (f: HttpFixtures): SqlQuery => ({
  sql: `
    SELECT m.id, m.name, m.aliases,
           (SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'isBaseSchool', o."isBaseSchool") ORDER BY o.name)
            FROM "Organization" o WHERE o."municipalityId" = m.id) AS organizations
    FROM "Municipality" m WHERE m.id = $1`,
  params: [f.municipalityId],
});

/** /school: the school, its municipality and addresses. */
export const schoolHome = (f: HttpFixtures): SqlQuery => ({
  sql: `
    SELECT o.*, m.name AS municipality,
           (SELECT json_agg(a ORDER BY a.position) FROM "OrganizationAddress" a WHERE a."organizationId" = o.id) AS addresses
    FROM "Organization" o LEFT JOIN "Municipality" m ON m.id = o."municipalityId" WHERE o.id = $1`,
  params: [f.organizationId],
});

/** /blanks filtered as the bench's list is (the campaign, or the accepted blanks), sorted by participant, a page of 20 and the total. */
export const blankListPage = (f: HttpFixtures, page: number): SqlQuery => {
  const byCampaign = "campaignId" in f.blankList.filter;
  return {
    sql: `
    SELECT b.id, b.status, b."updatedAt", c.name AS campaign, c.deadline, t.name AS template,
           m.name AS municipality, o.name AS school, count(*) OVER () AS total
    FROM "Blank" b JOIN "Campaign" c ON c.id = b."campaignId" JOIN "TemplateVersion" tv ON tv.id = b."templateVersionId"
    JOIN "Template" t ON t.id = tv."templateId" JOIN "Municipality" m ON m.id = b."municipalityId"
    LEFT JOIN "Organization" o ON o.id = b."organizationId"
    WHERE b."regionId" = $1 AND ${byCampaign ? `b."campaignId" = $2` : `b.status::text = $2`}
    ORDER BY m.name, o.name NULLS FIRST, b.id LIMIT 20 OFFSET $3`,
    params: [f.regionId, "campaignId" in f.blankList.filter ? f.blankList.filter.campaignId : f.blankList.filter.status, (page - 1) * 20],
  };
};

/** /blanks/<id> and the audit PDF's data: the blank, its template and answers, its findings. */
export const blankWithAnswers = (blankId: string): SqlQuery => ({
  sql: `
    SELECT b.*, tv.content, t.name AS template, c.name AS campaign, c.deadline, m.name AS municipality, o.name AS school,
           (SELECT json_agg(a) FROM "Answer" a WHERE a."blankId" = b.id) AS answers,
           (SELECT json_agg(f ORDER BY f."itemNumber") FROM "Finding" f WHERE f."blankId" = b.id) AS findings
    FROM "Blank" b JOIN "Campaign" c ON c.id = b."campaignId" JOIN "TemplateVersion" tv ON tv.id = b."templateVersionId"
    JOIN "Template" t ON t.id = tv."templateId" JOIN "Municipality" m ON m.id = b."municipalityId"
    LEFT JOIN "Organization" o ON o.id = b."organizationId"
    WHERE b.id = $1`,
  params: [blankId],
});

/**
 * The campaign dashboard (and the campaign PDF's data): progress by status, each municipality's
 * own score, its schools' average and open findings, the typical errors by item.
 */
export const campaignDashboard = (f: HttpFixtures): SqlQuery => ({
  sql: `
    WITH v AS (
      SELECT id, "municipalityId", "templateVersionId", "organizationId", status::text AS status, score
      FROM "Blank" WHERE "campaignId" = $1 AND "regionId" = $2
    ), mun AS (
      SELECT m.id, m.name,
             avg(v.score) FILTER (WHERE v."organizationId" IS NULL AND v.status = ANY($3)) AS score,
             count(*) FILTER (WHERE v."organizationId" IS NOT NULL) AS schools,
             count(*) FILTER (WHERE v."organizationId" IS NOT NULL AND v.status = ANY($3)) AS "schoolsCounted",
             round(avg(v.score) FILTER (WHERE v."organizationId" IS NOT NULL AND v.status = ANY($3))::numeric, 1) AS "schoolAverage",
             (SELECT count(*) FROM "Finding" f WHERE f."campaignId" = $1 AND f."municipalityId" = m.id
                AND f."remediationStatus"::text = ANY($4)) AS "openFindings"
      FROM v JOIN "Municipality" m ON m.id = v."municipalityId" GROUP BY m.id, m.name
    ), errors AS (
      SELECT v."organizationId" IS NULL AS municipal, a."itemKey", count(*) AS n
      FROM "Answer" a JOIN v ON v.id = a."blankId"
      WHERE v.status = ANY($3) AND a.status = ANY($5)
      GROUP BY 1, 2
    )
    SELECT json_build_object(
      'progress', (SELECT json_object_agg(status, n) FROM (SELECT status, count(*) AS n FROM v GROUP BY status) s),
      'municipalities', (SELECT json_agg(mun ORDER BY score DESC NULLS LAST, name) FROM mun),
      'typicalErrors', (SELECT json_agg(errors ORDER BY n DESC) FROM errors)) AS dashboard`,
  params: [f.campaignId, f.regionId, [...COUNTED_STATUSES], [...UNRESOLVED_STATUSES], [...FINDING_STATUSES]],
});

const OVERDUE = `e."status" = 'PLANNED' AND (
  (e."timingKind" <> 'RECURRING' AND e."endsOn" < $2::date)
  OR (e."timingKind" = 'RECURRING' AND EXISTS (
    SELECT 1 FROM unnest(e."dueDates") AS due(d) WHERE due.d < $2::date AND NOT (due.d = ANY(COALESCE(e."heldDates", '{}'))))))`;

/** /plans as the region sees it: every municipality's plans, events held and overdue, and the first page of plans. */
export const plansWithOverdue = (f: HttpFixtures): SqlQuery => ({
  sql: `
    SELECT json_build_object(
      'overview', (SELECT json_agg(x ORDER BY overdue DESC, name) FROM (
        SELECT m.id, m.name, count(DISTINCT p.id) AS plans, count(e.id) AS events,
               count(e.id) FILTER (WHERE e."status" = 'DONE') AS done,
               count(e.id) FILTER (WHERE ${OVERDUE}) AS overdue
        FROM "Municipality" m
        LEFT JOIN "Plan" p ON p."municipalityId" = m.id AND p."regionId" = m."regionId"
        LEFT JOIN "PlanEvent" e ON e."planId" = p.id
        WHERE m."regionId" = $1 GROUP BY m.id, m.name) x),
      'total', (SELECT count(*) FROM "Plan" WHERE "regionId" = $1),
      'plans', (SELECT json_agg(y) FROM (
        SELECT p.id, p.title, p.kind, p."startsOn", p."endsOn", m.name AS municipality, o.name AS school,
               (SELECT count(*) FROM "PlanEvent" e WHERE e."planId" = p.id) AS events,
               (SELECT count(*) FROM "PlanEvent" e WHERE e."planId" = p.id AND ${OVERDUE}) AS overdue
        FROM "Plan" p LEFT JOIN "Municipality" m ON m.id = p."municipalityId" LEFT JOIN "Organization" o ON o.id = p."organizationId"
        WHERE p."regionId" = $1 ORDER BY p."startsOn" DESC, p.id LIMIT 20) y)) AS page`,
  params: [f.regionId, earliestLocalToday()],
});

/** The plans list export: every plan of the region with its counts. */
export const plansExport = (f: HttpFixtures): SqlQuery => ({
  sql: `
    SELECT p.id, p.title, p.kind, p."schoolYear", p."startsOn", p."endsOn", m.name AS municipality, o.name AS school,
           count(e.id) AS events, count(e.id) FILTER (WHERE ${OVERDUE}) AS overdue
    FROM "Plan" p LEFT JOIN "Municipality" m ON m.id = p."municipalityId" LEFT JOIN "Organization" o ON o.id = p."organizationId"
    LEFT JOIN "PlanEvent" e ON e."planId" = p.id
    WHERE p."regionId" = $1 GROUP BY p.id, m.name, o.name ORDER BY p."startsOn" DESC, p.id`,
  params: [f.regionId, earliestLocalToday()],
});

/** The region's events export: every event of its plans, with its plan and owner, by plan. */
export const regionEvents = (f: HttpFixtures): SqlQuery => ({
  sql: `
    SELECT e.*, p.title AS plan, COALESCE(o.name, m.name, r.name) AS owner, (${OVERDUE}) AS overdue
    FROM "PlanEvent" e JOIN "Plan" p ON p.id = e."planId" JOIN "Region" r ON r.id = p."regionId"
    LEFT JOIN "Municipality" m ON m.id = p."municipalityId" LEFT JOIN "Organization" o ON o.id = p."organizationId"
    WHERE p."regionId" = $1 ORDER BY owner, p.title, p.id, e.position, e.id`,
  params: [f.regionId, earliestLocalToday()],
});

/** A roadmap's execution export: its events in order. */
export const roadmapEvents = (f: HttpFixtures): SqlQuery => ({
  sql: `SELECT e.* FROM "PlanEvent" e WHERE e."planId" = $1 ORDER BY e.position`,
  params: [f.roadmapId],
});
