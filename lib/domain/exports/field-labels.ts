/**
 * The Russian name of every stored field a person may read about: the change journal
 * names a changed field by it, and the lists' exports (and so their tables on screen)
 * take the header of a column that is a stored field from here, so one field has one
 * name everywhere. Technical fields (ids, keys, hashes, counters) have none: the
 * journal shows them only under «технические подробности» (isTechnicalField). Pure.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

/** The models the journal records (lib/domain/audit/audit-policy.ts), bookkeeping ones left out. */
type JournalModel = Exclude<Prisma.ModelName, "AuditEvent" | "Notification" | "ReportJob" | "AuthSession" | "RateLimiterFlexible">;

const created = { createdAt: "Создано", updatedAt: "Изменено" } as const;

export const FIELD_LABELS = {
  Region: { code: "Код региона", name: "Наименование", createdAt: created.createdAt },
  Municipality: { name: "Муниципальное образование", aliases: "Другие написания", createdAt: created.createdAt },
  Organization: {
    kind: "Вид организации",
    name: "Наименование",
    shortName: "Краткое наименование",
    isBaseSchool: "Базовая школа (БШ)",
    isLowResults: "ШНОР",
    isDifficultConditions: "ШССУ",
    headName: "Руководитель",
    phone: "Телефон",
    email: "Электронная почта",
    createdAt: created.createdAt,
  },
  OrganizationAddress: { position: "Порядок", label: "Подпись адреса", address: "Адрес" },
  User: { email: "Электронная почта", name: "ФИО", passwordHash: "Пароль", isDemo: "Демонстрационный", createdAt: "Создан" },
  Membership: { role: "Роль", createdAt: "Назначена" },
  Template: { name: "Название", level: "Для кого", createdAt: created.createdAt },
  TemplateVersion: {
    version: "Версия",
    status: "Статус",
    content: "Содержание шаблона",
    createdAt: created.createdAt,
    publishedAt: "Опубликована",
  },
  Campaign: {
    name: "Кампания",
    goal: "Цель",
    tasks: "Задачи",
    date: "Дата",
    deadline: "Срок сдачи",
    createdAt: created.createdAt,
  },
  CampaignTemplate: {},
  Blank: {
    status: "Статус",
    version: "Номер сдачи",
    returnMessage: "Сообщение при возврате",
    submittedAt: "Отправлен на проверку",
    acceptedAt: "Принят",
    updatedAt: created.updatedAt,
    score: "Оценка, %",
    grade: "Итог",
    scoredAt: "Оценка посчитана",
    officialCounts: "Официальные данные на момент закрытия",
  },
  Answer: {
    value: "Ответ",
    carriedOver: "Перенесён из прошлой кампании",
    mark: "Отметка аудитора",
    markComment: "Комментарий аудитора",
    status: "Статус пункта",
    updatedAt: created.updatedAt,
  },
  AnswerChange: {
    field: "Что изменено",
    before: "Было",
    after: "Стало",
    userName: "Кто",
    note: "Откуда",
    createdAt: "Когда",
  },
  StoredFile: {
    name: "Имя файла",
    mimeType: "Тип файла",
    size: "Размер, байт",
    ownerKind: "К чему относится",
    childData: "Файл ребёнка",
    createdAt: "Загружен",
  },
  Finding: {
    itemNumber: "Номер пункта",
    itemTitle: "Пункт бланка",
    status: "Нарушение",
    severity: "Критичность",
    legalBasis: "Основание",
    recommendation: "Рекомендация",
    deadline: "Срок устранения",
    responsible: "Ответственный",
    remediationStatus: "Устранение",
    evidenceComment: "Комментарий об устранении",
    ...created,
  },
  FindingEvent: {
    action: "Действие",
    fromStatus: "Было",
    toStatus: "Стало",
    comment: "Комментарий",
    userName: "Кто",
    createdAt: "Когда",
  },
  RecommendationDefault: { status: "Нарушение", text: "Рекомендация" },
  RegistryDocument: {
    type: "Вид документа",
    issuer: "Кем издан",
    date: "Дата",
    number: "Номер",
    title: "Наименование",
    childData: "Называет ребёнка",
    status: "Статус",
    ...created,
  },
  CoordinatorAssignment: {
    role: "Роль",
    personName: "Координатор",
    phone: "Телефон",
    email: "Электронная почта",
    validFrom: "Назначен с",
    validTo: "Назначен по",
    createdAt: created.createdAt,
  },
  DotStudent: {
    schoolYear: "Учебный год",
    fullName: "ФИО",
    birthDate: "Дата рождения",
    grade: "Класс",
    disabilityConfirmedUntil: "Инвалидность подтверждена до",
    iupPresent: "ИУП",
    timetable: "Расписание",
    status: "Статус",
    furtherEducation: "Продолжение обучения",
    ...created,
  },
  DotTeacher: { schoolYear: "Учебный год", fullName: "ФИО", subject: "Предмет", needsCourse: "Нужны курсы", ...created },
  DotTeacherCourse: { title: "Курс", dateFrom: "Начало", dateTo: "Окончание", hours: "Часов" },
  DotStudentTeacher: {},
  StudentCardRead: { userName: "Кто открыл", readAt: "Когда" },
  Plan: {
    kind: "Вид",
    title: "План",
    schoolYear: "Учебный год",
    startsOn: "Начало",
    endsOn: "Окончание",
    ...created,
  },
  PlanStage: { number: "Номер этапа", title: "Этап", timingText: "Сроки", startsOn: "Начало", endsOn: "Окончание" },
  PlanSection: { number: "Номер раздела", title: "Раздел", position: "Порядок" },
  PlanEvent: {
    number: "№",
    position: "Порядок",
    title: "Мероприятие",
    description: "Описание",
    timingText: "Сроки",
    timingKind: "Вид срока",
    startsOn: "Первый день",
    endsOn: "Последний день",
    dueDates: "Сроки проведения",
    heldDates: "Проведено к срокам",
    responsibleText: "Ответственный",
    responsiblePeople: "Ответственные",
    audience: "Целевая аудитория",
    expectedResult: "Ожидаемый результат",
    evidenceText: "Подтверждение",
    status: "Статус",
    heldOn: "Дата проведения",
    ...created,
  },
  PlanEventDocument: { url: "Ссылка", label: "Подпись", position: "Порядок" },
  TargetIndicator: {
    number: "Номер",
    title: "Показатель",
    unit: "Единица измерения",
    targetText: "Целевое значение",
    rules: "Правила расчёта",
    method: "Методика",
    monitoring: "Мониторинг",
    position: "Порядок",
  },
  IndicatorValue: { period: "Период", value: "Значение", base: "База", note: "Примечание", updatedAt: created.updatedAt },
  ReportSettings: { organizationName: "Организация в бланке отчётов", details: "Реквизиты", updatedAt: created.updatedAt },
} as const satisfies Record<JournalModel, Record<string, string>>;

/** Fields that say which row, not what it holds: ids, keys, hashes, the save counter, the dashboard cache's stamp. */
const TECHNICAL = new Set([
  "id",
  "storageKey",
  "sha256",
  "importKey",
  "issuerKey",
  "itemKey",
  "organizationKey",
  "key",
  "revision",
  "statsVersion",
]);

export const isTechnicalField = (field: string) => TECHNICAL.has(field) || field.endsWith("Id");

/** A field's Russian name; null for a technical field or one this map does not know. */
export function fieldLabel(model: string, field: string): string | null {
  if (isTechnicalField(field)) return null;
  const labels = (FIELD_LABELS as Record<string, Record<string, string> | undefined>)[model];
  return labels?.[field] ?? null;
}
