import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { getPlan } from "@/lib/server/plans/get-plan";
import { getPlanIndicators } from "@/lib/server/plans/get-plan-indicators";
import { getRegionPlanOverview } from "@/lib/server/plans/get-region-plan-overview";
import { sendPlanReminders } from "@/lib/server/plans/send-plan-reminders";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { rejectionOf } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";
import { changeEventStatus, createPlan, listPlans, saveIndicator, saveIndicatorValue, savePlanEvent } from "../support/operations";

useTestDatabase();

let world: Awaited<ReturnType<typeof buildTwoTenants>>;
let admin: Scope;
let auditor: Scope;
let coordinatorA1: Scope;
let coordinatorA2: Scope;
let school: Scope;
let foreignAdmin: Scope;
let coordinatorA1Id: string;

beforeAll(async () => {
  world = await buildTwoTenants("pl");
  admin = (await userWithRole("admin@plans.test", "REGION_ADMIN", { regionId: world.regionA.id })).scope;
  auditor = (await userWithRole("auditor@plans.test", "REGION_AUDITOR", { regionId: world.regionA.id })).scope;
  const a1 = await userWithRole("mo.a1@plans.test", "MUNICIPAL_COORDINATOR", { regionId: world.regionA.id, municipalityId: world.a1.id });
  coordinatorA1 = a1.scope;
  coordinatorA1Id = a1.user.id;
  coordinatorA2 = (
    await userWithRole("mo.a2@plans.test", "MUNICIPAL_COORDINATOR", { regionId: world.regionA.id, municipalityId: world.a2.id })
  ).scope;
  school = (
    await userWithRole("school@plans.test", "SCHOOL_COORDINATOR", {
      regionId: world.regionA.id,
      municipalityId: world.a1.id,
      organizationId: world.a1s1.id,
    })
  ).scope;
  foreignAdmin = (await userWithRole("admin@plans-b.test", "REGION_ADMIN", { regionId: world.regionB.id })).scope;
});

const methodicalPlan = () =>
  createPlan({
    scope: coordinatorA1,
    input: {
      kind: "METHODICAL_PLAN",
      title: "Муниципальная система методической работы",
      owner: `municipality:${world.a1.id}`,
      schoolYear: "2025/2026",
      sections: [{ number: "1", title: "Мероприятия по повышению квалификации и профессиональной переподготовки педагогов" }],
    },
  });

const expectCode = async (promise: Promise<unknown>, code: AppError["code"]) => {
  const error = await rejectionOf(promise);
  // Input refused by a schema is a ZodError, answered 422 at the boundary like VALIDATION.
  if (code === "VALIDATION" && error instanceof ZodError) return;
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
};

describe("plans and their events", () => {
  it("a municipal coordinator plans for a school year; recurring timing gets its due dates", async () => {
    const plan = await methodicalPlan();
    const view = await getPlan({ scope: coordinatorA1, planId: plan.id });
    expect(view).toMatchObject({ startsOn: "2025-09-01", endsOn: "2026-08-31", canWrite: true });
    const section = view.sections[0]!;
    const event = await savePlanEvent({
      scope: coordinatorA1,
      planId: plan.id,
      input: {
        number: "1.1",
        title: "Формирование банка данных педагогов на прохождение курсовой подготовки",
        timingText: "Ежегодно август",
        sectionId: section.id,
        responsibleText: "директор КМЦ, специалисты КМЦ",
        expectedResult: "Формирование действующего эффективного механизма муниципального управления в сфере повышения квалификации",
      },
    });
    const monthly = await savePlanEvent({
      scope: coordinatorA1,
      planId: plan.id,
      input: {
        number: "2.7",
        title: "Организация методических выездов с целью оказания методической помощи",
        timingText: "Ежемесячно",
        responsibleText: "Петрова Т.А. Ваховский Ф.И.",
      },
    });
    const stored = await getPlan({ scope: coordinatorA1, planId: plan.id, today: "2025-10-15" });
    const [yearly, visits] = [stored.events.find((e) => e.id === event.id)!, stored.events.find((e) => e.id === monthly.id)!];
    expect(yearly).toMatchObject({
      timingKind: "RECURRING",
      dueDates: ["2026-08-31"],
      sectionId: section.id,
      overdue: false,
      nextDue: "2026-08-31",
    });
    expect(visits.dueDates).toHaveLength(12);
    expect(visits.responsiblePeople).toEqual(["Петрова Т.А.", "Ваховский Ф.И."]);
    // September's visit was due on 30.09 and is not marked held: the event is overdue.
    expect(visits).toMatchObject({ overdue: true, missedDueDates: ["2025-09-30"], nextDue: "2025-10-31" });

    await changeEventStatus({
      scope: coordinatorA1,
      planId: plan.id,
      eventId: monthly.id,
      input: { action: "occurrence", dueDate: "2025-09-30", held: true },
    });
    const after = (await getPlan({ scope: coordinatorA1, planId: plan.id, today: "2025-10-15" })).events.find((e) => e.id === monthly.id)!;
    expect(after).toMatchObject({ overdue: false, heldDates: ["2025-09-30"], status: "PLANNED" });
  });

  it("marking an event held, cancelled and planned again", async () => {
    await expectCode(methodicalPlan(), "CONFLICT");
    const plan = await db().plan.findFirstOrThrow({ where: { municipalityId: world.a1.id } });
    const { id } = await savePlanEvent({
      scope: coordinatorA1,
      planId: plan.id,
      input: { title: "Совещание с руководителями общеобразовательных организаций", timingText: "До 20 октября 2025 года" },
    });
    const status = async () =>
      (await getPlan({ scope: coordinatorA1, planId: plan.id, today: "2025-10-21" })).events.find((e) => e.id === id)!;
    expect(await status()).toMatchObject({ timingKind: "DEADLINE", endsOn: "2025-10-20", overdue: true });
    await changeEventStatus({ scope: coordinatorA1, planId: plan.id, eventId: id, input: { action: "done", heldOn: "2025-10-19" } });
    expect(await status()).toMatchObject({ status: "DONE", heldOn: "2025-10-19", overdue: false });
    await changeEventStatus({ scope: coordinatorA1, planId: plan.id, eventId: id, input: { action: "cancel" } });
    expect(await status()).toMatchObject({ status: "CANCELLED", heldOn: null, overdue: false });
    await changeEventStatus({ scope: coordinatorA1, planId: plan.id, eventId: id, input: { action: "reopen" } });
    expect(await status()).toMatchObject({ status: "PLANNED", overdue: true });
    await expectCode(
      changeEventStatus({ scope: coordinatorA1, planId: plan.id, eventId: id, input: { action: "done", heldOn: "2999-01-01" } }),
      "VALIDATION",
    );
  });

  it("unknown timing is kept as written, never refused", async () => {
    const plan = await db().plan.findFirstOrThrow({ where: { municipalityId: world.a1.id } });
    const { id } = await savePlanEvent({
      scope: coordinatorA1,
      planId: plan.id,
      input: { title: "Круглый стол", timingText: "по согласованию с ИРО" },
    });
    const event = (await getPlan({ scope: coordinatorA1, planId: plan.id })).events.find((e) => e.id === id)!;
    expect(event).toMatchObject({
      timingText: "по согласованию с ИРО",
      timingKind: "UNKNOWN",
      startsOn: null,
      endsOn: null,
      overdue: false,
    });
  });

  it("an edit made on an old version is a conflict and changes nothing", async () => {
    const plan = await db().plan.findFirstOrThrow({ where: { municipalityId: world.a1.id } });
    const { id } = await savePlanEvent({
      scope: coordinatorA1,
      planId: plan.id,
      input: { title: "Семинар для молодых педагогов", timingText: "Октябрь 2025 года" },
    });
    const opened = (await getPlan({ scope: coordinatorA1, planId: plan.id })).events.find((e) => e.id === id)!;
    await savePlanEvent({
      scope: coordinatorA1,
      planId: plan.id,
      eventId: id,
      input: { title: opened.title, timingText: "Ноябрь 2025 года", updatedAt: opened.updatedAt },
    });
    await expectCode(
      savePlanEvent({
        scope: coordinatorA1,
        planId: plan.id,
        eventId: id,
        input: { title: opened.title, timingText: "Декабрь 2025 года", updatedAt: opened.updatedAt },
      }),
      "CONFLICT",
    );
    const stored = (await getPlan({ scope: coordinatorA1, planId: plan.id })).events.find((e) => e.id === id)!;
    expect(stored.timingText).toBe("Ноябрь 2025 года");
  });

  it("a title already in the plan is refused", async () => {
    const plan = await db().plan.findFirstOrThrow({ where: { municipalityId: world.a1.id } });
    await expectCode(
      savePlanEvent({ scope: coordinatorA1, planId: plan.id, input: { title: "круглый  стол", timingText: "Май 2026 года" } }),
      "CONFLICT",
    );
  });
});

describe("who sees and changes plans", () => {
  it("reading: region staff all of the region, coordinators their own, the school its municipality's; others get 404", async () => {
    const plan = await db().plan.findFirstOrThrow({ where: { municipalityId: world.a1.id } });
    for (const scope of [admin, auditor, coordinatorA1, school])
      await expect(getPlan({ scope, planId: plan.id })).resolves.toMatchObject({ id: plan.id });
    for (const scope of [coordinatorA2, foreignAdmin]) await expectCode(getPlan({ scope, planId: plan.id }), "NOT_FOUND");
    expect((await listPlans({ scope: coordinatorA2, query: {} })).total).toBe(0);
    expect((await listPlans({ scope: foreignAdmin, query: {} })).total).toBe(0);
    expect((await listPlans({ scope: auditor, query: {} })).rows.map((r) => r.id)).toContain(plan.id);
  });

  it("writing: the owner's coordinator and the region admin; the auditor and the school read only; a stranger gets 404", async () => {
    const plan = await db().plan.findFirstOrThrow({ where: { municipalityId: world.a1.id } });
    const input = { title: "Неделя молодого специалиста", timingText: "Ежегодно январь" };
    await expect(savePlanEvent({ scope: admin, planId: plan.id, input })).resolves.toHaveProperty("id");
    for (const scope of [auditor, school])
      await expectCode(savePlanEvent({ scope, planId: plan.id, input: { ...input, title: `${input.title} 2` } }), "FORBIDDEN");
    for (const scope of [coordinatorA2, foreignAdmin])
      await expectCode(savePlanEvent({ scope, planId: plan.id, input: { ...input, title: `${input.title} 3` } }), "NOT_FOUND");
    await expectCode(
      createPlan({
        scope: coordinatorA2,
        input: { kind: "ROADMAP", title: "Чужая", owner: `municipality:${world.a1.id}`, schoolYear: "2025/2026" },
      }),
      "VALIDATION",
    );
    await expectCode(
      createPlan({
        scope: auditor,
        input: { kind: "ROADMAP", title: "Аудитор", owner: `region:${world.regionA.id}`, schoolYear: "2025/2026" },
      }),
      "VALIDATION",
    );
  });

  it("the region sees every municipality with its overdue events", async () => {
    const overview = await getRegionPlanOverview({ scope: auditor, today: "2026-11-23" });
    expect(overview.map((m) => m.name).toSorted()).toEqual(["Муниципалитет A1", "Муниципалитет A2"]);
    const a1 = overview.find((m) => m.municipalityId === world.a1.id)!;
    expect(a1.plans).toBe(1);
    expect(a1.overdue).toBeGreaterThan(0);
    expect(overview[0]!.municipalityId).toBe(world.a1.id);
    expect(overview.find((m) => m.municipalityId === world.a2.id)).toMatchObject({ plans: 0, events: 0, overdue: 0 });
    expect(await getRegionPlanOverview({ scope: coordinatorA1 })).toEqual([]);
  });
});

describe("target indicators", () => {
  it("a percent target per period: achieved, not achieved; per organisation counts every school", async () => {
    const plan = await db().plan.findFirstOrThrow({ where: { municipalityId: world.a1.id } });
    const share = await saveIndicator({
      scope: coordinatorA1,
      planId: plan.id,
      input: {
        number: "3.",
        title: "Доля педагогических работников, прошедших курсы повышения квалификации",
        targetText: "не менее 30 % от общего количества педагогов в год",
        method: "Ежегодный мониторинг",
        monitoring: "Мониторинг прохождения курсовой подготовки",
      },
    });
    const each = await saveIndicator({
      scope: coordinatorA1,
      planId: plan.id,
      input: {
        number: "7.",
        title: "Увеличение (учёт) числа педагогов, представивших опыт",
        targetText: "Не менее 1 педагога от каждой образовательной организации в год",
      },
    });
    await saveIndicatorValue({
      scope: coordinatorA1,
      planId: plan.id,
      input: { indicatorId: share.id, period: "2025", value: 450, base: 1631 },
    });
    await saveIndicatorValue({
      scope: coordinatorA1,
      planId: plan.id,
      input: { indicatorId: share.id, period: "2026", value: 600, base: 1631 },
    });
    // Entering the same period again corrects the value instead of adding one.
    await saveIndicatorValue({
      scope: coordinatorA1,
      planId: plan.id,
      input: { indicatorId: share.id, period: "2025", value: 400, base: 1631 },
    });
    await saveIndicatorValue({
      scope: coordinatorA1,
      planId: plan.id,
      input: { indicatorId: each.id, period: "2026", organizationId: world.a1s1.id, value: 2 },
    });

    const { indicators } = await getPlanIndicators({ scope: auditor, planId: plan.id });
    const shareView = indicators.find((i) => i.id === share.id)!;
    expect(shareView.unit).toBe("%");
    expect(shareView.values).toHaveLength(2);
    expect(Object.fromEntries(shareView.periods.map((p) => [p.period, p.evaluation.status]))).toEqual({
      "2025": "NOT_ACHIEVED",
      "2026": "ACHIEVED",
    });
    // Two schools in A1 and only one reported: «from every organisation» is not met.
    expect(indicators.find((i) => i.id === each.id)!.periods[0]!.evaluation.status).toBe("NOT_ACHIEVED");
    await saveIndicatorValue({
      scope: coordinatorA1,
      planId: plan.id,
      input: { indicatorId: each.id, period: "2026", organizationId: world.a1s2.id, value: 1 },
    });
    const after = await getPlanIndicators({ scope: coordinatorA1, planId: plan.id });
    expect(after.indicators.find((i) => i.id === each.id)!.periods[0]!.evaluation.status).toBe("ACHIEVED");
  });

  it("refuses an unreadable target, a school of another municipality and a value above its base", async () => {
    const plan = await db().plan.findFirstOrThrow({ where: { municipalityId: world.a1.id } });
    await expectCode(
      saveIndicator({ scope: coordinatorA1, planId: plan.id, input: { number: "9", title: "Инновации", targetText: "как можно больше" } }),
      "VALIDATION",
    );
    const indicator = await db().targetIndicator.findFirstOrThrow({ where: { planId: plan.id } });
    await expectCode(
      saveIndicatorValue({
        scope: coordinatorA1,
        planId: plan.id,
        input: { indicatorId: indicator.id, period: "2026", organizationId: world.a2s1.id, value: 1 },
      }),
      "VALIDATION",
    );
    await expect(
      saveIndicatorValue({
        scope: coordinatorA1,
        planId: plan.id,
        input: { indicatorId: indicator.id, period: "2026", value: 2000, base: 1631 },
      }),
    ).rejects.toThrow(/больше базы/);
    await expectCode(
      saveIndicatorValue({ scope: auditor, planId: plan.id, input: { indicatorId: indicator.id, period: "2026", value: 1 } }),
      "FORBIDDEN",
    );
  });
});

describe("plan reminders", () => {
  it("a week before the due date and when overdue, to the responsible user, once", async () => {
    const plan = await createPlan({
      scope: coordinatorA1,
      input: { kind: "ROADMAP", title: "Дорожная карта ШНОР", owner: `municipality:${world.a1.id}`, schoolYear: "2026/2027" },
    });
    const soon = await savePlanEvent({
      scope: coordinatorA1,
      planId: plan.id,
      input: { title: "Методический семинар", timingText: "До 30 ноября 2026 года", responsibleUserId: coordinatorA1Id },
    });
    const late = await savePlanEvent({
      scope: coordinatorA1,
      planId: plan.id,
      input: { title: "Совещание", timingText: "20 ноября 2026 года" },
    });
    await savePlanEvent({
      scope: coordinatorA1,
      planId: plan.id,
      input: { title: "Давнее совещание", timingText: "1 сентября 2026 года" },
    });
    const now = new Date("2026-11-23T09:00:00Z");
    const first = await sendPlanReminders({ now });
    const notes = await db().notification.findMany({ where: { link: { startsWith: `/plans/${plan.id}` } }, orderBy: { title: "asc" } });
    expect(notes.map((n) => [n.title, n.link])).toEqual([
      ["Мероприятие просрочено", `/plans/${plan.id}#event-${late.id}`],
      ["Через неделю срок мероприятия", `/plans/${plan.id}#event-${soon.id}`],
    ]);
    expect(notes.every((n) => n.userId === coordinatorA1Id)).toBe(true);
    expect(first.sent).toBeGreaterThanOrEqual(2);
    await sendPlanReminders({ now });
    expect(await db().notification.count({ where: { link: { startsWith: `/plans/${plan.id}` } } })).toBe(2);
  });
});
