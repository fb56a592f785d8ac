import { MUNICIPAL_BLANK } from "@/lib/seed-data/blanks";
import { LIST_EXPORT_IDS, type ListExportId } from "@/lib/domain/exports/list-ids";
import type { Role } from "@/lib/roles";
import { REPORT_FORMATS, REPORT_KINDS, type ReportKind } from "@/lib/domain/reports/report-kinds";
import { db } from "@/lib/server/db/client";
import type { ActionCall, Also, Entry, PageCall, RouteCall } from "./matrix";
import type { World } from "./world";

/**
 * THE COVERAGE TABLE: how to call every page, layout, route handler and server
 * action of the app with another tenant's ids. The matrix discovers the entries
 * from the code (discover.ts) and fails on any entry missing here and on any
 * entry here that no longer exists: a new route needs exactly one row.
 *
 * In each row, `f` is the foreign tenant (region 99) and `own` the callers' own
 * region 23. Ids in params, queries, bodies and arguments are the foreign
 * tenant's unless a call says it mixes (an own object with a foreign reference).
 * Calls are refused by default; `expect: "own"` marks what serves the caller's
 * own scope (lists, forms), which may answer but must show nothing foreign.
 * `control` names the foreign role for which the same call succeeds.
 */

// ------------------------------------------------------------------ shared refusals with a reason

/** E-mail addresses are unique across regions: a foreign user's is taken. The refusal names nobody, and nothing of theirs changes. */
const takenEmail: Also = {
  codes: ["CONFLICT"],
  statuses: [409],
  why: "an e-mail is unique across regions: a foreign user's address is a conflict",
};

/** A foreign id in a form field is refused as that field's error (VALIDATION), like an unknown id; it must name the field. */
const invalidReference = (...fields: string[]): Also => ({
  codes: ["VALIDATION"],
  statuses: [422],
  fields,
  why: "a foreign id in a form field is refused as that field's error",
});

// ------------------------------------------------------------------ pages and layouts

/** The list filters that take ids, all pointing at the foreign tenant's accepted blank and its campaign. */
const ids = (w: World) => ({
  campaignId: w.previousCampaign.id,
  municipalityId: w.municipality.id,
  blankId: w.blanks.accepted.id,
});

export const PAGES: Record<string, Entry<PageCall>> = {
  "app/layout.tsx": { calls: () => [{ expect: "own", label: "the root layout: markup only" }] },
  "app/(app)/layout.tsx": { calls: () => [{ expect: "own", label: "the header: the caller's own name and unread count" }] },
  "app/page.tsx": { calls: () => [{ expect: "redirect", label: "the home page sends each to their own start page" }] },
  "app/login/page.tsx": { calls: () => [{ expect: "own", label: "sign-in: open without a session, a redirect home with one" }] },

  // Every address no other page answers: /login without a session, the 404 in the shell with one, whatever ids it holds.
  "app/(app)/[...missing]/page.tsx": {
    calls: ({ foreign: f }) => [{ params: { missing: ["blanks", f.blanks.accepted.id, "no-such-page"] }, label: "an unknown address" }],
  },
  "app/(app)/blanks/[id]/page.tsx": {
    calls: ({ foreign: f }) => [
      { params: { id: f.blanks.accepted.id }, control: "REGION_AUDITOR" },
      { params: { id: f.blanks.fillable.id }, control: "MUNICIPAL_COORDINATOR" },
      { params: { id: f.blanks.submitted.id }, control: "SCHOOL_COORDINATOR" },
    ],
  },
  "app/(app)/blanks/page.tsx": {
    calls: ({ foreign: f }) => [
      { expect: "own", searchParams: { campaignId: f.campaign.id, municipalityId: f.municipality.id }, control: "REGION_AUDITOR" },
    ],
  },
  "app/(app)/campaigns/[id]/dashboard/page.tsx": {
    calls: ({ foreign: f }) => [
      { params: { id: f.campaign.id }, control: "REGION_ADMIN" },
      { params: { id: f.previousCampaign.id }, control: "MUNICIPAL_COORDINATOR" },
    ],
  },
  "app/(app)/campaigns/[id]/page.tsx": {
    calls: ({ foreign: f }) => [
      { params: { id: f.campaign.id }, control: "REGION_AUDITOR" },
      { params: { id: f.previousCampaign.id }, searchParams: { page: "1" }, control: "SCHOOL_COORDINATOR" },
    ],
  },
  "app/(app)/coordinators/[subjectId]/page.tsx": {
    calls: ({ foreign: f }) => [
      { params: { subjectId: f.municipality.id }, control: "REGION_ADMIN" },
      { params: { subjectId: f.school.id }, control: "MUNICIPAL_COORDINATOR" },
    ],
  },
  "app/(app)/documents/[id]/page.tsx": {
    calls: ({ foreign: f }) => [
      { params: { id: f.document.id }, control: "MUNICIPAL_COORDINATOR" },
      { params: { id: f.schoolDocument.id }, control: "SCHOOL_COORDINATOR" },
    ],
  },
  "app/(app)/documents/new/page.tsx": { calls: () => [{ expect: "own", control: "MUNICIPAL_COORDINATOR" }] },
  "app/(app)/documents/page.tsx": {
    calls: ({ foreign: f }) => [{ expect: "own", searchParams: { municipalityId: f.municipality.id }, control: "REGION_AUDITOR" }],
  },
  "app/(app)/dynamics/page.tsx": {
    calls: ({ foreign: f, own }): PageCall[] => [
      { searchParams: { municipality: f.municipality.id, template: f.templates.municipal.template.id }, control: "REGION_AUDITOR" },
      {
        label: "own municipality, foreign template and campaigns",
        searchParams: {
          municipality: own.municipality.id,
          template: f.templates.municipal.template.id,
          from: f.previousCampaign.id,
          to: f.campaign.id,
        },
        expect: "own",
      },
      {
        label: "foreign campaigns only (a coordinator's own municipality)",
        searchParams: { from: f.previousCampaign.id, to: f.campaign.id },
        expect: "own",
      },
    ],
  },
  "app/(app)/findings/[id]/page.tsx": {
    calls: ({ foreign: f }) => [
      { params: { id: f.finding.id }, control: "MUNICIPAL_COORDINATOR" },
      { params: { id: f.fixedFinding.id }, control: "REGION_AUDITOR" },
    ],
  },
  "app/(app)/findings/page.tsx": { calls: ({ foreign: f }) => [{ expect: "own", searchParams: ids(f), control: "MUNICIPAL_COORDINATOR" }] },
  "app/(app)/municipalities/[id]/page.tsx": {
    calls: ({ foreign: f }) => [{ params: { id: f.municipality.id }, control: "MUNICIPAL_COORDINATOR" }],
  },
  "app/(app)/municipality/page.tsx": { calls: () => [{ expect: "own", control: "MUNICIPAL_COORDINATOR" }] },
  "app/(app)/notifications/page.tsx": { calls: () => [{ expect: "own", control: "SCHOOL_COORDINATOR" }] },
  "app/(app)/organizations/[id]/page.tsx": { calls: ({ foreign: f }) => [{ params: { id: f.school.id }, control: "SCHOOL_COORDINATOR" }] },
  "app/(app)/plans/[id]/events/[eventId]/page.tsx": {
    calls: ({ foreign: f, own }) => [
      { params: { id: f.plan.id, eventId: f.event.id }, control: "MUNICIPAL_COORDINATOR" },
      { label: "own plan, foreign event", params: { id: own.plan.id, eventId: f.event.id } },
    ],
  },
  "app/(app)/plans/[id]/events/new/page.tsx": {
    calls: ({ foreign: f }) => [{ params: { id: f.plan.id }, control: "MUNICIPAL_COORDINATOR" }],
  },
  "app/(app)/plans/[id]/indicators/page.tsx": { calls: ({ foreign: f }) => [{ params: { id: f.plan.id }, control: "SCHOOL_COORDINATOR" }] },
  "app/(app)/plans/[id]/page.tsx": {
    calls: ({ foreign: f }) => [
      { params: { id: f.plan.id }, control: "REGION_AUDITOR" },
      { params: { id: f.plan.id }, searchParams: { view: "timeline" }, control: "MUNICIPAL_COORDINATOR" },
    ],
  },
  "app/(app)/plans/events/page.tsx": {
    calls: ({ foreign: f }) => [{ expect: "own", searchParams: { municipalityId: f.municipality.id }, control: "REGION_ADMIN" }],
  },
  "app/(app)/plans/import/page.tsx": { calls: () => [{ expect: "own", control: "MUNICIPAL_COORDINATOR", controlShows: false }] },
  "app/(app)/plans/new/page.tsx": { calls: () => [{ expect: "own", control: "MUNICIPAL_COORDINATOR" }] },
  "app/(app)/plans/page.tsx": {
    calls: ({ foreign: f }) => [{ expect: "own", searchParams: { municipalityId: f.municipality.id }, control: "REGION_AUDITOR" }],
  },
  "app/(app)/region/audit/page.tsx": {
    calls: ({ foreign: f }) => [
      { expect: "own", searchParams: { entityId: f.document.id, entity: "RegistryDocument" }, control: "REGION_ADMIN" },
    ],
  },
  "app/(app)/region/campaigns/new/page.tsx": { calls: () => [{ expect: "own", control: "REGION_AUDITOR" }] },
  "app/(app)/region/campaigns/page.tsx": { calls: () => [{ expect: "own", control: "REGION_ADMIN" }] },
  "app/(app)/region/coordinators/new/page.tsx": {
    calls: ({ foreign: f }) => [
      { expect: "own", searchParams: { role: "MUNICIPAL_COORDINATOR", subjectId: f.municipality.id }, control: "REGION_ADMIN" },
    ],
  },
  "app/(app)/region/coordinators/page.tsx": {
    calls: ({ foreign: f }) => [{ expect: "own", searchParams: { municipalityId: f.municipality.id }, control: "REGION_AUDITOR" }],
  },
  "app/(app)/region/page.tsx": { calls: () => [{ expect: "own", control: "REGION_AUDITOR" }] },
  "app/(app)/region/recommendations/page.tsx": { calls: () => [{ expect: "own", control: "REGION_ADMIN" }] },
  "app/(app)/region/report-settings/page.tsx": { calls: () => [{ expect: "own", control: "REGION_AUDITOR" }] },
  "app/(app)/region/students/list/page.tsx": {
    calls: ({ foreign: f }) => [{ expect: "own", searchParams: { schoolYear: f.schoolYear }, control: "REGION_AUDITOR" }],
  },
  "app/(app)/region/students/page.tsx": {
    calls: ({ foreign: f }) => [{ expect: "own", searchParams: { schoolYear: f.schoolYear }, control: "MUNICIPAL_COORDINATOR" }],
  },
  "app/(app)/region/templates/[versionId]/page.tsx": {
    calls: ({ foreign: f }) => [
      { params: { versionId: f.templates.municipal.version.id }, control: "REGION_AUDITOR" },
      { params: { versionId: f.templates.draft.id }, control: "REGION_ADMIN" },
    ],
  },
  "app/(app)/region/templates/new/page.tsx": { calls: () => [{ expect: "own", control: "REGION_ADMIN", controlShows: false }] },
  "app/(app)/region/templates/page.tsx": { calls: () => [{ expect: "own", control: "REGION_AUDITOR" }] },
  "app/(app)/region/users/[id]/page.tsx": {
    calls: ({ foreign: f, shared }): PageCall[] => [
      // Region 23's admin opens this user, but sees none of their roles in region 99.
      { label: "a user of both regions", params: { id: shared.id }, expect: "own", control: "REGION_ADMIN" },
      { params: { id: f.users.REGION_AUDITOR.id }, control: "REGION_ADMIN" },
      { params: { id: f.users.SCHOOL_COORDINATOR.id }, control: "REGION_ADMIN" },
    ],
  },
  "app/(app)/region/users/new/page.tsx": { calls: () => [{ expect: "own", control: "REGION_ADMIN" }] },
  "app/(app)/region/users/page.tsx": {
    calls: () => [{ expect: "own", searchParams: { role: "REGION_AUDITOR" }, control: "REGION_ADMIN" }],
  },
  "app/(app)/reports/page.tsx": { calls: () => [{ expect: "own", control: "REGION_ADMIN" }] },
  "app/(app)/school/page.tsx": { calls: () => [{ expect: "own", control: "SCHOOL_COORDINATOR" }] },
  "app/(app)/school/students/page.tsx": {
    calls: ({ foreign: f }) => [{ expect: "own", searchParams: { schoolYear: f.schoolYear }, control: "SCHOOL_COORDINATOR" }],
  },
  "app/(app)/school/students/teachers/page.tsx": {
    // ?edit= names a teacher to edit: the page looks it up on the caller's own listed page only.
    calls: ({ foreign: f }) => [
      { expect: "own", searchParams: { edit: f.teacher.id, schoolYear: f.schoolYear }, control: "SCHOOL_COORDINATOR" },
    ],
  },
  "app/(app)/students/[id]/page.tsx": {
    calls: ({ foreign: f }) => [
      { params: { id: f.student.id }, control: "REGION_AUDITOR" },
      { params: { id: f.student.id }, control: "SCHOOL_COORDINATOR" },
    ],
  },
};

// ------------------------------------------------------------------ route handlers

/** The subject of each report kind; records reports are made for a school, a municipality or a region. */
type ReportSubject = { kind: ReportKind; id: string; what: string; control: Role };
const SUBJECTS_OF: Record<ReportKind, (f: World) => Omit<ReportSubject, "kind">[]> = {
  audit: (f) => [{ id: f.blanks.accepted.id, what: "blank", control: "MUNICIPAL_COORDINATOR" }],
  blank: (f) => [{ id: f.blanks.accepted.id, what: "blank", control: "MUNICIPAL_COORDINATOR" }],
  campaign: (f) => [{ id: f.campaign.id, what: "campaign", control: "REGION_ADMIN" }],
  roadmap: (f) => [{ id: f.plan.id, what: "plan", control: "MUNICIPAL_COORDINATOR" }],
  records: (f) => [
    { id: f.school.id, what: "school", control: "SCHOOL_COORDINATOR" },
    { id: f.municipality.id, what: "municipality", control: "MUNICIPAL_COORDINATOR" },
    { id: f.region.id, what: "region", control: "REGION_ADMIN" },
  ],
};
const reportSubjects = (f: World): ReportSubject[] => REPORT_KINDS.flatMap((kind) => SUBJECTS_OF[kind](f).map((s) => ({ kind, ...s })));

/** Who reads each list in the foreign world, for the export's control call. */
const EXPORT_READERS = {
  assignments: "REGION_AUDITOR",
  audit: "REGION_ADMIN",
  blanks: "REGION_ADMIN",
  campaigns: "REGION_AUDITOR",
  documents: "MUNICIPAL_COORDINATOR",
  events: "SCHOOL_COORDINATOR",
  findings: "MUNICIPAL_COORDINATOR",
  municipalities: "REGION_AUDITOR",
  plans: "REGION_ADMIN",
  "region-students": "REGION_AUDITOR",
  "school-students": "SCHOOL_COORDINATOR",
  "student-counts": "REGION_ADMIN",
  teachers: "SCHOOL_COORDINATOR",
  users: "REGION_ADMIN",
} as const satisfies Record<ListExportId, Role>;

/** An /api/ address no route answers: 401 without a session, 404 with one, whatever ids it holds. */
const unknownApiAddress: Entry<RouteCall> = {
  calls: ({ foreign: f }) => [{ params: { missing: ["blanks", f.blanks.accepted.id] }, label: "an unknown API address" }],
};

/** A blank's version as it is now: a save must name it, else it is a conflict and proves nothing. */
const versionOf = async (blankId: string) => (await db().blank.findUniqueOrThrow({ where: { id: blankId } })).version;
const answerTo = (itemKey: string, extra: Record<string, unknown> = {}) => ({
  itemKey,
  value: {
    kind: "DOCUMENT",
    present: true,
    docType: "Приказ",
    issuer: "Управление",
    date: "2024-09-01",
    number: "9",
    title: "Новый ответ",
    fileId: null,
    ...extra,
  },
});

export const ROUTES: Record<string, Entry<RouteCall>> = {
  "DELETE app/api/[...missing]/route.ts": unknownApiAddress,
  "GET app/api/[...missing]/route.ts": unknownApiAddress,
  "PATCH app/api/[...missing]/route.ts": unknownApiAddress,
  "POST app/api/[...missing]/route.ts": unknownApiAddress,
  "PUT app/api/[...missing]/route.ts": unknownApiAddress,

  // NextAuth's own endpoints (sign-in, session, csrf): open by design, they read the request's cookies through
  // next/headers, which exists only inside Next's server. Sign-in is tested in sign-in.test.ts and e2e.
  "GET app/api/auth/[...nextauth]/route.ts": { skip: "NextAuth's public endpoints need Next's request store (cookies())" },
  "POST app/api/auth/[...nextauth]/route.ts": { skip: "NextAuth's public endpoints need Next's request store (cookies())" },

  // The operator endpoints: open by design (the balancer and Prometheus have no session) and about the instance,
  // never a tenant; metrics ask for their own token. Tested through the real server in operator-endpoints.test.ts.
  "GET app/api/health/route.ts": { skip: "operator endpoint without a session: the process is up, nothing of a tenant" },
  "GET app/api/metrics/route.ts": { skip: "operator endpoint behind METRICS_TOKEN: the instance's counters, nothing of a tenant" },
  "GET app/api/ready/route.ts": { skip: "operator endpoint without a session: the dependencies' states, nothing of a tenant" },

  "GET app/api/blanks/[id]/form/route.ts": {
    // The empty blank of the version a blank was issued on: whoever may read the blank, a school's coordinator too.
    calls: ({ foreign: f }) => [
      { params: { id: f.blanks.submitted.id }, query: { format: "pdf" }, control: "SCHOOL_COORDINATOR" },
      { params: { id: f.blanks.accepted.id }, query: { format: "pdf" }, control: "REGION_AUDITOR" },
    ],
  },
  "PATCH app/api/blanks/[id]/answers/route.ts": {
    // The autosave: the blank in the address, the version and answers in the body, read right before each call.
    calls: ({ foreign: f, own }) => [
      {
        params: { id: f.blanks.fillable.id },
        json: async () => ({ version: await versionOf(f.blanks.fillable.id), answers: [answerTo(f.blanks.fillable.itemKey)] }),
        control: "MUNICIPAL_COORDINATOR",
      },
      {
        label: "own blank, foreign file attached",
        params: { id: own.blanks.fillable.id },
        json: async () => ({
          version: await versionOf(own.blanks.fillable.id),
          answers: [answerTo(own.blanks.fillable.itemKey, { fileId: f.file.id })],
        }),
        also: invalidReference("answers"),
      },
      {
        label: "own blank, foreign registry document",
        params: { id: own.blanks.fillable.id },
        json: async () => ({
          version: await versionOf(own.blanks.fillable.id),
          answers: [answerTo(own.blanks.fillable.itemKey, { documentId: f.document.id })],
        }),
        also: invalidReference("answers"),
      },
    ],
  },
  "POST app/api/blanks/[id]/docx-import/route.ts": {
    // «Загрузить бланк из Word»: the participant, or the region's staff on their behalf, while the blank is filled in.
    calls: ({ foreign: f, files }) => [
      { params: { id: f.blanks.fillable.id }, form: { file: files.municipalBlankDocx }, control: "MUNICIPAL_COORDINATOR" },
      {
        label: "on the participant's behalf",
        params: { id: f.blanks.fillable.id },
        form: { file: files.municipalBlankDocx },
        control: "REGION_AUDITOR",
      },
    ],
  },
  "GET app/api/exports/[list]/route.ts": {
    // Every list that can be downloaded, filtered by the foreign tenant's ids: each caller gets their own rows only.
    calls: ({ foreign: f }) =>
      LIST_EXPORT_IDS.map((list) => ({
        label: list,
        params: { list },
        query: { format: "csv", ...ids(f), schoolYear: f.schoolYear, entityId: f.document.id },
        expect: "own" as const,
        control: EXPORT_READERS[list],
        controlShows: true,
      })),
  },
  "GET app/api/files/[id]/route.ts": {
    calls: ({ foreign: f }) => [
      { label: "municipality's scan", params: { id: f.file.id }, control: "MUNICIPAL_COORDINATOR", controlShows: true },
      { label: "school's file", params: { id: f.schoolFile.id }, control: "SCHOOL_COORDINATOR", controlShows: true },
      { label: "region's logo", params: { id: f.logo.id }, control: "REGION_AUDITOR" },
    ],
  },
  "POST app/api/files/route.ts": {
    calls: ({ foreign: f, files }) => [
      {
        label: "for the municipality",
        form: { owner: `municipality:${f.municipality.id}`, file: files.pdf },
        control: "MUNICIPAL_COORDINATOR",
      },
      { label: "for the school", form: { owner: `organization:${f.school.id}`, file: files.pdf }, control: "SCHOOL_COORDINATOR" },
    ],
  },
  "GET app/api/municipalities/[id]/route.ts": {
    calls: ({ foreign: f }) => [{ params: { id: f.municipality.id }, control: "MUNICIPAL_COORDINATOR", controlShows: true }],
  },
  "GET app/api/municipalities/[id]/schools/route.ts": {
    calls: ({ foreign: f }) => [
      { params: { id: f.municipality.id }, query: { format: "csv" }, control: "REGION_AUDITOR", controlShows: true },
    ],
  },
  "POST app/api/municipalities/[id]/schools/route.ts": {
    calls: ({ foreign: f, files }) => [
      { params: { id: f.municipality.id }, form: { file: files.schoolsCsv }, control: "MUNICIPAL_COORDINATOR" },
    ],
  },
  "GET app/api/organizations/[id]/route.ts": {
    calls: ({ foreign: f }) => [{ params: { id: f.school.id }, control: "SCHOOL_COORDINATOR", controlShows: true }],
  },
  "GET app/api/plans/[id]/export/route.ts": {
    calls: ({ foreign: f }) => [{ params: { id: f.plan.id }, query: { format: "csv" }, control: "REGION_AUDITOR", controlShows: true }],
  },
  "POST app/api/plans/import/route.ts": {
    // A roadmap names its municipality by region code and name, not by id: the foreign one is a row error.
    calls: ({ files }) => [
      {
        form: { file: files.foreignRoadmap },
        also: {
          statuses: [422],
          fields: ["Код региона"],
          why: "a roadmap names municipalities, not ids: a foreign region's is an error of its row",
        },
        control: "MUNICIPAL_COORDINATOR",
      },
      {
        // The caller's own roadmap, citing the foreign order by its requisites: it is linked to (or added in) the
        // caller's own registry, never to the foreign document.
        label: "own municipality, citing a foreign order",
        form: { file: files.ownRoadmapCitingForeign },
        expect: "own",
        also: { statuses: [422], fields: ["Код региона"], why: "region 42's admin has no region 23" },
      },
    ],
  },
  "GET app/api/reports/[kind]/[id]/route.ts": {
    // Each report as a PDF and as its DOCX twin: the same subjects, the same refusals.
    calls: ({ foreign: f }) =>
      reportSubjects(f).flatMap(({ kind, id, what, control }) =>
        REPORT_FORMATS.map((format) => ({
          label: `${kind} of a ${what} as ${format}`,
          params: { kind, id },
          ...(format === "pdf" ? {} : { query: { format } }),
          control,
        })),
      ),
  },
  "GET app/api/reports/jobs/[id]/file/route.ts": {
    calls: ({ foreign: f }) => [{ params: { id: f.reportJob.id }, control: "REGION_ADMIN" }],
  },
  "GET app/api/reports/jobs/[id]/route.ts": {
    calls: ({ foreign: f }) => [{ params: { id: f.reportJob.id }, control: "REGION_ADMIN", controlShows: true }],
  },
  "POST app/api/reports/jobs/route.ts": {
    calls: ({ foreign: f }) =>
      reportSubjects(f).flatMap(({ kind, id, what, control }) =>
        REPORT_FORMATS.map((format) => ({ label: `${kind} of a ${what} as ${format}`, json: { kind, id, format }, control })),
      ),
  },
  "GET app/api/reports/jobs/route.ts": {
    calls: () => [{ expect: "own", query: { page: "1" }, control: "REGION_ADMIN", controlShows: true }],
  },
  "GET app/api/school/students/records/route.ts": {
    calls: ({ foreign: f }) =>
      (["students", "teachers"] as const).map((kind) => ({
        label: kind,
        query: { kind, schoolYear: f.schoolYear, organizationId: f.school.id, format: "csv" },
        control: "SCHOOL_COORDINATOR" as const,
        controlShows: true,
      })),
  },
  "POST app/api/school/students/records/route.ts": {
    calls: ({ foreign: f, files }) => [
      {
        form: { kind: "teachers", schoolYear: f.schoolYear, organizationId: f.school.id, file: files.teachersCsv },
        control: "SCHOOL_COORDINATOR",
      },
    ],
  },
  "GET app/api/templates/[templateId]/export/route.ts": {
    calls: ({ foreign: f }) => [
      {
        params: { templateId: f.templates.municipal.template.id },
        query: { format: "json" },
        control: "REGION_AUDITOR",
        controlShows: true,
      },
    ],
  },
  "GET app/api/templates/[templateId]/form/route.ts": {
    calls: ({ foreign: f }) => [
      { params: { templateId: f.templates.municipal.template.id }, query: { format: "pdf" }, control: "REGION_AUDITOR" },
    ],
  },
  "POST app/api/templates/import/route.ts": {
    calls: ({ foreign: f, files }) => [{ query: { regionId: f.region.id }, form: { file: files.templateJson }, control: "REGION_ADMIN" }],
  },
  "GET app/api/users/route.ts": {
    calls: () => [{ expect: "own", query: { role: "REGION_AUDITOR", pageSize: "100" }, control: "REGION_ADMIN", controlShows: true }],
  },
  "POST app/api/users/route.ts": {
    calls: ({ foreign: f, own }) =>
      [
        { role: "REGION_AUDITOR", scopeId: f.region.id },
        { role: "MUNICIPAL_COORDINATOR", scopeId: f.municipality.id },
        { role: "SCHOOL_COORDINATOR", scopeId: f.school.id },
      ]
        .map(
          (grant, i): RouteCall => ({
            label: grant.role,
            json: { email: `new-${i}@matrix.test`, name: "Новый Пользователь", password: "long-enough-password", memberships: [grant] },
            control: "REGION_ADMIN",
          }),
        )
        .concat({
          label: "an own role for a foreign user's e-mail",
          json: {
            email: f.users.REGION_AUDITOR.scope.email,
            name: "Новый Пользователь",
            password: "long-enough-password",
            memberships: [{ role: "REGION_AUDITOR", scopeId: own.region.id }],
          },
          also: takenEmail,
        }),
  },
};

// ------------------------------------------------------------------ server actions

const A = (file: string, name: string) => `lib/actions/${file}#${name}`;
const studentValues = (schoolYear: string, extra: Record<string, unknown> = {}) => ({
  schoolYear,
  fullName: "Новый Ученик",
  grade: "5",
  ...extra,
});
const teacherValues = (schoolYear: string) => ({ schoolYear, fullName: "Новый Учитель", subject: "история" });
/** An event of the plan (eventId null: a new one) with the form's fields. */
const eventInput = (target: { planId: string; eventId: string | null }, extra: Record<string, unknown> = {}) => ({
  ...target,
  title: "Новое мероприятие",
  timingText: "Октябрь 2025 года",
  ...extra,
});

export const ACTIONS: Record<string, Entry<ActionCall>> = {
  // Before submitBlankAction, whose control sends the foreign fillable blank for review.
  [A("blanks.ts", "importBlankDocxAction")]: {
    calls: ({ foreign: f, own }) => [
      {
        args: async () => [{ blankId: f.blanks.fillable.id, fileId: f.blankDocx.id, version: await versionOf(f.blanks.fillable.id) }],
        control: "MUNICIPAL_COORDINATOR",
      },
      {
        label: "own blank, foreign Word file",
        args: async () => [{ blankId: own.blanks.fillable.id, fileId: f.blankDocx.id, version: await versionOf(own.blanks.fillable.id) }],
      },
    ],
  },
  [A("blanks.ts", "submitBlankAction")]: {
    calls: ({ foreign: f }) => [
      {
        args: async () => [{ blankId: f.blanks.fillable.id, version: await versionOf(f.blanks.fillable.id) }],
        control: "MUNICIPAL_COORDINATOR",
      },
    ],
  },
  [A("blanks.ts", "markAnswerAction")]: {
    calls: ({ foreign: f }) => [
      { args: [{ blankId: f.blanks.submitted.id, itemKey: f.blanks.submitted.itemKey, mark: "MATCHES" }], control: "REGION_AUDITOR" },
    ],
  },
  [A("blanks.ts", "markAllMatchingAction")]: {
    calls: ({ foreign: f }) => [{ args: [{ blankId: f.blanks.submitted.id }], control: "REGION_AUDITOR" }],
  },
  [A("blanks.ts", "returnBlankAction")]: {
    calls: ({ foreign: f }) => [
      { args: [{ blankId: f.blanks.returnable.id, message: "Исправьте реквизиты приказа." }], control: "REGION_AUDITOR" },
    ],
  },
  [A("blanks.ts", "acceptBlankAction")]: {
    calls: ({ foreign: f }) => [{ args: [{ blankId: f.blanks.submitted.id }], control: "REGION_AUDITOR" }],
  },
  [A("blanks.ts", "itemHistoryAction")]: {
    calls: ({ foreign: f }) => [
      { args: [{ blankId: f.blanks.accepted.id, itemKey: f.blanks.accepted.itemKey }], control: "REGION_AUDITOR" },
    ],
  },

  [A("documents.ts", "createDocumentAction")]: {
    calls: ({ foreign: f, own }) => [
      {
        args: [
          {
            owner: `municipality:${f.municipality.id}`,
            type: "письмо",
            issuer: "Управление",
            date: "2025-01-10",
            number: "10",
            title: "Новое письмо",
          },
        ],
        control: "MUNICIPAL_COORDINATOR",
      },
      {
        args: [
          {
            owner: `organization:${f.school.id}`,
            type: "письмо",
            issuer: "Школа",
            date: "2025-01-10",
            number: "11",
            title: "Новое письмо",
          },
        ],
        control: "SCHOOL_COORDINATOR",
      },
      {
        label: "own municipality, foreign file",
        args: [
          {
            owner: `municipality:${own.municipality.id}`,
            type: "письмо",
            issuer: "Управление",
            date: "2025-01-10",
            number: "12",
            fileId: f.file.id,
          },
        ],
        also: invalidReference("fileId"),
      },
    ],
  },
  [A("documents.ts", "supersedeDocumentAction")]: {
    calls: ({ foreign: f, own }) => [
      { args: [{ documentId: f.document.id, byId: f.newerDocument.id }], control: "MUNICIPAL_COORDINATOR" },
      { label: "own document by a foreign one", args: [{ documentId: own.document.id, byId: f.newerDocument.id }] },
    ],
  },

  [A("findings.ts", "markFindingFixedAction")]: {
    calls: ({ foreign: f, own }) => [
      { args: [{ findingId: f.finding.id, comment: "Устранено" }], control: "MUNICIPAL_COORDINATOR" },
      {
        label: "own finding, foreign evidence file",
        args: [{ findingId: own.finding.id, fileId: f.file.id }],
        also: invalidReference("fileId"),
      },
    ],
  },
  [A("findings.ts", "verifyFindingAction")]: {
    calls: ({ foreign: f }) => [{ args: [{ findingId: f.fixedFinding.id }], control: "REGION_AUDITOR" }],
  },
  [A("findings.ts", "reopenFindingAction")]: {
    // The control of verifyFindingAction closes the fixed finding; the one made fixed by markFindingFixedAction's control is reopened.
    calls: ({ foreign: f }) => [{ args: [{ findingId: f.finding.id, comment: "Не устранено" }], control: "REGION_AUDITOR" }],
  },
  [A("findings.ts", "updateFindingPlanAction")]: {
    calls: ({ foreign: f }) => [
      { args: [{ findingId: f.finding.id, deadline: "2099-12-31", responsible: "Новый ответственный" }], control: "REGION_AUDITOR" },
    ],
  },

  [A("auth.ts", "signOutEverywhereAction")]: {
    // Takes no ids: ends the caller's own sessions only.
    calls: () => [{ args: [], expect: "own" }],
  },

  [A("notifications.ts", "markAllReadAction")]: {
    // Takes no ids: reads the caller's own notifications only; the foreign tenant's stay unread.
    calls: () => [{ args: [], expect: "own" }],
  },

  [A("indicators.ts", "saveIndicatorAction")]: {
    calls: ({ foreign: f, own }) => [
      {
        label: "new",
        args: [{ planId: f.plan.id, indicatorId: null, number: "2", title: "Новый показатель", targetText: "100 %" }],
        control: "MUNICIPAL_COORDINATOR",
      },
      {
        label: "change",
        args: [{ planId: f.plan.id, indicatorId: f.indicator.id, number: "1", title: "Изменённый показатель", targetText: "100 %" }],
        control: "MUNICIPAL_COORDINATOR",
      },
      {
        label: "own plan, foreign indicator",
        args: [{ planId: own.plan.id, indicatorId: f.indicator.id, number: "9", title: "Показатель", targetText: "100 %" }],
      },
    ],
  },
  [A("indicators.ts", "saveIndicatorValueAction")]: {
    calls: ({ foreign: f, own }) => [
      {
        args: [{ planId: f.plan.id, indicatorId: f.indicator.id, period: f.schoolYear, value: 15, base: 20 }],
        control: "MUNICIPAL_COORDINATOR",
      },
      {
        label: "own plan, foreign indicator",
        args: [{ planId: own.plan.id, indicatorId: f.indicator.id, period: f.schoolYear, value: 15 }],
      },
      {
        label: "own indicator, foreign school",
        args: [{ planId: own.plan.id, indicatorId: own.indicator.id, period: own.schoolYear, organizationId: f.school.id, value: 1 }],
        also: invalidReference("organizationId"),
      },
    ],
  },

  [A("plans.ts", "createPlanAction")]: {
    calls: ({ foreign: f }) =>
      [`municipality:${f.municipality.id}`, `organization:${f.school.id}`, `region:${f.region.id}`].map((owner) => ({
        label: owner.split(":")[0],
        args: [{ kind: "ROADMAP", title: `Новая дорожная карта ${owner.split(":")[0]}`, owner, schoolYear: f.schoolYear }],
        also: invalidReference("owner"),
        control: owner.startsWith("region")
          ? ("REGION_ADMIN" as const)
          : owner.startsWith("organization")
            ? ("SCHOOL_COORDINATOR" as const)
            : ("MUNICIPAL_COORDINATOR" as const),
      })),
  },
  [A("plans.ts", "savePlanEventAction")]: {
    calls: ({ foreign: f, own }) => [
      { label: "new", args: [eventInput({ planId: f.plan.id, eventId: null })], control: "MUNICIPAL_COORDINATOR" },
      {
        label: "change",
        args: [eventInput({ planId: f.plan.id, eventId: f.event.id }, { title: "Изменённое мероприятие" })],
        control: "MUNICIPAL_COORDINATOR",
      },
      {
        label: "own plan, foreign event",
        args: [eventInput({ planId: own.plan.id, eventId: f.event.id }, { title: "Чужое мероприятие" })],
      },
      {
        label: "own plan, foreign document",
        args: [eventInput({ planId: own.plan.id, eventId: null }, { documentIds: [f.document.id] })],
        also: invalidReference("documentIds"),
      },
      {
        label: "own plan, foreign section",
        args: [eventInput({ planId: own.plan.id, eventId: null }, { sectionId: f.section.id })],
        also: invalidReference("sectionId"),
      },
      {
        label: "own plan, foreign stage",
        args: [eventInput({ planId: own.plan.id, eventId: null }, { stageId: f.stage.id })],
        also: invalidReference("stageId"),
      },
      {
        label: "own plan, foreign responsible user",
        args: [eventInput({ planId: own.plan.id, eventId: null }, { responsibleUserId: f.users.MUNICIPAL_COORDINATOR.id })],
        also: invalidReference("responsibleUserId"),
      },
    ],
  },
  [A("plans.ts", "changeEventStatusAction")]: {
    calls: ({ foreign: f, own }) => [
      { args: [{ planId: f.plan.id, eventId: f.event.id, action: "cancel" }], control: "MUNICIPAL_COORDINATOR" },
      { label: "own plan, foreign event", args: [{ planId: own.plan.id, eventId: f.event.id, action: "cancel" }] },
    ],
  },

  [A("campaigns.ts", "createCampaignAction")]: {
    calls: ({ foreign: f, own }) => {
      const campaign = (templateVersionIds: string[], municipalityIds: string[], schoolIds: string[] = []) => ({
        name: "Новая кампания",
        date: "2026-10-01",
        deadline: "2026-09-25",
        templateVersionIds,
        municipalityIds,
        schoolIds,
      });
      return [
        {
          args: [campaign([f.templates.municipal.version.id], [f.municipality.id])],
          also: invalidReference("templateVersionIds"),
          control: "REGION_AUDITOR",
        },
        {
          label: "own blank, foreign municipality",
          args: [campaign([own.templates.municipal.version.id], [f.municipality.id])],
          also: invalidReference("municipalityIds"),
        },
        // createCampaign names every foreign participant under municipalityIds, the participants' first field.
        {
          label: "own blank, foreign school",
          args: [campaign([own.templates.school.version.id], [], [f.school.id])],
          also: invalidReference("schoolIds", "municipalityIds"),
        },
        {
          label: "foreign blank, own municipality",
          args: [campaign([f.templates.municipal.version.id], [own.municipality.id])],
          also: invalidReference("templateVersionIds"),
        },
      ];
    },
  },
  [A("campaigns.ts", "startFromPreviousAction")]: {
    calls: ({ foreign: f }) => [
      {
        args: [{ previousCampaignId: f.campaign.id, name: "Следующая кампания", date: "2026-10-01", deadline: "2026-09-25" }],
        control: "REGION_ADMIN",
      },
    ],
  },

  [A("assignments.ts", "createAssignmentAction")]: {
    calls: ({ foreign: f, own }) => [
      {
        args: [
          {
            role: "MUNICIPAL_COORDINATOR",
            subjectId: f.municipality.id,
            personName: "Новиков Николай Николаевич",
            validFrom: "2025-09-01",
            orderDocumentId: f.newerDocument.id,
          },
        ],
        control: "REGION_ADMIN",
      },
      {
        args: [{ role: "SCHOOL_COORDINATOR", subjectId: f.school.id, personName: "Школьников Семён Семёнович", validFrom: "2025-09-01" }],
        control: "MUNICIPAL_COORDINATOR",
      },
      {
        label: "own municipality, invite a foreign user's e-mail",
        args: [
          {
            role: "MUNICIPAL_COORDINATOR",
            subjectId: own.municipality.id,
            personName: "Чужой Администратор Приглашённый",
            validFrom: "2026-01-01",
            email: f.users.REGION_ADMIN.scope.email,
            invite: true,
            password: "long-enough-password",
          },
        ],
        also: takenEmail,
      },
      {
        label: "own municipality, foreign order",
        args: [
          {
            role: "MUNICIPAL_COORDINATOR",
            subjectId: own.municipality.id,
            personName: "Новиков Николай Николаевич",
            validFrom: "2025-09-01",
            orderDocumentId: f.document.id,
          },
        ],
      },
    ],
  },
  [A("assignments.ts", "listOrderOptionsAction")]: {
    calls: ({ foreign: f }) => [{ args: [{ municipalityId: f.municipality.id }], control: "MUNICIPAL_COORDINATOR", controlShows: true }],
  },

  [A("recommendations.ts", "saveRecommendationsAction")]: {
    // Takes no region: writes the admin's own region's texts.
    calls: () => [{ args: [{ texts: { ABSENT: "Своя рекомендация по отсутствующему документу" } }], expect: "own" }],
  },
  [A("reports.ts", "saveReportSettingsAction")]: {
    calls: ({ foreign: f, own }) => [
      { args: [{ regionId: f.region.id, organizationName: "Новая организация", details: "" }], control: "REGION_ADMIN" },
      {
        label: "own region, foreign logo",
        args: [{ regionId: own.region.id, organizationName: "Своя организация", logoFileId: f.logo.id }],
        also: invalidReference("logoFileId"),
      },
    ],
  },

  [A("templates.ts", "createTemplateAction")]: {
    // Takes no region: creates the template in the admin's own region.
    calls: () => [{ args: [{ key: "matrix-new-template", name: "Новый шаблон матрицы", level: "MUNICIPAL" }], expect: "own" }],
  },
  [A("templates.ts", "saveTemplateDraftAction")]: {
    calls: ({ foreign: f }) => [
      {
        args: async () => [
          {
            versionId: f.templates.draft.id,
            revision: await draftRevision(f),
            name: "Изменённый шаблон",
            content: MUNICIPAL_BLANK.content,
          },
        ],
        control: "REGION_ADMIN",
      },
    ],
  },
  [A("templates.ts", "publishTemplateVersionAction")]: {
    calls: ({ foreign: f }) => [{ args: [{ versionId: f.templates.draft.id }], control: "REGION_ADMIN" }],
  },
  [A("templates.ts", "createNextVersionAction")]: {
    calls: ({ foreign: f }) => [{ args: [{ templateId: f.templates.school.template.id }], control: "REGION_ADMIN" }],
  },

  [A("users.ts", "createUserAction")]: {
    calls: ({ foreign: f, own }) => [
      {
        args: [
          {
            email: "created@matrix.test",
            name: "Новый Пользователь",
            password: "long-enough-password",
            memberships: [{ role: "MUNICIPAL_COORDINATOR", scopeId: f.municipality.id }],
          },
        ],
        control: "REGION_ADMIN",
      },
      {
        label: "an own role for a foreign user's e-mail",
        args: [
          {
            email: f.users.SCHOOL_COORDINATOR.scope.email,
            name: "Новый Пользователь",
            password: "long-enough-password",
            memberships: [{ role: "REGION_AUDITOR", scopeId: own.region.id }],
          },
        ],
        also: takenEmail,
      },
      {
        label: "an own role and a foreign one",
        args: [
          {
            email: "mixed@matrix.test",
            name: "Новый Пользователь",
            password: "long-enough-password",
            memberships: [
              { role: "REGION_AUDITOR", scopeId: own.region.id },
              { role: "SCHOOL_COORDINATOR", scopeId: f.school.id },
            ],
          },
        ],
      },
    ],
  },
  [A("users.ts", "grantMembershipAction")]: {
    calls: ({ foreign: f, own, shared }) => [
      {
        args: [{ userId: f.users.REGION_AUDITOR.id, role: "MUNICIPAL_COORDINATOR", scopeId: f.municipality.id }],
        control: "REGION_ADMIN",
      },
      {
        label: "a foreign user, an own role",
        args: [{ userId: f.users.REGION_AUDITOR.id, role: "REGION_AUDITOR", scopeId: own.region.id }],
      },
      {
        label: "an own user, a foreign role",
        args: [{ userId: own.users.REGION_AUDITOR.id, role: "REGION_ADMIN", scopeId: f.region.id }],
      },
      {
        label: "a user of both regions, a foreign role",
        args: [{ userId: shared.id, role: "REGION_AUDITOR", scopeId: f.region.id }],
      },
    ],
  },
  [A("users.ts", "revokeMembershipAction")]: {
    calls: ({ foreign: f, own, shared }) => {
      const membership = f.memberships.find((m) => m.userId === f.users.REGION_AUDITOR.id)!;
      return [
        { args: [{ userId: f.users.REGION_AUDITOR.id, membershipId: membership.id }], control: "REGION_ADMIN" },
        { label: "own user in the path, foreign membership", args: [{ userId: own.users.REGION_AUDITOR.id, membershipId: membership.id }] },
        { label: "a user of both regions, their foreign role", args: [{ userId: shared.id, membershipId: shared.foreignMembershipId }] },
      ];
    },
  },

  [A("students.ts", "createStudentAction")]: {
    calls: ({ foreign: f, own }) => [
      { args: [{ organizationId: f.school.id, ...studentValues(f.schoolYear) }], control: "SCHOOL_COORDINATOR" },
      {
        label: "own school, foreign teacher",
        args: [{ organizationId: own.school.id, ...studentValues(own.schoolYear, { teacherIds: [f.teacher.id] }) }],
        also: invalidReference("teacherIds"),
      },
      {
        label: "own school, foreign order",
        args: [{ organizationId: own.school.id, ...studentValues(own.schoolYear, { enrolmentOrderId: f.schoolDocument.id }) }],
        also: invalidReference("enrolmentOrderId"),
      },
      {
        label: "own school, foreign ИУП file",
        args: [{ organizationId: own.school.id, ...studentValues(own.schoolYear, { iupPresent: true, iupFileId: f.schoolFile.id }) }],
        also: invalidReference("iupFileId"),
      },
    ],
  },
  [A("students.ts", "updateStudentAction")]: {
    calls: ({ foreign: f, own }) => [
      { args: [{ studentId: f.student.id, ...studentValues(f.schoolYear) }], control: "SCHOOL_COORDINATOR" },
      {
        label: "own student, foreign teacher",
        args: [{ studentId: own.student.id, ...studentValues(own.schoolYear, { teacherIds: [f.teacher.id] }) }],
        also: invalidReference("teacherIds"),
      },
    ],
  },
  [A("students.ts", "eraseStudentAction")]: {
    calls: ({ foreign: f }) => [{ args: [{ studentId: f.student.id }], control: "SCHOOL_COORDINATOR" }],
  },
  [A("students.ts", "createTeacherAction")]: {
    calls: ({ foreign: f }) => [{ args: [{ organizationId: f.school.id, ...teacherValues(f.schoolYear) }], control: "SCHOOL_COORDINATOR" }],
  },
  [A("students.ts", "updateTeacherAction")]: {
    calls: ({ foreign: f }) => [{ args: [{ teacherId: f.teacher.id, ...teacherValues(f.schoolYear) }], control: "SCHOOL_COORDINATOR" }],
  },
};

async function draftRevision(f: World) {
  return (await db().templateVersion.findUniqueOrThrow({ where: { id: f.templates.draft.id } })).revision;
}

/**
 * Inline "use server" functions (inside a page or component rather than in an actions
 * module) cannot be called from outside their closure: each must say what it calls,
 * and that must be an action the matrix calls.
 */
export const INLINE_ACTIONS: Record<string, { count: number; calls: string[] }> = {
  "app/(app)/notifications/page.tsx": { count: 1, calls: [A("notifications.ts", "markAllReadAction")] },
};
