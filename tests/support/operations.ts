import type { z } from "zod";
import type { Scope } from "@/lib/scope";
import { ZAssignmentCreate, ZAssignmentListQuery } from "@/lib/schemas/assignment";
import { ZAnswerMark, ZBlankReturn, ZBlankSave, ZBlankSubmit } from "@/lib/schemas/blank";
import { ZBlankListQuery, ZCampaignCreate, ZCampaignFromPrevious, ZCampaignListQuery } from "@/lib/schemas/campaign";
import { ZDocumentCreate, ZDocumentListQuery } from "@/lib/schemas/document";
import { ZFindingFix, ZFindingListQuery, ZFindingPlan, ZFindingReopen, ZFindingVerify } from "@/lib/schemas/finding";
import { ZMunicipalityListQuery } from "@/lib/schemas/list";
import {
  ZEventListQuery,
  ZEventStatusChange,
  ZIndicatorCreate,
  ZIndicatorValue,
  ZPlanCreate,
  ZPlanEvent,
  ZPlanListQuery,
} from "@/lib/schemas/plan";
import { ZRecommendations } from "@/lib/schemas/recommendation";
import { ZReportSettings } from "@/lib/schemas/report";
import {
  ZStudentCreate,
  ZStudentFields,
  ZStudentListQuery,
  ZTeacherCreate,
  ZTeacherFields,
  ZTeacherListQuery,
} from "@/lib/schemas/student";
import { ZTemplateDocument, ZTemplateDraftSave } from "@/lib/schemas/template";
import { ZMembershipGrant, ZUserCreate, ZUserListQuery } from "@/lib/schemas/user";
import { createAssignment as createAssignmentOp } from "@/lib/server/assignments/create-assignment";
import { listAssignments as listAssignmentsOp } from "@/lib/server/assignments/list-assignments";
import { ZAuditListQuery } from "@/lib/schemas/audit";
import { listAuditEvents as listAuditEventsOp } from "@/lib/server/audit/list-audit-events";
import { listBlanks as listBlanksOp } from "@/lib/server/blanks/list-blanks";
import { listCampaigns as listCampaignsOp } from "@/lib/server/campaigns/list-campaigns";
import { listMunicipalities as listMunicipalitiesOp } from "@/lib/server/directory/list-municipalities";
import { listDocuments as listDocumentsOp } from "@/lib/server/documents/list-documents";
import { listFindings as listFindingsOp } from "@/lib/server/findings/list-findings";
import { iterateEvents as iterateEventsOp, listEvents as listEventsOp } from "@/lib/server/plans/list-events";
import { listPlans as listPlansOp } from "@/lib/server/plans/list-plans";
import { listStudents as listStudentsOp } from "@/lib/server/students/list-students";
import { listTeachers as listTeachersOp } from "@/lib/server/students/list-teachers";
import { listUsers as listUsersOp } from "@/lib/server/users/list-users";
import { markAnswer as markAnswerOp } from "@/lib/server/blanks/mark-answer";
import { returnBlank as returnBlankOp } from "@/lib/server/blanks/return-blank";
import { saveBlankAnswers as saveBlankAnswersOp } from "@/lib/server/blanks/save-blank-answers";
import { submitBlank as submitBlankOp } from "@/lib/server/blanks/submit-blank";
import { createCampaign as createCampaignOp } from "@/lib/server/campaigns/create-campaign";
import { startCampaignFromPrevious as startCampaignFromPreviousOp } from "@/lib/server/campaigns/start-campaign-from-previous";
import { createDocument as createDocumentOp } from "@/lib/server/documents/create-document";
import { markFindingFixed as markFindingFixedOp } from "@/lib/server/findings/mark-finding-fixed";
import { reopenFinding as reopenFindingOp } from "@/lib/server/findings/reopen-finding";
import { updateFindingPlan as updateFindingPlanOp } from "@/lib/server/findings/update-finding-plan";
import { verifyFinding as verifyFindingOp } from "@/lib/server/findings/verify-finding";
import { changeEventStatus as changeEventStatusOp } from "@/lib/server/plans/change-event-status";
import { createPlan as createPlanOp } from "@/lib/server/plans/create-plan";
import { saveIndicator as saveIndicatorOp } from "@/lib/server/plans/save-indicator";
import { saveIndicatorValue as saveIndicatorValueOp } from "@/lib/server/plans/save-indicator-value";
import { savePlanEvent as savePlanEventOp } from "@/lib/server/plans/save-plan-event";
import { saveRecommendations as saveRecommendationsOp } from "@/lib/server/recommendations/save-recommendations";
import { saveReportSettings as saveReportSettingsOp } from "@/lib/server/reports/save-report-settings";
import { createStudent as createStudentOp } from "@/lib/server/students/create-student";
import { createTeacher as createTeacherOp } from "@/lib/server/students/create-teacher";
import { updateStudent as updateStudentOp } from "@/lib/server/students/update-student";
import { updateTeacher as updateTeacherOp } from "@/lib/server/students/update-teacher";
import { createTemplate as createTemplateOp } from "@/lib/server/templates/create-template";
import { saveTemplateDraft as saveTemplateDraftOp } from "@/lib/server/templates/save-template-draft";
import { createUser as createUserOp } from "@/lib/server/users/create-user";
import { grantMembership as grantMembershipOp } from "@/lib/server/users/grant-membership";

/**
 * The operations as their callers call them: the input, anything a caller may send,
 * parsed with the caller's schema first (a server action's, a page's). A test passes raw
 * input, and a bad one rejects with the schema's ZodError, as the action answers it with
 * VALIDATION; a list's query falls back to its defaults as the page's does.
 */

/**
 * The write operations as their server actions call them: the input, anything a caller
 * may send, parsed with the action's schema first (lib/actions). A test passes raw input,
 * and a bad one rejects with the schema's ZodError, as the action answers it with VALIDATION.
 */
function parsed<S extends z.ZodType, O extends { input: z.output<S> }, R>(schema: S, operation: (options: O) => Promise<R>) {
  return async (options: Omit<O, "input"> & { input: unknown }): Promise<R> =>
    operation({ ...options, input: schema.parse(options.input) } as O);
}

export const createAssignment = parsed(ZAssignmentCreate, createAssignmentOp);

export const saveBlankAnswers = parsed(ZBlankSave, saveBlankAnswersOp);
export const submitBlank = parsed(ZBlankSubmit, submitBlankOp);
export const markAnswer = parsed(ZAnswerMark, markAnswerOp);
export const returnBlank = parsed(ZBlankReturn, returnBlankOp);

export const createCampaign = parsed(ZCampaignCreate, createCampaignOp);
export const startCampaignFromPrevious = parsed(ZCampaignFromPrevious, startCampaignFromPreviousOp);

export const createDocument = parsed(ZDocumentCreate, createDocumentOp);

export const markFindingFixed = parsed(ZFindingFix, markFindingFixedOp);
export const verifyFinding = parsed(ZFindingVerify, verifyFindingOp);
export const reopenFinding = parsed(ZFindingReopen, reopenFindingOp);
export const updateFindingPlan = parsed(ZFindingPlan, updateFindingPlanOp);

export const createPlan = parsed(ZPlanCreate, createPlanOp);
export const savePlanEvent = parsed(ZPlanEvent, savePlanEventOp);
export const changeEventStatus = parsed(ZEventStatusChange, changeEventStatusOp);
export const saveIndicator = parsed(ZIndicatorCreate, saveIndicatorOp);
export const saveIndicatorValue = parsed(ZIndicatorValue, saveIndicatorValueOp);

export const saveRecommendations = parsed(ZRecommendations, saveRecommendationsOp);
export const saveReportSettings = parsed(ZReportSettings, saveReportSettingsOp);

export const createStudent = parsed(ZStudentCreate, createStudentOp);
export const updateStudent = parsed(ZStudentFields, updateStudentOp);
export const createTeacher = parsed(ZTeacherCreate, createTeacherOp);
export const updateTeacher = parsed(ZTeacherFields, updateTeacherOp);

export const createTemplate = parsed(ZTemplateDocument, createTemplateOp);
export const saveTemplateDraft = parsed(ZTemplateDraftSave, saveTemplateDraftOp);

export const createUser = parsed(ZUserCreate, createUserOp);

/** Its grant is the form's fields (grantMembershipAction's schema without the user). */
export async function grantMembership(options: { scope: Scope; userId: string; grant: unknown }) {
  return grantMembershipOp({ ...options, grant: ZMembershipGrant.parse(options.grant) });
}

/** A list operation (or its export's `iterate…`) as its page calls it: the URL's query parsed with the page's schema. */
function listing<S extends z.ZodType, O extends { query: z.output<S> }, R>(schema: S, list: (options: O) => R) {
  return (options: Omit<O, "query"> & { query: unknown }): R => list({ ...options, query: schema.parse(options.query) } as O);
}

export const listAssignments = listing(ZAssignmentListQuery, listAssignmentsOp);
export const listAuditEvents = listing(ZAuditListQuery, listAuditEventsOp);
export const listBlanks = listing(ZBlankListQuery, listBlanksOp);
export const listCampaigns = listing(ZCampaignListQuery, listCampaignsOp);
export const listDocuments = listing(ZDocumentListQuery, listDocumentsOp);
export const listEvents = listing(ZEventListQuery, listEventsOp);
export const iterateEvents = listing(ZEventListQuery, iterateEventsOp);
export const listFindings = listing(ZFindingListQuery, listFindingsOp);
export const listMunicipalities = listing(ZMunicipalityListQuery, listMunicipalitiesOp);
export const listPlans = listing(ZPlanListQuery, listPlansOp);
export const listStudents = listing(ZStudentListQuery, listStudentsOp);
export const listTeachers = listing(ZTeacherListQuery, listTeachersOp);
export const listUsers = listing(ZUserListQuery, listUsersOp);
