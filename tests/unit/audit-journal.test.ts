import { describe, expect, it } from "vitest";
import { auditChanges, auditTechnical } from "@/lib/domain/audit/audit-changes";
import { auditObjectName } from "@/lib/domain/audit/audit-objects";
import { AUDIT_POLICY, CHILD_HIDDEN, scalarFields } from "@/lib/domain/audit/audit-policy";
import { formatAuditValue } from "@/lib/domain/audit/audit-values";
import { FIELD_LABELS, fieldLabel, isTechnicalField } from "@/lib/domain/exports/field-labels";
import { AUDIT_COLUMNS } from "@/lib/domain/exports/lists/audit";
import { BLANK_COLUMNS } from "@/lib/domain/exports/lists/blanks";
import { DOCUMENT_COLUMNS } from "@/lib/domain/exports/lists/documents";
import { EVENT_COLUMNS } from "@/lib/domain/exports/lists/events";
import { STUDENT_COLUMNS } from "@/lib/domain/exports/lists/students";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditEventRow } from "@/lib/server/audit/list-audit-events";

const JOURNALED = Object.values(Prisma.ModelName).filter((m) => AUDIT_POLICY[m].mode !== "none");

describe("one Russian name per field", () => {
  it("names every field of every journaled model that is not an id or a key", () => {
    const unnamed = JOURNALED.flatMap((model) =>
      [...scalarFields(model)].filter((f) => !isTechnicalField(f) && !fieldLabel(model, f)).map((f) => `${model}.${f}`),
    );
    expect(unnamed).toEqual([]);
    expect(fieldLabel("Blank", "regionId")).toBeNull();
    expect(fieldLabel("TemplateVersion", "revision")).toBeNull();
    expect(fieldLabel("TemplateVersion", "content")).toBe("Содержание шаблона");
  });

  it("is the map the exports take their headers from", () => {
    expect(BLANK_COLUMNS.status.header).toBe(FIELD_LABELS.Blank.status);
    expect(DOCUMENT_COLUMNS.number.header).toBe(FIELD_LABELS.RegistryDocument.number);
    expect(EVENT_COLUMNS.heldOn.header).toBe(FIELD_LABELS.PlanEvent.heldOn);
    expect(STUDENT_COLUMNS.birthDate.header).toBe(FIELD_LABELS.DotStudent.birthDate);
  });
});

describe("values as the screens write them", () => {
  it("a moment in Moscow time, a day as dd.mm.yyyy, yes/no, a status by its name, lists joined", () => {
    expect(formatAuditValue("Blank", "acceptedAt", "2026-12-03T21:30:00.000Z")).toBe("04.12.2026, 00:30:00");
    expect(formatAuditValue("PlanEvent", "heldOn", "2020-11-16T00:00:00.000Z")).toBe("16.11.2020");
    expect(formatAuditValue("PlanEvent", "dueDates", ["2020-11-16T00:00:00.000Z", "2020-12-16T00:00:00.000Z"])).toBe(
      "16.11.2020; 16.12.2020",
    );
    expect(formatAuditValue("Organization", "isBaseSchool", true)).toBe("да");
    expect(formatAuditValue("Organization", "isBaseSchool", false)).toBe("нет");
    expect(formatAuditValue("PlanEvent", "status", "CANCELLED")).toBe("Отменено");
    expect(formatAuditValue("Membership", "role", "REGION_AUDITOR")).toBe("Аудитор региона");
    expect(formatAuditValue("Blank", "score", 87.5)).toBe("87,5");
    expect(formatAuditValue("Blank", "returnMessage", null)).toBeNull();
    expect(formatAuditValue("DotStudent", "fullName", CHILD_HIDDEN)).toBe(CHILD_HIDDEN);
  });

  it("keeps the stored JSON for the technical details only", () => {
    const content = { sections: [{ number: "1", items: [] }] };
    expect(auditChanges("TemplateVersion", { content: {} }, { content })[0]!.after).not.toContain("sections");
    expect(auditTechnical(null, { content })).toContain('"sections"');
    expect(auditTechnical(null, null)).toBeNull();
  });
});

describe("the object by its name", () => {
  const entry = (entity: string, entityId: string, after: Record<string, unknown> | null = null) => ({
    entity,
    entityId,
    before: null,
    after,
  });
  const rows: Record<string, Record<string, unknown>> = {
    "Blank:b1": { participant: "Славянский район", campaign: "Аудит 2022" },
    "RegistryDocument:d1": {
      type: "приказ",
      issuer: "УО",
      date: new Date("2021-03-12"),
      number: "52-П",
      title: "О аудите",
      childData: false,
    },
    "RegistryDocument:d2": {
      type: "приказ",
      issuer: "УО",
      date: new Date("2021-03-12"),
      number: "7",
      title: "О зачислении Тайновой",
      childData: true,
    },
    "User:u1": { name: "Иванова Мария" },
  };
  const lookup = (entity: string, id: string) => rows[`${entity}:${id}`] ?? null;

  it("names a blank, its answer, a document, a user, with their pages", () => {
    expect(auditObjectName(entry("Blank", "b1"), lookup)).toEqual({
      label: "Бланк: Славянский район, кампания «Аудит 2022»",
      href: "/blanks/b1",
    });
    expect(auditObjectName(entry("Answer", "a1", { blankId: "b1" }), lookup).href).toBe("/blanks/b1");
    expect(auditObjectName(entry("RegistryDocument", "d1"), lookup)).toEqual({
      label: "Документ: Приказ УО от 12.03.2021 № 52-П",
      href: "/documents/d1",
    });
    expect(auditObjectName(entry("User", "u1"), lookup)).toEqual({ label: "Пользователь: Иванова Мария", href: "/region/users/u1" });
    expect(auditObjectName(entry("Membership", "m1", { userId: "u1", role: "REGION_ADMIN" }), lookup).label).toBe(
      "Роль пользователя: Иванова Мария",
    );
  });

  it("never names a child: a student, a document naming a child, a child's file; no link to them", () => {
    const student = auditObjectName(entry("DotStudent", "s1", { id: "s1", fullName: "Тайнова Алиса", grade: "5" }), lookup);
    expect(student).toEqual({ label: "Обучающийся (ДОТ)", href: null });
    const order = auditObjectName(entry("RegistryDocument", "d2"), lookup);
    expect(order.label).not.toMatch(/Тайнов|№ 7|12\.03/);
    expect(order.href).toBeNull();
    const file = auditObjectName(entry("StoredFile", "f1", { name: "ИУП Тайновой.pdf", childData: true }), lookup);
    expect(file).toEqual({ label: "Файл", href: null });
    const teacher = auditObjectName(entry("DotTeacher", "t1", { fullName: "Педагогова Ольга" }), lookup);
    expect(teacher.label).toBe("Педагог (ДОТ)");
  });

  it("a list read is a list, a row deleted since keeps its name without a link", () => {
    expect(auditObjectName(entry("DotStudent", "list"), lookup)).toEqual({ label: "Список: Обучающийся (ДОТ)", href: null });
    expect(auditObjectName(entry("Campaign", "gone", { name: "Аудит 2021" }), lookup)).toEqual({
      label: "Кампания: Аудит 2021",
      href: null,
    });
  });
});

describe("the journal's export", () => {
  it("writes the object, the Russian field names and the screen's values", () => {
    const row = {
      object: { label: "Бланк: Славянский район, кампания «Аудит 2022»", href: "/blanks/b1" },
      changes: auditChanges("Blank", { status: "SUBMITTED" }, { status: "ACCEPTED" }),
    } as AuditEventRow;
    expect(AUDIT_COLUMNS.entity.value(row)).toBe("Бланк: Славянский район, кампания «Аудит 2022»");
    expect(AUDIT_COLUMNS.changes.value(row)).toBe("Статус: на проверке → принят");
  });
});
