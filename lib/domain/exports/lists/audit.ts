import type { AuditEventRow } from "@/lib/server/audit/list-audit-events";
import { columnsFor } from "../columns";

const c = columnsFor<AuditEventRow>();

export const AUDIT_CAPTION = "Журнал изменений";

export const AUDIT_ACTIONS = ["CREATE", "UPDATE", "DELETE", "READ", "ERASE"] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<TAuditAction, string> = {
  CREATE: "Создание",
  UPDATE: "Изменение",
  DELETE: "Удаление",
  READ: "Просмотр",
  ERASE: "Стирание по запросу",
};

/** The recorded entities (lib/domain/audit/audit-policy.ts), as the journal names them. */
export const AUDIT_ENTITY_LABELS = {
  Region: "Регион",
  Municipality: "Муниципальное образование",
  Organization: "Организация",
  OrganizationAddress: "Адрес организации",
  User: "Пользователь",
  Membership: "Роль пользователя",
  Template: "Шаблон бланка",
  TemplateVersion: "Версия шаблона",
  Campaign: "Кампания",
  CampaignTemplate: "Шаблон кампании",
  Blank: "Бланк",
  Answer: "Ответ бланка",
  AnswerChange: "История ответа",
  StoredFile: "Файл",
  Finding: "Замечание",
  FindingEvent: "История замечания",
  RecommendationDefault: "Рекомендация по умолчанию",
  RegistryDocument: "Документ реестра",
  CoordinatorAssignment: "Назначение координатора",
  DotStudent: "Обучающийся (ДОТ)",
  DotTeacher: "Педагог (ДОТ)",
  DotTeacherCourse: "Курс педагога (ДОТ)",
  DotStudentTeacher: "Педагог обучающегося (ДОТ)",
  StudentCardRead: "Просмотр карточки",
  Plan: "План",
  PlanStage: "Этап плана",
  PlanSection: "Раздел плана",
  PlanEvent: "Мероприятие плана",
  PlanEventDocument: "Документ мероприятия",
  TargetIndicator: "Целевой показатель",
  IndicatorValue: "Значение показателя",
  ReportSettings: "Бланк отчётов",
} as const;
export type TAuditEntity = keyof typeof AUDIT_ENTITY_LABELS;
export const AUDIT_ENTITIES = Object.keys(AUDIT_ENTITY_LABELS) as [TAuditEntity, ...TAuditEntity[]];

export const auditEntityLabel = (entity: string): string => AUDIT_ENTITY_LABELS[entity as TAuditEntity] ?? entity;

/** «23.11.2026, 14:05:07»: Moscow time, as the app's other logs show it. */
export function formatAuditTime(iso: string): string {
  return new Intl.DateTimeFormat("ru-RU", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Moscow" }).format(new Date(iso));
}

/** A value in a cell: a spreadsheet cell holds at most 32,767 characters, a template's content may hold more. */
const clip = (value: string | null, max = 2000) => (value === null ? "—" : value.length > max ? `${value.slice(0, max)}…` : value);

export const AUDIT_COLUMNS = {
  at: c.text("Когда (МСК)", (e) => formatAuditTime(e.at)),
  actor: c.text("Кто", (e) => e.actorName),
  action: c.text("Действие", (e) => AUDIT_ACTION_LABELS[e.action]),
  entity: c.text("Объект", (e) => e.object.label),
  entityId: c.text("Идентификатор", (e) => e.entityId),
  summary: c.text("Описание", (e) => e.summary),
  changes: c.text("Изменения (до → после)", (e) => {
    const lines = e.changes.map((ch) => `${ch.label}: ${clip(ch.before)} → ${clip(ch.after)}`).join("\n");
    return lines ? lines.slice(0, 32_000) : null;
  }),
};
