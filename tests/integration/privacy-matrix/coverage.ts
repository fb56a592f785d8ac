import { LIST_EXPORT_IDS } from "@/lib/domain/exports/list-ids";
import type { ActionCall, PageCall, RouteCall } from "../authorization-matrix/matrix";
import { CANARY, canaryFields, canaryOrderRequisites, DECOY_SURNAME } from "./canary";
import type { Audience, PrivacyCallOptions } from "./judge";
import type { PrivacyCallerId, PrivacyCtx } from "./world";

/**
 * THE PRIVACY TABLE: for every page, layout, route handler and server action of
 * the app, who may see the canary child's data in its answers, and how to call it.
 * Discovered entries without a row, and rows of entries that no longer exist, fail
 * coverage.test.ts: a new route needs exactly one row here (and one in the
 * authorization matrix's coverage.ts).
 *
 * The class table of children's personal data, for a child of school S1:
 * - S1's coordinator reads and writes it; the region's auditor reads it, every read logged.
 * - Region admins and the municipality's coordinator see counts only; another school's
 *   coordinator, another region and no session see nothing (404/403/401).
 * - Some entries show it to nobody at all, whoever asks: the audit journal (a child's
 *   data appears there as «[данные ребёнка скрыты]»), the counts, the records report,
 *   notifications.
 *
 * Each row: `audience` (default "child readers", i.e. S1's coordinator and the
 * auditor; or "nobody", with `why`); `authz: true` to take the authorization
 * matrix's calls for the entry re-targeted at the callers' own region (its foreign
 * ids are then region 23's), or `authz: { replaced }` saying why they cannot be
 * (they would erase or revoke what other calls need) and giving `calls` instead;
 * `calls`, the canary's own (its ids, searches for its name, sacrificial copies).
 */

export type PrivacyRow<C> =
  | { skip: string }
  | {
      audience?: Audience;
      /** Why nobody may see the child here. */
      why?: string;
      /** Where one entry serves several classes (the list exports, the report kinds): a call's own audience and ids. */
      classOf?(call: C): Pick<PrivacyCallOptions<C>, "audience" | "idsShown">;
      /** Why the entry may show the canary's ids (not its data) to whoever reaches it. */
      idsShown?: string;
      authz: true | { replaced: string };
      calls?(ctx: PrivacyCtx): Array<C & PrivacyCallOptions<C>>;
    };

const S1: PrivacyCallerId[] = ["23 SCHOOL_COORDINATOR"];
const AUDITOR: PrivacyCallerId[] = ["23 REGION_AUDITOR"];
const ADMIN: PrivacyCallerId[] = ["23 REGION_ADMIN"];
const READERS = [...S1, ...AUDITOR];
const reuse = { authz: true } as const;

/** How the journal shows a child's data to everyone (issue 15). */
export const REDACTED = "[данные ребёнка скрыты]";

const JOURNAL = {
  audience: "nobody",
  why: "the audit journal shows a child's data to nobody: it appears as «[данные ребёнка скрыты]»",
  idsShown: "the journal keeps who, when, what kind of change and the ids of the rows (issue 15); only a region admin reads it",
} as const;

/** The journal's filters that find the canary's own entries: its record, its ИУП file, its enrolment order. */
const journalFilters = ({ canary }: PrivacyCtx) => [
  { label: "the child's record", entity: "DotStudent", entityId: canary.studentId },
  { label: "its ИУП file", entity: "StoredFile", entityId: canary.iupFileId },
  { label: "its enrolment order", entity: "RegistryDocument", entityId: canary.orderId },
];

const searched = (q: string) => ({ q });

// ------------------------------------------------------------------ pages and layouts

/** A list of children (the school's, the auditor's): its reader finds the child, searched or not; a search tells nobody else anything. */
const studentListCalls = (reader: PrivacyCallerId[]): Array<PageCall & PrivacyCallOptions<PageCall>> => [
  { label: "the current school year", reach: { by: reader, sees: [CANARY.fullName, CANARY.birthDate] } },
  {
    label: "searched by the child's surname",
    searchParams: searched(CANARY.surname),
    decoy: { searchParams: searched(DECOY_SURNAME) },
    reach: { by: reader, sees: [CANARY.fullName] },
  },
];

export const PRIVACY_PAGES: Record<string, PrivacyRow<PageCall>> = {
  "app/layout.tsx": reuse,
  "app/(app)/layout.tsx": reuse,
  "app/page.tsx": reuse,
  "app/login/page.tsx": reuse,
  "app/(app)/[...missing]/page.tsx": reuse,

  // S1's blank (the authorization matrix's "submitted" blank) shows the official counts next to the answers.
  "app/(app)/blanks/[id]/page.tsx": reuse,
  "app/(app)/blanks/page.tsx": reuse,
  "app/(app)/campaigns/[id]/dashboard/page.tsx": reuse,
  "app/(app)/campaigns/[id]/page.tsx": reuse,
  "app/(app)/coordinators/[subjectId]/page.tsx": reuse,
  "app/(app)/documents/[id]/page.tsx": {
    // The order's requisites stay visible to the registry's readers; its title names the child.
    authz: true,
    calls: ({ canary }) => [{ label: "the enrolment order", params: { id: canary.orderId }, reach: { by: S1, sees: [CANARY.orderTitle] } }],
  },
  "app/(app)/documents/new/page.tsx": reuse,
  "app/(app)/documents/page.tsx": {
    authz: true,
    calls: () => [
      {
        label: "searched by the child's surname",
        searchParams: searched(CANARY.surname),
        decoy: { searchParams: searched(DECOY_SURNAME) },
        reach: { by: S1, sees: [CANARY.orderTitle] },
      },
    ],
  },
  "app/(app)/dynamics/page.tsx": reuse,
  "app/(app)/findings/[id]/page.tsx": reuse,
  "app/(app)/findings/page.tsx": reuse,
  "app/(app)/municipalities/[id]/page.tsx": reuse,
  "app/(app)/municipality/page.tsx": reuse,
  "app/(app)/notifications/page.tsx": { ...reuse, audience: "nobody", why: "notifications name no child, whoever they are for" },
  "app/(app)/organizations/[id]/page.tsx": {
    authz: true,
    calls: ({ otherSchool }) => [{ label: "the other school", params: { id: otherSchool.id } }],
  },
  "app/(app)/plans/[id]/events/[eventId]/page.tsx": reuse,
  "app/(app)/plans/[id]/events/new/page.tsx": reuse,
  "app/(app)/plans/[id]/indicators/page.tsx": reuse,
  "app/(app)/plans/[id]/page.tsx": reuse,
  "app/(app)/plans/events/page.tsx": reuse,
  "app/(app)/plans/import/page.tsx": reuse,
  "app/(app)/plans/new/page.tsx": reuse,
  "app/(app)/plans/page.tsx": reuse,
  "app/(app)/region/audit/page.tsx": {
    ...JOURNAL,
    authz: true,
    calls: (ctx) => [
      { label: "everything", searchParams: { pageSize: "100" } },
      ...journalFilters(ctx).map(({ label, entity, entityId }) => ({
        label,
        searchParams: { entity, entityId },
        reach: { by: ADMIN, sees: [REDACTED] },
      })),
    ],
  },
  "app/(app)/region/campaigns/new/page.tsx": reuse,
  "app/(app)/region/campaigns/page.tsx": reuse,
  "app/(app)/region/coordinators/new/page.tsx": reuse,
  "app/(app)/region/coordinators/page.tsx": reuse,
  "app/(app)/region/page.tsx": reuse,
  "app/(app)/region/recommendations/page.tsx": reuse,
  "app/(app)/region/report-settings/page.tsx": reuse,
  "app/(app)/region/students/list/page.tsx": { authz: true, calls: () => studentListCalls(AUDITOR) },
  "app/(app)/region/students/page.tsx": {
    ...reuse,
    audience: "nobody",
    why: "the counts of children per area: counts only, for every role",
  },
  "app/(app)/region/templates/[versionId]/page.tsx": reuse,
  "app/(app)/region/templates/new/page.tsx": reuse,
  "app/(app)/region/templates/page.tsx": reuse,
  "app/(app)/region/users/[id]/page.tsx": reuse,
  "app/(app)/region/users/new/page.tsx": reuse,
  "app/(app)/region/users/page.tsx": reuse,
  "app/(app)/reports/page.tsx": reuse,
  "app/(app)/school/page.tsx": reuse,
  "app/(app)/school/students/page.tsx": { authz: true, calls: () => studentListCalls(S1) },
  "app/(app)/school/students/teachers/page.tsx": {
    authz: true,
    calls: ({ canary }) => [{ label: "the child's teacher to edit", searchParams: { edit: canary.teacherId } }],
  },
  "app/(app)/students/[id]/page.tsx": {
    authz: true,
    calls: ({ canary }) => [
      {
        label: "the child's card",
        params: { id: canary.studentId },
        refused: "unless reader",
        reach: {
          by: READERS,
          sees: [CANARY.fullName, CANARY.diagnosis, CANARY.birthDate, CANARY.disabilityConfirmedUntil, CANARY.fileName, CANARY.orderTitle],
        },
      },
    ],
  },
};

// ------------------------------------------------------------------ route handlers

/** The lists whose every row is counts or journal entries: they show a child to nobody. */
const NOBODY_LISTS: readonly string[] = ["audit", "student-counts"];
/** The lists of children, and who reads each (the control's callers). */
const CHILD_LISTS: Partial<Record<string, PrivacyCallerId[]>> = { "school-students": S1, "region-students": AUDITOR };

const exportListOf = (call: RouteCall) => String(call.params?.list ?? "");
const isRecordsReport = (call: RouteCall) =>
  call.params?.kind === "records" || (call.json as { kind?: string } | undefined)?.kind === "records";

export const PRIVACY_ROUTES: Record<string, PrivacyRow<RouteCall>> = {
  "DELETE app/api/[...missing]/route.ts": reuse,
  "GET app/api/[...missing]/route.ts": reuse,
  "PATCH app/api/[...missing]/route.ts": reuse,
  "POST app/api/[...missing]/route.ts": reuse,
  "PUT app/api/[...missing]/route.ts": reuse,
  "GET app/api/auth/[...nextauth]/route.ts": {
    skip: "NextAuth's public endpoints need Next's request store (cookies()); they hold no child's data",
  },
  "POST app/api/auth/[...nextauth]/route.ts": {
    skip: "NextAuth's public endpoints need Next's request store (cookies()); they hold no child's data",
  },
  "GET app/api/health/route.ts": { skip: "operator endpoint: the process is up; it reads no data" },
  "GET app/api/metrics/route.ts": { skip: "operator endpoint: counters by route pattern (ids taken out), no child's data" },
  "GET app/api/ready/route.ts": { skip: "operator endpoint: the dependencies' states and timings, no data" },

  "PATCH app/api/blanks/[id]/answers/route.ts": reuse,
  "POST app/api/blanks/[id]/docx-import/route.ts": reuse,
  "GET app/api/blanks/[id]/form/route.ts": reuse,

  "GET app/api/exports/[list]/route.ts": {
    authz: true,
    // The journal's export keeps ids as its page does.
    classOf: (call) => (exportListOf(call) === "audit" ? JOURNAL : NOBODY_LISTS.includes(exportListOf(call)) ? { audience: "nobody" } : {}),
    calls: (ctx) => [
      // Every list, searched by the child's surname, in both formats: it answers as for a name nobody has.
      ...LIST_EXPORT_IDS.flatMap((list) =>
        (["csv", "xlsx"] as const).map((format) => ({
          label: `${list} searched by the child's surname (${format})`,
          params: { list },
          query: { format, ...searched(CANARY.surname) },
          decoy: { params: { list }, query: { format, ...searched(DECOY_SURNAME) } },
          reach: CHILD_LISTS[list]
            ? { by: CHILD_LISTS[list], sees: [CANARY.fullName] }
            : list === "documents"
              ? { by: S1, sees: [CANARY.orderTitle] }
              : undefined,
        })),
      ),
      ...Object.entries(CHILD_LISTS).map(([list, by]) => ({
        label: `${list}, the current school year (xlsx)`,
        params: { list },
        query: { format: "xlsx" },
        reach: { by: by!, sees: [CANARY.fullName, CANARY.birthDate] },
      })),
      ...journalFilters(ctx).map(({ label, entity, entityId }) => ({
        label: `the journal: ${label}`,
        params: { list: "audit" },
        query: { format: "csv", entity, entityId },
        reach: { by: ADMIN, sees: [REDACTED] },
      })),
    ],
  },
  "GET app/api/files/[id]/route.ts": {
    authz: true,
    calls: ({ canary }) => [
      {
        label: "the child's ИУП",
        params: { id: canary.iupFileId },
        refused: "unless reader",
        reach: { by: READERS, sees: [CANARY.fileBytes, CANARY.fileName] },
      },
    ],
  },
  "POST app/api/files/route.ts": reuse,
  "GET app/api/municipalities/[id]/route.ts": reuse,
  "GET app/api/municipalities/[id]/schools/route.ts": reuse,
  "POST app/api/municipalities/[id]/schools/route.ts": reuse,
  "GET app/api/organizations/[id]/route.ts": reuse,
  "GET app/api/plans/[id]/export/route.ts": reuse,
  "POST app/api/plans/import/route.ts": reuse,
  "GET app/api/reports/[kind]/[id]/route.ts": {
    // Every kind over S1, M and the region (the authorization matrix's subjects), and the audit and the filled blank of S1's own blank.
    authz: true,
    classOf: (call) => (isRecordsReport(call) ? { audience: "nobody" } : {}),
    calls: ({ own }) => [
      { label: "audit of S1's blank", params: { kind: "audit", id: own.blanks.submitted.id } },
      // The filled blank: the same answers and official counts as the audit, never a child's name.
      { label: "filled blank of S1", params: { kind: "blank", id: own.blanks.submitted.id } },
      // Its pages are numbered in their footers: proof that a PDF's text is read at all.
      { label: "records of S1, read back", params: { kind: "records", id: own.school.id }, reach: { by: S1, sees: ["Стр. 1 из 1"] } },
      // The DOCX twin: its document's text, counts only as in the PDF.
      {
        label: "records of S1 as DOCX, read back",
        params: { kind: "records", id: own.school.id },
        query: { format: "docx" },
        reach: { by: S1, sees: ["Только численность"] },
      },
    ],
  },
  "GET app/api/reports/jobs/[id]/file/route.ts": reuse,
  "GET app/api/reports/jobs/[id]/route.ts": reuse,
  "POST app/api/reports/jobs/route.ts": { ...reuse, classOf: (call) => (isRecordsReport(call) ? { audience: "nobody" } : {}) },
  "GET app/api/reports/jobs/route.ts": reuse,
  "GET app/api/school/students/records/route.ts": {
    authz: true,
    calls: ({ own }) =>
      (["csv", "xlsx"] as const).map((format) => ({
        label: `the school's students (${format})`,
        query: { kind: "students", schoolYear: own.schoolYear, format },
        reach: { by: S1, sees: [CANARY.fullName, CANARY.birthDateRu, CANARY.diagnosis] },
      })),
  },
  "POST app/api/school/students/records/route.ts": reuse,
  "GET app/api/templates/[templateId]/export/route.ts": reuse,
  "GET app/api/templates/[templateId]/form/route.ts": reuse,
  "POST app/api/templates/import/route.ts": reuse,
  "GET app/api/users/route.ts": reuse,
  "POST app/api/users/route.ts": reuse,
};

// ------------------------------------------------------------------ server actions

const A = (file: string, name: string) => `lib/actions/${file}#${name}`;
/** An id that exists nowhere: a reference to it must be refused exactly as one to the canary's rows. */
const NOWHERE = "00000000-0000-4000-8000-000000000000";

export const PRIVACY_ACTIONS: Record<string, PrivacyRow<ActionCall>> = {
  [A("auth.ts", "signOutEverywhereAction")]: reuse,
  // Before submitBlankAction, which sends the fillable blank for review.
  [A("blanks.ts", "importBlankDocxAction")]: reuse,
  [A("blanks.ts", "submitBlankAction")]: reuse,
  [A("blanks.ts", "markAnswerAction")]: reuse,
  [A("blanks.ts", "markAllMatchingAction")]: reuse,
  [A("blanks.ts", "returnBlankAction")]: reuse,
  [A("blanks.ts", "acceptBlankAction")]: reuse,
  [A("blanks.ts", "itemHistoryAction")]: reuse,

  [A("documents.ts", "createDocumentAction")]: {
    // The registry refuses the same requisites twice: the refusal must not name the child's order to whoever may not see it.
    authz: true,
    calls: ({ own, otherSchool }) =>
      [
        { label: "the order's requisites, as the municipality's document", owner: `municipality:${own.municipality.id}` },
        { label: "the order's requisites, as the other school's document", owner: `organization:${otherSchool.id}` },
        { label: "the order's requisites, as S1's document", owner: `organization:${own.school.id}` },
      ].map(({ label, owner }) => ({ label, args: [{ ...canaryOrderRequisites(own, undefined, owner), title: "Приказ о зачислении" }] })),
  },
  [A("documents.ts", "supersedeDocumentAction")]: reuse,

  [A("findings.ts", "markFindingFixedAction")]: reuse,
  [A("findings.ts", "verifyFindingAction")]: reuse,
  [A("findings.ts", "reopenFindingAction")]: reuse,
  [A("findings.ts", "updateFindingPlanAction")]: reuse,

  [A("notifications.ts", "markAllReadAction")]: reuse,

  [A("indicators.ts", "saveIndicatorAction")]: reuse,
  [A("indicators.ts", "saveIndicatorValueAction")]: reuse,
  [A("plans.ts", "createPlanAction")]: reuse,
  [A("plans.ts", "savePlanEventAction")]: reuse,
  [A("plans.ts", "changeEventStatusAction")]: reuse,

  [A("campaigns.ts", "createCampaignAction")]: reuse,
  [A("campaigns.ts", "startFromPreviousAction")]: reuse,
  [A("assignments.ts", "createAssignmentAction")]: reuse,
  // Its call lists the orders of municipality M and of its schools: S1's enrolment order among them.
  [A("assignments.ts", "listOrderOptionsAction")]: reuse,
  [A("recommendations.ts", "saveRecommendationsAction")]: reuse,
  [A("reports.ts", "saveReportSettingsAction")]: reuse,
  [A("templates.ts", "createTemplateAction")]: reuse,
  [A("templates.ts", "saveTemplateDraftAction")]: reuse,
  [A("templates.ts", "publishTemplateVersionAction")]: reuse,
  [A("templates.ts", "createNextVersionAction")]: reuse,

  [A("users.ts", "createUserAction")]: reuse,
  [A("users.ts", "grantMembershipAction")]: {
    authz: {
      replaced: "its calls grant roles to region 23's own callers (the auditor made a region admin): here they go to sacrificial users",
    },
    calls: ({ own, sacrificialUser }) =>
      [
        { role: "REGION_AUDITOR", scopeId: own.region.id },
        { role: "SCHOOL_COORDINATOR", scopeId: own.school.id },
      ].map((grant) => ({ label: grant.role, args: async () => [{ userId: (await sacrificialUser()).id, ...grant }] })),
  },
  [A("users.ts", "revokeMembershipAction")]: {
    authz: { replaced: "its first call revokes the auditor's own role in region 23: here each call revokes a sacrificial user's" },
    calls: ({ sacrificialUser }) => [
      {
        args: async () => {
          const user = await sacrificialUser();
          return [{ userId: user.id, membershipId: user.membershipId }];
        },
      },
    ],
  },

  [A("students.ts", "createStudentAction")]: {
    authz: true,
    calls: ({ canary, otherSchool, own }) => {
      // The other school's record citing the child's order or ИУП: refused as a reference to nothing.
      const citing = (reference: Record<string, string>) => [
        { organizationId: otherSchool.id, schoolYear: own.schoolYear, fullName: "Новый Ученик", grade: "5", ...reference },
      ];
      return [
        {
          label: "the other school's record, the child's order",
          args: citing({ enrolmentOrderId: canary.orderId }),
          decoy: { args: citing({ enrolmentOrderId: NOWHERE }) },
        },
        {
          label: "the other school's record, the child's ИУП",
          args: citing({ iupFileId: canary.iupFileId }),
          decoy: { args: citing({ iupFileId: NOWHERE }) },
        },
      ];
    },
  },
  [A("students.ts", "updateStudentAction")]: {
    // The child's own values: it succeeds for its coordinator and changes nothing; everyone else must be refused.
    authz: true,
    calls: ({ canary, own }) => [
      { label: "the child, unchanged", args: [{ studentId: canary.studentId, ...canaryFields(own, canary) }], refused: "unless writer" },
    ],
  },
  [A("students.ts", "eraseStudentAction")]: {
    authz: {
      replaced: "its call erases the world's student, which other calls read: here each caller gets a sacrificial copy of the canary",
    },
    calls: ({ copy }) => [
      { label: "a copy of the child", args: async () => [{ studentId: (await copy()).studentId }], refused: "unless writer" },
    ],
  },
  [A("students.ts", "createTeacherAction")]: reuse,
  [A("students.ts", "updateTeacherAction")]: reuse,
};
