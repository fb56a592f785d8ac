import "server-only";
import type { BulkTable } from "./bulk";

/** The tables demo-data fills in bulk, with the columns it sets (the rest keep their defaults). */

const NOW = { updatedAt: "now()" };

export const MUNICIPALITY: BulkTable = { table: "Municipality", columns: { id: "uuid", regionId: "uuid", name: "text" } };

export const ORGANIZATION: BulkTable = {
  table: "Organization",
  columns: {
    id: "uuid",
    regionId: "uuid",
    municipalityId: "uuid",
    kind: '"OrganizationKind"',
    name: "text",
    isBaseSchool: "boolean",
    isLowResults: "boolean",
    isDifficultConditions: "boolean",
    headName: "text",
    phone: "text",
  },
};

export const ORGANIZATION_ADDRESS: BulkTable = {
  table: "OrganizationAddress",
  columns: { id: "uuid", organizationId: "uuid", position: "integer", label: "text", address: "text" },
};

export const DOT_STUDENT: BulkTable = {
  table: "DotStudent",
  columns: {
    id: "uuid",
    regionId: "uuid",
    municipalityId: "uuid",
    organizationId: "uuid",
    schoolYear: "text",
    fullName: "text",
    birthDate: "date",
    grade: "text",
    disabilityConfirmedUntil: "date",
    iupPresent: "boolean",
    timetable: "text",
    status: '"StudentStatus"',
    furtherEducation: '"FurtherEducation"',
  },
  constants: NOW,
};

export const BLANK: BulkTable = {
  table: "Blank",
  columns: {
    id: "uuid",
    regionId: "uuid",
    campaignId: "uuid",
    templateVersionId: "uuid",
    municipalityId: "uuid",
    organizationId: "uuid",
    subjectId: "uuid",
    status: '"BlankStatus"',
    version: "integer",
    submittedAt: "timestamptz",
    acceptedAt: "timestamptz",
    score: "double precision",
    grade: "text",
    scoredAt: "timestamptz",
    officialCounts: "jsonb",
  },
  constants: NOW,
};

export const ANSWER: BulkTable = {
  table: "Answer",
  columns: { id: "uuid", blankId: "uuid", itemKey: "uuid", value: "jsonb", mark: '"AuditMark"', markComment: "text", status: "text" },
  constants: NOW,
};

export const ANSWER_CHANGE: BulkTable = {
  table: "AnswerChange",
  columns: { id: "uuid", blankId: "uuid", field: "text", before: "jsonb", after: "jsonb", userName: "text", createdAt: "timestamptz" },
};

export const FINDING: BulkTable = {
  table: "Finding",
  columns: {
    id: "uuid",
    regionId: "uuid",
    campaignId: "uuid",
    blankId: "uuid",
    municipalityId: "uuid",
    organizationId: "uuid",
    itemKey: "uuid",
    itemNumber: "text",
    itemTitle: "text",
    status: "text",
    severity: '"FindingSeverity"',
    legalBasis: "text",
    recommendation: "text",
    deadline: "date",
  },
  constants: NOW,
};

export const PLAN: BulkTable = {
  table: "Plan",
  columns: {
    id: "uuid",
    regionId: "uuid",
    municipalityId: "uuid",
    kind: '"PlanKind"',
    title: "text",
    schoolYear: "text",
    startsOn: "date",
    endsOn: "date",
  },
  constants: NOW,
};

export const PLAN_EVENT: BulkTable = {
  table: "PlanEvent",
  columns: {
    id: "uuid",
    planId: "uuid",
    number: "text",
    position: "integer",
    title: "text",
    description: "text",
    timingText: "text",
    timingKind: '"TimingKind"',
    startsOn: "date",
    endsOn: "date",
    dueDates: "date[]",
    responsibleText: "text",
    responsiblePeople: "text[]",
    audience: "text",
    status: '"PlanEventStatus"',
    heldOn: "date",
    importKey: "text",
  },
  constants: NOW,
};

export const USER: BulkTable = {
  table: "User",
  columns: { id: "uuid", email: "text", name: "text", passwordHash: "text", isDemo: "boolean" },
};

export const MEMBERSHIP: BulkTable = {
  table: "Membership",
  columns: {
    id: "uuid",
    userId: "uuid",
    role: '"Role"',
    regionId: "uuid",
    municipalityId: "uuid",
    organizationId: "uuid",
    scopeId: "uuid",
  },
};
