/**
 * Plans (roadmaps, programmes, methodical work plans), their events and target
 * indicators: the shapes the forms submit and the server re-parses.
 */
import { latestLocalToday } from "@/lib/dates";
import { EVENT_STATUSES, PLAN_KINDS } from "@/lib/domain/plans/plan-labels";
import { listQuery } from "./list";
import { zSchoolYear } from "./student";
import { z } from "./z";

const text = (max: number, required?: string) =>
  required
    ? z.string({ error: required }).trim().min(1, required).max(max, `Не длиннее ${max} символов.`)
    : z.string().trim().max(max, `Не длиннее ${max} символов.`).default("");

const optionalId = z
  .union([z.literal(""), z.null(), z.uuid({ error: "Выберите из списка." })])
  .transform((v) => (v === "" ? null : v))
  .default(null);

const optionalDate = (message: string) =>
  z
    .union([z.literal(""), z.null(), z.iso.date({ error: message })])
    .transform((v) => (v === "" ? null : v))
    .default(null);

export const zPlanOwner = z
  .string({ error: "Выберите, чей это план." })
  .regex(/^(region|municipality|organization):[0-9a-f-]{36}$/i, "Выберите, чей это план.");

export const ZPlanCreate = z
  .object({
    kind: z.enum(PLAN_KINDS, { error: "Выберите вид плана." }),
    title: text(500, "Укажите название плана."),
    /** "region:<id>", "municipality:<id>" or "organization:<id>". */
    owner: zPlanOwner,
    schoolYear: z
      .union([z.literal(""), z.null(), zSchoolYear])
      .transform((v) => v || null)
      .default(null),
    startsOn: optionalDate("Укажите дату начала."),
    endsOn: optionalDate("Укажите дату окончания."),
    /** Programme stages (seed 001): «Сентябрь – декабрь 2013 г.» with a title. */
    stages: z
      .array(z.object({ title: text(300, "Укажите название этапа."), timingText: text(200, "Укажите сроки этапа.") }))
      .max(10, "Не больше 10 этапов.")
      .default([]),
    /** Numbered sections (seed 004: «1. Мероприятия по повышению квалификации …»). */
    sections: z
      .array(z.object({ number: text(10, "Укажите номер раздела."), title: text(500, "Укажите название раздела.") }))
      .max(30, "Не больше 30 разделов.")
      .default([]),
  })
  .superRefine((plan, ctx) => {
    if (!plan.schoolYear && !plan.startsOn)
      ctx.addIssue({ code: "custom", path: ["startsOn"], message: "Укажите учебный год или даты плана." });
    if (!plan.schoolYear && !plan.endsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "Укажите учебный год или даты плана." });
    if (plan.startsOn && plan.endsOn && plan.endsOn < plan.startsOn) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "Окончание не может быть раньше начала." });
    }
    const numbers = plan.sections.map((s) => s.number);
    numbers.forEach((n, i) => {
      if (numbers.indexOf(n) !== i)
        ctx.addIssue({ code: "custom", path: ["sections", i, "number"], message: "Такой номер раздела уже есть." });
    });
  });
export type TPlanCreate = z.infer<typeof ZPlanCreate>;

const zLink = z
  .string()
  .trim()
  .max(2000, "Ссылка не длиннее 2000 символов.")
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), "Ссылка начинается с «http://» или «https://».");

export const ZPlanEvent = z.object({
  number: text(20),
  // Seed 001 lists a whole package of local acts in one task.
  title: text(4000, "Укажите мероприятие."),
  description: text(4000),
  timingText: text(200, "Укажите сроки: например, «22 сентября 2020 года», «Октябрь 2020 года» или «Ежегодно август»."),
  stageId: optionalId,
  sectionId: optionalId,
  responsibleText: text(2000),
  responsibleUserId: optionalId,
  audience: text(2000),
  expectedResult: text(2000),
  evidenceText: text(4000),
  documentIds: z.array(z.uuid()).max(20, "Не больше 20 документов.").default([]),
  links: z.array(zLink).max(20, "Не больше 20 ссылок.").default([]),
  /** The version the form was opened on: a newer one in the database is a conflict, not an overwrite. */
  updatedAt: z.string().nullable().default(null),
});
export type TPlanEvent = z.infer<typeof ZPlanEvent>;

/** An event added to a plan (eventId null) or changed: the plan and the event, then the form's fields. */
export const ZPlanEventSave = ZPlanEvent.extend({ planId: z.string(), eventId: z.string().nullable() });

export const ZEventStatusChange = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("done"),
    heldOn: z.iso
      .date({ error: "Укажите, когда мероприятие проведено." })
      .refine((d) => d <= latestLocalToday(), "Дата проведения не может быть в будущем."),
  }),
  z.object({ action: z.literal("cancel") }),
  z.object({ action: z.literal("reopen") }),
  /** A recurring event: one due date marked held (or not). */
  z.object({ action: z.literal("occurrence"), dueDate: z.iso.date(), held: z.boolean() }),
]);
export type TEventStatusChange = z.infer<typeof ZEventStatusChange>;

/** A status change of one event of a plan. */
export const ZEventStatusSave = ZEventStatusChange.and(z.object({ planId: z.string(), eventId: z.string() }));

export const ZPlanListQuery = listQuery(["startsOn", "title", "kind"] as const).extend({
  dir: z.enum(["asc", "desc"]).catch("desc"),
  kind: z.enum(PLAN_KINDS).optional().catch(undefined),
  municipalityId: z.uuid().optional().catch(undefined),
});
export type TPlanListQuery = z.infer<typeof ZPlanListQuery>;

/**
 * The region-wide list of events (/plans/events): «plan» orders by the plan's owner and
 * title, the events of a plan as the plan lists them; «dueDate» by the last day (undated
 * last); «status» by the stored status.
 */
export const ZEventListQuery = listQuery(["plan", "dueDate", "status"] as const).extend({
  kind: z.enum(PLAN_KINDS).optional().catch(undefined),
  municipalityId: z.uuid().optional().catch(undefined),
  status: z.enum(EVENT_STATUSES).optional().catch(undefined),
  /** "1" (the filter form's checkbox): only overdue events, as lib/domain/plans/overdue.ts derives them. */
  overdue: z.union([z.boolean(), z.stringbool()]).catch(false),
});
export type TEventListQuery = z.infer<typeof ZEventListQuery>;

export const ZPlanEventListQuery = z.object({
  status: z
    .enum([...EVENT_STATUSES, "OVERDUE"])
    .optional()
    .catch(undefined),
  q: z.string().trim().max(200).catch(""),
});

/** «2021» (a calendar year) or «2020/2021» (a school year). */
export const zIndicatorPeriod = z
  .string({ error: "Укажите период." })
  .trim()
  .refine((v) => /^\d{4}$/.test(v) || zSchoolYear.safeParse(v).success, "Период — год (2021) или учебный год (2020/2021).");

export const ZIndicatorCreate = z.object({
  number: text(10, "Укажите номер показателя."),
  title: text(1000, "Укажите показатель."),
  targetText: text(1000, "Укажите значение показателя: например, «не менее 30 % от общего количества педагогов в год»."),
  method: text(2000),
  monitoring: text(1000),
});
export type TIndicatorCreate = z.infer<typeof ZIndicatorCreate>;

/** An indicator added to a plan (indicatorId null) or changed. */
export const ZIndicatorSave = ZIndicatorCreate.extend({ planId: z.string(), indicatorId: z.string().nullable() });

/** A number from a form: an empty field is missing, not 0. */
const zAmount = (message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ error: message }).finite(message).min(0, "Не может быть меньше нуля.").max(1e9, "Слишком большое число."),
  );

export const ZIndicatorValue = z
  .object({
    indicatorId: z.uuid(),
    period: zIndicatorPeriod,
    organizationId: optionalId,
    value: zAmount("Укажите значение числом."),
    /** The whole the value is a share of; empty when the value is already a percent. */
    base: z
      .union([z.literal(""), z.null(), zAmount("Укажите базу числом.")])
      .transform((v) => (v === "" || v === null ? null : v))
      .default(null),
    note: text(1000),
  })
  .refine((v) => v.base === null || v.base > 0, { path: ["base"], message: "База должна быть больше нуля." })
  .refine((v) => v.base === null || v.value <= v.base, { path: ["value"], message: "Значение не может быть больше базы." });
export type TIndicatorValue = z.infer<typeof ZIndicatorValue>;

/** An indicator's value entered for the plan. */
export const ZIndicatorValueSave = ZIndicatorValue.and(z.object({ planId: z.string() }));
