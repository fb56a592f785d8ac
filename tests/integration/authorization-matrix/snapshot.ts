import { db } from "@/lib/server/db/client";

/**
 * Every row a tenant owns, and every row elsewhere that points into it (another
 * tenant's student linked to its teacher, an event citing its document, a
 * membership in its region…), table by table, as comparable JSON. A call that
 * must be refused may change none of it.
 *
 * One SQL statement (the matrix takes a snapshot around each of its ~1,500 calls):
 * the CTEs collect the tenant's ids, each key of the object is one table's rows.
 */
const SNAPSHOT_SQL = `
WITH
  r  AS (SELECT $1::uuid AS id),
  m  AS (SELECT id FROM "Municipality" WHERE "regionId" = (SELECT id FROM r)),
  o  AS (SELECT id FROM "Organization" WHERE "regionId" = (SELECT id FROM r)),
  f  AS (SELECT id FROM "StoredFile" WHERE "regionId" = (SELECT id FROM r)),
  d  AS (SELECT id FROM "RegistryDocument" WHERE "regionId" = (SELECT id FROM r)),
  u  AS (SELECT DISTINCT "userId" AS id FROM "Membership" WHERE "regionId" = (SELECT id FROM r)),
  tp AS (SELECT id FROM "Template" WHERE "regionId" = (SELECT id FROM r)),
  tv AS (SELECT id FROM "TemplateVersion" WHERE "templateId" IN (SELECT id FROM tp)),
  c  AS (SELECT id FROM "Campaign" WHERE "regionId" = (SELECT id FROM r)),
  b  AS (SELECT id FROM "Blank" WHERE "regionId" = (SELECT id FROM r)),
  fi AS (SELECT id FROM "Finding" WHERE "regionId" = (SELECT id FROM r)),
  te AS (SELECT id FROM "DotTeacher" WHERE "regionId" = (SELECT id FROM r)),
  st AS (SELECT id FROM "DotStudent" WHERE "regionId" = (SELECT id FROM r)),
  p  AS (SELECT id FROM "Plan" WHERE "regionId" = (SELECT id FROM r)),
  ev AS (SELECT id FROM "PlanEvent" WHERE "planId" IN (SELECT id FROM p)),
  ti AS (SELECT id FROM "TargetIndicator" WHERE "planId" IN (SELECT id FROM p))
SELECT json_build_object(
  'region', (SELECT json_agg(t) FROM "Region" t WHERE id = (SELECT id FROM r)),
  'municipality', (SELECT json_agg(t ORDER BY t.id) FROM "Municipality" t WHERE id IN (SELECT id FROM m)),
  'organization', (SELECT json_agg(t ORDER BY t.id) FROM "Organization" t WHERE id IN (SELECT id FROM o) OR "municipalityId" IN (SELECT id FROM m)),
  'organizationAddress', (SELECT json_agg(t ORDER BY t.id) FROM "OrganizationAddress" t WHERE "organizationId" IN (SELECT id FROM o)),
  'user', (SELECT json_agg(t ORDER BY t.id) FROM "User" t WHERE id IN (SELECT id FROM u)),
  'membership', (SELECT json_agg(t ORDER BY t.id) FROM "Membership" t
     WHERE "regionId" = (SELECT id FROM r) OR "userId" IN (SELECT id FROM u) OR "municipalityId" IN (SELECT id FROM m) OR "organizationId" IN (SELECT id FROM o)),
  'template', (SELECT json_agg(t ORDER BY t.id) FROM "Template" t WHERE id IN (SELECT id FROM tp)),
  'templateVersion', (SELECT json_agg(t ORDER BY t.id) FROM "TemplateVersion" t WHERE id IN (SELECT id FROM tv)),
  'campaign', (SELECT json_agg(t ORDER BY t.id) FROM "Campaign" t WHERE id IN (SELECT id FROM c) OR "previousCampaignId" IN (SELECT id FROM c)),
  'campaignTemplate', (SELECT json_agg(t ORDER BY t."campaignId", t."templateVersionId") FROM "CampaignTemplate" t
     WHERE "campaignId" IN (SELECT id FROM c) OR "templateVersionId" IN (SELECT id FROM tv)),
  'blank', (SELECT json_agg(t ORDER BY t.id) FROM "Blank" t
     WHERE id IN (SELECT id FROM b) OR "municipalityId" IN (SELECT id FROM m) OR "organizationId" IN (SELECT id FROM o) OR "templateVersionId" IN (SELECT id FROM tv) OR "campaignId" IN (SELECT id FROM c)),
  'answer', (SELECT json_agg(t ORDER BY t.id) FROM "Answer" t WHERE "blankId" IN (SELECT id FROM b)),
  'answerChange', (SELECT json_agg(t ORDER BY t.id) FROM "AnswerChange" t WHERE "blankId" IN (SELECT id FROM b)),
  'storedFile', (SELECT json_agg(t ORDER BY t.id) FROM "StoredFile" t
     WHERE id IN (SELECT id FROM f) OR "municipalityId" IN (SELECT id FROM m) OR "organizationId" IN (SELECT id FROM o)),
  'notification', (SELECT json_agg(t ORDER BY t.id) FROM "Notification" t WHERE "regionId" = (SELECT id FROM r) OR "userId" IN (SELECT id FROM u)),
  'finding', (SELECT json_agg(t ORDER BY t.id) FROM "Finding" t WHERE id IN (SELECT id FROM fi) OR "evidenceFileId" IN (SELECT id FROM f)),
  'findingEvent', (SELECT json_agg(t ORDER BY t.id) FROM "FindingEvent" t WHERE "findingId" IN (SELECT id FROM fi) OR "fileId" IN (SELECT id FROM f)),
  'recommendationDefault', (SELECT json_agg(t ORDER BY t.status) FROM "RecommendationDefault" t WHERE "regionId" = (SELECT id FROM r)),
  'registryDocument', (SELECT json_agg(t ORDER BY t.id) FROM "RegistryDocument" t
     WHERE id IN (SELECT id FROM d) OR "fileId" IN (SELECT id FROM f) OR "supersededById" IN (SELECT id FROM d)
        OR "municipalityId" IN (SELECT id FROM m) OR "organizationId" IN (SELECT id FROM o)),
  'coordinatorAssignment', (SELECT json_agg(t ORDER BY t.id) FROM "CoordinatorAssignment" t
     WHERE "regionId" = (SELECT id FROM r) OR "municipalityId" IN (SELECT id FROM m) OR "organizationId" IN (SELECT id FROM o)
        OR "orderDocumentId" IN (SELECT id FROM d) OR "userId" IN (SELECT id FROM u)),
  'dotStudent', (SELECT json_agg(t ORDER BY t.id) FROM "DotStudent" t
     WHERE id IN (SELECT id FROM st) OR "organizationId" IN (SELECT id FROM o) OR "enrolmentOrderId" IN (SELECT id FROM d)
        OR "networkAgreementId" IN (SELECT id FROM d) OR "iupFileId" IN (SELECT id FROM f)),
  'dotTeacher', (SELECT json_agg(t ORDER BY t.id) FROM "DotTeacher" t WHERE id IN (SELECT id FROM te) OR "organizationId" IN (SELECT id FROM o)),
  'dotTeacherCourse', (SELECT json_agg(t ORDER BY t.id) FROM "DotTeacherCourse" t WHERE "teacherId" IN (SELECT id FROM te)),
  'dotStudentTeacher', (SELECT json_agg(t ORDER BY t."studentId", t."teacherId") FROM "DotStudentTeacher" t
     WHERE "studentId" IN (SELECT id FROM st) OR "teacherId" IN (SELECT id FROM te)),
  'studentCardRead', (SELECT json_agg(t ORDER BY t.id) FROM "StudentCardRead" t WHERE "regionId" = (SELECT id FROM r) OR "studentId" IN (SELECT id FROM st)),
  'plan', (SELECT json_agg(t ORDER BY t.id) FROM "Plan" t
     WHERE id IN (SELECT id FROM p) OR "municipalityId" IN (SELECT id FROM m) OR "organizationId" IN (SELECT id FROM o) OR "approvedById" IN (SELECT id FROM d)),
  'planStage', (SELECT json_agg(t ORDER BY t.id) FROM "PlanStage" t WHERE "planId" IN (SELECT id FROM p)),
  'planSection', (SELECT json_agg(t ORDER BY t.id) FROM "PlanSection" t WHERE "planId" IN (SELECT id FROM p)),
  'planEvent', (SELECT json_agg(t ORDER BY t.id) FROM "PlanEvent" t WHERE id IN (SELECT id FROM ev) OR "responsibleUserId" IN (SELECT id FROM u)),
  'planEventDocument', (SELECT json_agg(t ORDER BY t.id) FROM "PlanEventDocument" t WHERE "eventId" IN (SELECT id FROM ev) OR "documentId" IN (SELECT id FROM d)),
  'targetIndicator', (SELECT json_agg(t ORDER BY t.id) FROM "TargetIndicator" t WHERE id IN (SELECT id FROM ti)),
  'indicatorValue', (SELECT json_agg(t ORDER BY t.id) FROM "IndicatorValue" t WHERE "indicatorId" IN (SELECT id FROM ti) OR "organizationId" IN (SELECT id FROM o)),
  'reportSettings', (SELECT json_agg(t) FROM "ReportSettings" t WHERE "regionId" = (SELECT id FROM r) OR "logoFileId" IN (SELECT id FROM f)),
  'reportJob', (SELECT json_agg(t ORDER BY t.id) FROM "ReportJob" t
     WHERE "regionId" = (SELECT id FROM r) OR "requestedById" IN (SELECT id FROM u) OR "fileId" IN (SELECT id FROM f)
        OR "subjectId" IN (SELECT id FROM c UNION SELECT id FROM b UNION SELECT id FROM p UNION SELECT id FROM o UNION SELECT id FROM m UNION SELECT id FROM r)),
  -- Append-only and long: what was recorded, not the recorded values.
  'auditEvent', (SELECT json_agg(json_build_object('id', t.id, 'action', t.action, 'entity', t.entity, 'entityId', t."entityId", 'actorId', t."actorId") ORDER BY t.id)
     FROM "AuditEvent" t WHERE "regionId" = (SELECT id FROM r))
)::text AS snapshot`;

export async function snapshotTenant(regionId: string): Promise<Record<string, string>> {
  const [row] = await db().$queryRawUnsafe<Array<{ snapshot: string }>>(SNAPSHOT_SQL, regionId);
  const tables = JSON.parse(row!.snapshot) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(tables).map(([table, rows]) => [table, JSON.stringify(rows ?? [])]));
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before).filter((table) => before[table] !== after[table]);
}

/**
 * The ids of a snapshot's rows: a tenant's ids are its data too. Only `id`
 * fields count: template item keys, for one, are shared by every region that
 * imported the same seed blank.
 */
export function rowIdsIn(snapshot: Record<string, string>): Set<string> {
  const found = new Set<string>();
  for (const json of Object.values(snapshot)) {
    for (const row of JSON.parse(json) as Array<{ id?: unknown }>) if (typeof row.id === "string") found.add(row.id);
  }
  return found;
}
