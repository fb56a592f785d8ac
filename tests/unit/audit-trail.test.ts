import { describe, expect, it } from "vitest";
import { AUDIT_ENTITIES, AUDIT_ENTITY_LABELS } from "@/lib/domain/exports/lists/audit";
import { Prisma } from "@/lib/generated/prisma/client";
import { actorOfScope, currentActor, runAsActor, SYSTEM_ACTOR } from "@/lib/server/audit/actor-context";
import { auditChanges } from "@/lib/domain/audit/audit-changes";
import { auditEventId } from "@/lib/server/audit/audit-id";
import {
  AUDIT_POLICY,
  EXCLUDED_BECAUSE,
  CHILD_HIDDEN,
  CHILD_HIDDEN_CHANGED,
  HIDDEN,
  HIDDEN_CHANGED,
  isAuditedWrite,
  keyFields,
  redact,
  regionSource,
  scalarFields,
} from "@/lib/domain/audit/audit-policy";
import { ZAuditListQuery } from "@/lib/schemas/audit";
import { exportFilters } from "@/lib/server/audit/record-read";
import { fieldClass, MODEL_CLASSES } from "@/lib/domain/privacy/data-classes";

const MODELS = Object.values(Prisma.ModelName);

describe("the audit policy", () => {
  it("classifies every model of the schema, and names why a model is left out", () => {
    expect(Object.keys(AUDIT_POLICY).sort()).toEqual([...MODELS].sort());
    const excluded = MODELS.filter((m) => AUDIT_POLICY[m].mode === "none");
    expect(excluded.sort()).toEqual(Object.keys(EXCLUDED_BECAUSE).sort());
    expect(excluded.sort()).toEqual(["AuditEvent", "AuthSession", "Notification", "RateLimiterFlexible", "ReportJob"]);
  });

  it("knows each recorded model's key and region, and the journal has a name for it", () => {
    for (const model of MODELS.filter((m) => AUDIT_POLICY[m].mode !== "none")) {
      const fields = scalarFields(model);
      for (const key of keyFields(model)) expect(fields.has(key), `${model}.${key}`).toBe(true);
      const source = regionSource(model);
      if (source.kind === "column") expect(fields.has("regionId"), model).toBe(true);
      if (source.kind === "parent") expect(fields.has(source.fk), `${model}.${source.fk}`).toBe(true);
      // Without a region of its own, a model's events must reach a region another way.
      if (fields.has("regionId")) expect(source.kind, model).toBe("column");
      expect(AUDIT_ENTITY_LABELS[model as keyof typeof AUDIT_ENTITY_LABELS], model).toBeTruthy();
    }
    expect([...AUDIT_ENTITIES].sort()).toEqual(MODELS.filter((m) => AUDIT_POLICY[m].mode !== "none").sort());
    expect(regionSource("User")).toEqual({ kind: "none" });
  });

  it("records a log table's updates and deletes, not its appends", () => {
    expect(isAuditedWrite("AnswerChange", "createMany")).toBe(false);
    expect(isAuditedWrite("AnswerChange", "deleteMany")).toBe(true);
    expect(isAuditedWrite("StudentCardRead", "create")).toBe(false);
    expect(isAuditedWrite("StudentCardRead", "update")).toBe(true);
    expect(isAuditedWrite("Answer", "upsert")).toBe(true);
    expect(isAuditedWrite("RateLimiterFlexible", "upsert")).toBe(false);
    expect(isAuditedWrite("AuditEvent", "create")).toBe(false);
    // A model nobody classified is recorded rather than forgotten.
    expect(isAuditedWrite("SomethingNew", "create")).toBe(true);
  });
});

describe("redaction", () => {
  it("hides secrets and a child's identity, marks a hidden value that changed, never stores bytes", () => {
    const before = { id: "u1", email: "a@b.c", passwordHash: "$argon2id$old", name: "А" };
    const after = { ...before, passwordHash: "$argon2id$new" };
    expect(redact("User", before)).toEqual({ ...before, passwordHash: HIDDEN });
    expect(redact("User", after, before)).toEqual({ ...before, passwordHash: HIDDEN_CHANGED });
    expect(redact("User", before, before)).toEqual({ ...before, passwordHash: HIDDEN });
    expect(redact("DotTeacher", { fullName: "Петрова", subject: "Физика" })).toEqual({ fullName: HIDDEN, subject: "Физика" });
    // Nested writes and JSON values: a secret by its name anywhere; bytes by their size only.
    expect(
      redact("Organization", {
        memberships: { create: [{ apiToken: "t0k3n", role: "X" }] },
        logo: new Uint8Array(5),
        at: new Date("2020-01-01T00:00:00Z"),
      }),
    ).toEqual({
      memberships: { create: [{ apiToken: HIDDEN, role: "X" }] },
      logo: "[двоичные данные, 5 байт]",
      at: "2020-01-01T00:00:00.000Z",
    });
    expect(redact("IndicatorValue", { value: new Prisma.Decimal("12.50") })).toEqual({ value: "12.5" });
  });
});

describe("redaction by class: a child's data", () => {
  it("a student keeps only its id and region, whatever its fields are called: grade, school, timetable, nested teachers", () => {
    const student = {
      id: "s1",
      regionId: "r1",
      organizationId: "school-1",
      fullName: "Иванов Иван",
      birthDate: new Date("2012-01-02"),
      grade: "5",
      timetable: "Пн: ЛФК (диагноз G80)",
      disabilityConfirmedUntil: new Date("2027-01-01"),
      teachers: { create: [{ teacherId: "t1" }] },
    };
    const hidden = {
      id: "s1",
      regionId: "r1",
      organizationId: CHILD_HIDDEN,
      fullName: CHILD_HIDDEN,
      birthDate: CHILD_HIDDEN,
      grade: CHILD_HIDDEN,
    };
    expect(redact("DotStudent", student)).toEqual({
      ...hidden,
      timetable: CHILD_HIDDEN,
      disabilityConfirmedUntil: CHILD_HIDDEN,
      teachers: CHILD_HIDDEN,
    });
    expect(redact("DotStudent", { ...student, grade: "6" }, student)).toMatchObject({
      grade: CHILD_HIDDEN_CHANGED,
      fullName: CHILD_HIDDEN,
    });
    expect(redact("DotStudentTeacher", { studentId: "s1", teacherId: "t1" })).toEqual({ studentId: "s1", teacherId: "t1" });
  });

  it("a file is a child's when it says so, and then on both sides of the update that makes it one", () => {
    const file = { id: "f1", regionId: "r1", name: "ИУП Иванов.pdf", size: 10, ownerKind: null, ownerId: null, childData: false };
    expect(redact("StoredFile", file)).toEqual(file);
    const claimed = { ...file, ownerKind: "DOT_STUDENT", ownerId: "s1", childData: true };
    expect(redact("StoredFile", claimed)).toEqual({ ...claimed, name: CHILD_HIDDEN, size: CHILD_HIDDEN });
    expect(redact("StoredFile", file, null, true)).toMatchObject({ name: CHILD_HIDDEN, id: "f1" });
  });

  it("a document marked as naming a child keeps its owner and kind, hides its requisites and title", () => {
    const doc = {
      id: "d1",
      regionId: "r1",
      organizationId: "o1",
      type: "приказ",
      number: "5",
      title: "О зачислении Иванова",
      childData: true,
    };
    expect(redact("RegistryDocument", doc)).toEqual({ ...doc, number: CHILD_HIDDEN, title: CHILD_HIDDEN });
    expect(redact("RegistryDocument", { ...doc, childData: false })).toEqual({ ...doc, childData: false });
  });

  it("classes every model of the schema; a model it does not know is hidden as a child's", () => {
    expect(Object.keys(MODEL_CLASSES).sort()).toEqual([...MODELS].sort());
    expect(fieldClass("SomethingNew", "name", false)).toBe("CHILD_PERSONAL");
  });
});

describe("the journal", () => {
  it("shows an update's changed fields only, a creation's and a deletion's values, a read's details; ids left to the details", () => {
    expect(auditChanges("Blank", { status: "SUBMITTED", score: 80, grade: "x" }, { status: "ACCEPTED", score: 80, grade: "x" })).toEqual([
      { field: "status", label: "Статус", before: "на проверке", after: "принят" },
    ]);
    expect(auditChanges("Organization", null, { id: "1", regionId: "r", name: "Школа", headName: null })).toEqual([
      { field: "name", label: "Наименование", before: null, after: "Школа" },
    ]);
    expect(auditChanges("Answer", { id: "1", value: { kind: "COUNT", count: 3 } }, null)).toEqual([
      { field: "value", label: "Ответ", before: "составное значение (см. технические подробности)", after: null },
    ]);
    expect(auditChanges("Answer", null, null)).toEqual([]);
    expect(auditChanges("Answer", { mark: "MATCHES" }, { mark: null })).toEqual([
      { field: "mark", label: "Отметка аудитора", before: "соответствует", after: null },
    ]);
    expect(auditChanges("DotStudent", null, { shown: ["a", "b"], search: true })).toEqual([
      { field: "shown", label: "Показано записей", before: null, after: "2" },
      { field: "search", label: "С поиском", before: null, after: "да" },
    ]);
  });

  it("reads its query from the page's URL: newest first, unknown values dropped", () => {
    expect(ZAuditListQuery.parse({})).toMatchObject({ sort: "at", dir: "desc", page: 1, q: "" });
    expect(ZAuditListQuery.parse({ from: "2026-01-01", to: "nonsense", action: "READ", entity: "Blank", entityId: "  x  " })).toMatchObject(
      {
        from: "2026-01-01",
        to: undefined,
        action: "READ",
        entity: "Blank",
        entityId: "x",
      },
    );
    expect(ZAuditListQuery.parse({ action: "TRUNCATE", entity: "AuditEvent", entityId: "" })).toMatchObject({
      action: undefined,
      entity: undefined,
      entityId: undefined,
    });
  });

  it("keeps an export's filters but not the name searched", () => {
    expect(exportFilters({ q: "Иванов", schoolYear: "2025/2026", status: undefined, page: 2, pageSize: 20, sort: "fullName" })).toEqual({
      schoolYear: "2025/2026",
      sort: "fullName",
      search: true,
    });
    expect(exportFilters({ q: "" })).toEqual({ search: false });
  });
});

describe("event ids and actors", () => {
  it("makes version-7 ids that sort in the order they were made, within a millisecond too", () => {
    const ids = Array.from({ length: 5000 }, () => auditEventId());
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const now = Date.now();
    expect(auditEventId(now).slice(0, 13).replace("-", "")).toBe(now.toString(16).padStart(12, "0"));
  });

  it("runs as the given actor, awaited work included, and is the system outside", async () => {
    const actor = actorOfScope({ userId: "u1", name: "", email: "a@b.c" });
    expect(actor).toEqual({ id: "u1", name: "a@b.c" });
    expect(currentActor()).toEqual(SYSTEM_ACTOR);
    const seen = await runAsActor(actor, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentActor();
    });
    expect(seen).toEqual(actor);
    expect(currentActor()).toEqual(SYSTEM_ACTOR);
  });
});
