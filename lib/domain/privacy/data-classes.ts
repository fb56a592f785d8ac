/**
 * The class of every stored thing, declared once: what each model's fields are, so that
 * the audit trail (and anything else that shows stored rows) hides by class rather than
 * by a list of field names. Pure; README «Children's data» has the same table.
 *
 * - TENANT: the tenant's working data, read by the entity's tenant rule (lib/scope.ts).
 * - STAFF_PERSONAL: personal data of staff (names, e-mails, phones), read by the entity's
 *   rule; in a model read by the ДОТ records rule it is hidden from whoever sees counts only.
 * - CHILD_PERSONAL: a child's personal data, read by the child rule (child-access.ts) only;
 *   shown nowhere else, the audit trail included: «[данные ребёнка скрыты]».
 * - SECRET: never shown to anyone (password hashes).
 */
import type { Prisma } from "@/lib/generated/prisma/client";

export type DataClass = "TENANT" | "STAFF_PERSONAL" | "CHILD_PERSONAL" | "SECRET";

type Row = Record<string, unknown>;

interface ModelClasses {
  /** The class of the fields not named in `fields`. */
  rest: DataClass;
  fields?: Readonly<Record<string, DataClass>>;
  /** The model is read by the ДОТ records rule (a school's coordinator, the region's auditors), not the tenant rule. */
  recordsRule?: true;
  /**
   * Rows that hold a child's data whatever their fields: every field is CHILD_PERSONAL but
   * `keep`, the keys and ids that say which row changed. Without it, the fields decide.
   */
  child?: { when: (row: Row) => boolean; keep: readonly string[] };
}

const ALWAYS = () => true;
const FLAGGED = (row: Row) => row.childData === true;

/** Every model of the schema (the type makes a new model a compile error until it is classed). */
export const MODEL_CLASSES: Record<Prisma.ModelName, ModelClasses> = {
  Region: { rest: "TENANT" },
  Municipality: { rest: "TENANT" },
  Organization: { rest: "TENANT", fields: { headName: "STAFF_PERSONAL", phone: "STAFF_PERSONAL", email: "STAFF_PERSONAL" } },
  OrganizationAddress: { rest: "TENANT" },
  User: { rest: "STAFF_PERSONAL", fields: { id: "TENANT", passwordHash: "SECRET", isDemo: "TENANT", createdAt: "TENANT" } },
  AuthSession: { rest: "TENANT" },
  Membership: { rest: "TENANT" },
  Template: { rest: "TENANT" },
  TemplateVersion: { rest: "TENANT" },
  Campaign: { rest: "TENANT" },
  CampaignTemplate: { rest: "TENANT" },
  Blank: { rest: "TENANT" },
  Answer: { rest: "TENANT" },
  AnswerChange: { rest: "TENANT" },
  // A file's name and contents are its owner's: a child's record's (the ИУП), or a document's that names a child.
  StoredFile: { rest: "TENANT", child: { when: FLAGGED, keep: ["id", "regionId", "ownerKind", "ownerId", "uploadedById", "childData"] } },
  Notification: { rest: "TENANT" },
  Finding: { rest: "TENANT" },
  FindingEvent: { rest: "TENANT" },
  RecommendationDefault: { rest: "TENANT" },
  // A document marked as naming a child is part of the child's records; its owner and kind stay in view.
  RegistryDocument: {
    rest: "TENANT",
    child: {
      when: FLAGGED,
      keep: ["id", "regionId", "municipalityId", "organizationId", "scopeId", "type", "childData", "fileId", "status"],
    },
  },
  CoordinatorAssignment: { rest: "TENANT", fields: { personName: "STAFF_PERSONAL", phone: "STAFF_PERSONAL", email: "STAFF_PERSONAL" } },
  DotStudent: { rest: "CHILD_PERSONAL", recordsRule: true, child: { when: ALWAYS, keep: ["id", "regionId"] } },
  DotTeacher: { rest: "TENANT", recordsRule: true, fields: { fullName: "STAFF_PERSONAL" } },
  DotTeacherCourse: { rest: "TENANT", recordsRule: true },
  // Which teacher works with which child: the child's data.
  DotStudentTeacher: { rest: "CHILD_PERSONAL", recordsRule: true, child: { when: ALWAYS, keep: ["studentId", "teacherId"] } },
  StudentCardRead: { rest: "TENANT" },
  Plan: { rest: "TENANT" },
  PlanStage: { rest: "TENANT" },
  PlanSection: { rest: "TENANT" },
  PlanEvent: { rest: "TENANT" },
  PlanEventDocument: { rest: "TENANT" },
  TargetIndicator: { rest: "TENANT" },
  IndicatorValue: { rest: "TENANT" },
  ReportSettings: { rest: "TENANT" },
  ReportJob: { rest: "TENANT" },
  RateLimiterFlexible: { rest: "TENANT" },
  AuditEvent: { rest: "TENANT" },
};

/** Field names that hold secrets wherever they appear (nested writes included). */
const SECRET_NAME = /password|secret|token|credential|apikey|api_key|privatekey/i;

const classesOf = (model: string): ModelClasses | undefined => MODEL_CLASSES[model as Prisma.ModelName];

/** Whether a row of the model holds a child's data as a whole (a student, a child's file, a flagged document). */
export function isChildRow(model: string, row: Row | null | undefined): boolean {
  const child = classesOf(model)?.child;
  return !!row && !!child && child.when(row);
}

/**
 * The class of one field of a row. `child` says the row (or the other side of its update)
 * holds a child's data. A model this table does not know is CHILD_PERSONAL: fail closed.
 */
export function fieldClass(model: string, field: string, child: boolean): DataClass {
  const classes = classesOf(model);
  if (!classes) return "CHILD_PERSONAL";
  if (SECRET_NAME.test(field)) return "SECRET";
  if (child && classes.child) return classes.child.keep.includes(field) ? "TENANT" : "CHILD_PERSONAL";
  return classes.fields?.[field] ?? classes.rest;
}

/**
 * Whether the audit trail may show a field's value. Its readers are the region's admins,
 * who read the tenant's data and its staff's, and see the ДОТ records as counts only.
 */
export function journalShows(model: string, field: string, child: boolean): boolean {
  const dataClass = fieldClass(model, field, child);
  if (dataClass === "TENANT") return true;
  return dataClass === "STAFF_PERSONAL" && !classesOf(model)?.recordsRule;
}
