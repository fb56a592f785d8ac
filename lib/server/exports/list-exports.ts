import "server-only";
import { exportTable, type ExportColumn, type ExportTable } from "@/lib/domain/exports/columns";
import { ASSIGNMENTS_CAPTION, assignmentColumns } from "@/lib/domain/exports/lists/assignments";
import { AUDIT_CAPTION, AUDIT_COLUMNS } from "@/lib/domain/exports/lists/audit";
import { BLANK_COLUMNS, BLANKS_CAPTION } from "@/lib/domain/exports/lists/blanks";
import { CAMPAIGN_COLUMNS, CAMPAIGNS_CAPTION } from "@/lib/domain/exports/lists/campaigns";
import { DOCUMENT_COLUMNS, DOCUMENTS_CAPTION } from "@/lib/domain/exports/lists/documents";
import { EVENT_COLUMNS, EVENTS_CAPTION } from "@/lib/domain/exports/lists/events";
import { FINDING_COLUMNS, FINDINGS_CAPTION } from "@/lib/domain/exports/lists/findings";
import { MUNICIPALITIES_CAPTION, MUNICIPALITY_COLUMNS } from "@/lib/domain/exports/lists/municipalities";
import { PLAN_COLUMNS, PLANS_CAPTION } from "@/lib/domain/exports/lists/plans";
import { AREA_COUNTS_CAPTIONS, areaCountColumns } from "@/lib/domain/exports/lists/student-counts";
import { STUDENT_COLUMNS, STUDENTS_CAPTION } from "@/lib/domain/exports/lists/students";
import { TEACHER_COLUMNS, TEACHERS_CAPTION } from "@/lib/domain/exports/lists/teachers";
import { USER_COLUMNS, USERS_CAPTION } from "@/lib/domain/exports/lists/users";
import type { ListExportId } from "@/lib/domain/exports/list-ids";
import { withCurrentSchoolYear } from "@/lib/domain/records/current-school-year";
import type { Scope } from "@/lib/scope";
import {
  ALL_ROLES,
  CAMPAIGN_MANAGERS,
  REGION_ADMINS,
  REGION_AUDITORS,
  REGION_STAFF,
  type Role,
  SCHOOL_COORDINATORS,
  SUPERVISORS,
} from "@/lib/roles";
import { assignmentToday, ZAssignmentListQuery } from "@/lib/schemas/assignment";
import { ZBlankListQuery, ZCampaignListQuery } from "@/lib/schemas/campaign";
import { ZDocumentListQuery } from "@/lib/schemas/document";
import { ZFindingListQuery } from "@/lib/schemas/finding";
import { ZMunicipalityListQuery } from "@/lib/schemas/list";
import { ZEventListQuery, ZPlanListQuery } from "@/lib/schemas/plan";
import { ZUserListQuery } from "@/lib/schemas/user";
import { ZCountsQuery, ZStudentListQuery, ZTeacherListQuery } from "@/lib/schemas/student";
import { iterateAssignments } from "@/lib/server/assignments/list-assignments";
import { ZAuditListQuery } from "@/lib/schemas/audit";
import { iterateAuditEvents } from "@/lib/server/audit/list-audit-events";
import { iterateBlanks } from "@/lib/server/blanks/list-blanks";
import { iterateCampaigns } from "@/lib/server/campaigns/list-campaigns";
import { iterateMunicipalities } from "@/lib/server/directory/list-municipalities";
import { iterateDocuments } from "@/lib/server/documents/list-documents";
import { iterateFindings } from "@/lib/server/findings/list-findings";
import { iterateEvents } from "@/lib/server/plans/list-events";
import { iteratePlans } from "@/lib/server/plans/list-plans";
import { areaLevel, countStudentsByArea } from "@/lib/server/students/count-students-by-area";
import { iterateStudents } from "@/lib/server/students/list-students";
import { iterateTeachers } from "@/lib/server/students/list-teachers";
import { iterateUsers } from "@/lib/server/users/list-users";

type Params = Record<string, string>;

/** How one list is exported; the rows come from the list's own operation, so its scoping and filters apply. */
interface ListExportSpec<Q, R> {
  /** The roles of the page that shows the list; the scope is narrowed to them, as on the page. */
  roles: readonly Role[];
  /** The list's caption (the file's and the sheet's name) and columns, as the page shows them to this scope. */
  head: (scope: Scope) => { title: string; columns: readonly ExportColumn<R>[] };
  /** The page's schema of its URL parameters (with the defaults the page applies): the query `iterate` gets. */
  query: { parse: (params: Params) => Q };
  iterate: (options: { scope: Scope; query: Q; batchSize?: number }) => AsyncIterable<R[]>;
}

export interface ListExport {
  roles: readonly Role[];
  table(options: { scope: Scope; params: Params; batchSize?: number }): ExportTable;
}

function listExport<Q, R>(spec: ListExportSpec<Q, R>): ListExport {
  return {
    roles: spec.roles,
    table: ({ scope, params, batchSize }) => {
      const { title, columns } = spec.head(scope);
      return exportTable(title, columns, spec.iterate({ scope, query: spec.query.parse(params), batchSize }));
    },
  };
}

const fixed =
  <R>(title: string, columns: Record<string, ExportColumn<R>>) =>
  () => ({ title, columns: Object.values(columns) });

export const LIST_EXPORTS: Record<ListExportId, ListExport> = {
  assignments: listExport({
    roles: REGION_STAFF,
    head: () => ({ title: ASSIGNMENTS_CAPTION, columns: Object.values(assignmentColumns(assignmentToday())) }),
    query: ZAssignmentListQuery,
    iterate: iterateAssignments,
  }),
  // «Журнал изменений»: the region admin's own page, read by key (at, id) however long the trail.
  audit: listExport({
    roles: REGION_ADMINS,
    head: fixed(AUDIT_CAPTION, AUDIT_COLUMNS),
    query: ZAuditListQuery,
    iterate: iterateAuditEvents,
  }),
  blanks: listExport({ roles: ALL_ROLES, head: fixed(BLANKS_CAPTION, BLANK_COLUMNS), query: ZBlankListQuery, iterate: iterateBlanks }),
  campaigns: listExport({
    roles: CAMPAIGN_MANAGERS,
    head: fixed(CAMPAIGNS_CAPTION, CAMPAIGN_COLUMNS),
    query: ZCampaignListQuery,
    iterate: iterateCampaigns,
  }),
  documents: listExport({
    roles: ALL_ROLES,
    head: fixed(DOCUMENTS_CAPTION, DOCUMENT_COLUMNS),
    query: ZDocumentListQuery,
    iterate: iterateDocuments,
  }),
  events: listExport({ roles: ALL_ROLES, head: fixed(EVENTS_CAPTION, EVENT_COLUMNS), query: ZEventListQuery, iterate: iterateEvents }),
  findings: listExport({
    roles: ALL_ROLES,
    head: fixed(FINDINGS_CAPTION, FINDING_COLUMNS),
    query: ZFindingListQuery,
    iterate: iterateFindings,
  }),
  municipalities: listExport({
    roles: REGION_STAFF,
    head: fixed(MUNICIPALITIES_CAPTION, MUNICIPALITY_COLUMNS),
    query: ZMunicipalityListQuery,
    iterate: iterateMunicipalities,
  }),
  plans: listExport({ roles: ALL_ROLES, head: fixed(PLANS_CAPTION, PLAN_COLUMNS), query: ZPlanListQuery, iterate: iteratePlans }),
  // Personal data: each page's own readers only, the auditor's region or the coordinator's school.
  "region-students": listExport({
    roles: REGION_AUDITORS,
    head: fixed(STUDENTS_CAPTION, STUDENT_COLUMNS),
    query: ZStudentListQuery.transform(withCurrentSchoolYear),
    iterate: iterateStudents,
  }),
  "school-students": listExport({
    roles: SCHOOL_COORDINATORS,
    head: fixed(STUDENTS_CAPTION, STUDENT_COLUMNS),
    query: ZStudentListQuery.transform(withCurrentSchoolYear),
    iterate: iterateStudents,
  }),
  "student-counts": listExport({
    roles: SUPERVISORS,
    head: (scope) => ({ title: AREA_COUNTS_CAPTIONS[areaLevel(scope)], columns: areaCountColumns(areaLevel(scope)) }),
    query: ZCountsQuery.transform(withCurrentSchoolYear),
    // A short list of areas, counted in one query: one batch.
    iterate: async function* ({ scope, query }) {
      yield (await countStudentsByArea({ scope, schoolYear: query.schoolYear })).rows;
    },
  }),
  teachers: listExport({
    roles: SCHOOL_COORDINATORS,
    head: fixed(TEACHERS_CAPTION, TEACHER_COLUMNS),
    query: ZTeacherListQuery.transform(withCurrentSchoolYear),
    iterate: iterateTeachers,
  }),
  users: listExport({ roles: REGION_ADMINS, head: fixed(USERS_CAPTION, USER_COLUMNS), query: ZUserListQuery, iterate: iterateUsers }),
};
