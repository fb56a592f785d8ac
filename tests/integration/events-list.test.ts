import { beforeAll, describe, expect, it, vi } from "vitest";
import type { PlanEventStatus } from "@/lib/generated/prisma/enums";
import { EVENT_STATUSES } from "@/lib/domain/plans/plan-labels";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { getPlan } from "@/lib/server/plans/get-plan";
import type { EventRow } from "@/lib/server/plans/list-events";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";
import { changeEventStatus, createPlan, iterateEvents, listEvents, listPlans, savePlanEvent } from "../support/operations";

useTestDatabase();

/** The day overdue is derived for, on this list and on the plan pages it is compared with. */
const TODAY = "2025-10-15";

let world: Awaited<ReturnType<typeof buildTwoTenants>>;
let admin: Scope;
let coordinatorA1: Scope;
let coordinatorA2: Scope;
let schoolA1: Scope;
let foreignAdmin: Scope;
/** Event ids by a short name. */
const ev: Record<string, string> = {};
/** Plan ids by a short name. */
const plan: Record<string, string> = {};

const list = (scope: Scope, query: Record<string, unknown> = {}) => listEvents({ scope, query: { pageSize: 100, ...query }, today: TODAY });
const idsOf = (rows: EventRow[]) => rows.map((r) => r.id);
const named = (...names: string[]) => names.map((n) => ev[n]!);
const sorted = (ids: string[]) => ids.toSorted();

async function everyBatch(scope: Scope, query: Record<string, unknown>, batchSize: number) {
  const batches: EventRow[][] = [];
  for await (const batch of iterateEvents({ scope, query, batchSize, today: TODAY })) batches.push(batch);
  return batches;
}

beforeAll(async () => {
  world = await buildTwoTenants("ev");
  const regionA = world.regionA.id;
  admin = (await userWithRole("admin@events.test", "REGION_ADMIN", { regionId: regionA })).scope;
  coordinatorA1 = (await userWithRole("mo.a1@events.test", "MUNICIPAL_COORDINATOR", { regionId: regionA, municipalityId: world.a1.id }))
    .scope;
  coordinatorA2 = (await userWithRole("mo.a2@events.test", "MUNICIPAL_COORDINATOR", { regionId: regionA, municipalityId: world.a2.id }))
    .scope;
  schoolA1 = (
    await userWithRole("school@events.test", "SCHOOL_COORDINATOR", {
      regionId: regionA,
      municipalityId: world.a1.id,
      organizationId: world.a1s1.id,
    })
  ).scope;
  foreignAdmin = (await userWithRole("admin@events-b.test", "REGION_ADMIN", { regionId: world.regionB.id })).scope;

  const year = { schoolYear: "2025/2026" };
  const newPlan = async (scope: Scope, name: string, input: Record<string, unknown>) => {
    plan[name] = (await createPlan({ scope, input: { ...year, ...input } })).id;
  };
  await newPlan(coordinatorA1, "methodical", {
    kind: "METHODICAL_PLAN",
    title: "План методической работы",
    owner: `municipality:${world.a1.id}`,
    sections: [
      { number: "1", title: "Мероприятия по повышению квалификации" },
      { number: "2", title: "Методическое сопровождение" },
    ],
  });
  await newPlan(coordinatorA1, "roadmap", { kind: "ROADMAP", title: "Дорожная карта", owner: `municipality:${world.a1.id}` });
  // The same owner and title as the roadmap above: only the plan's id tells them apart.
  await newPlan(coordinatorA1, "lastYear", {
    kind: "ROADMAP",
    title: "Дорожная карта",
    owner: `municipality:${world.a1.id}`,
    schoolYear: "2024/2025",
  });
  await newPlan(admin, "programme", {
    kind: "PROGRAMME",
    title: "Программа развития",
    owner: `organization:${world.a1s1.id}`,
    stages: [{ title: "подготовительный этап", timingText: "Сентябрь – декабрь 2025 г." }],
  });
  await newPlan(admin, "otherSchool", { kind: "METHODICAL_PLAN", title: "План школы", owner: `organization:${world.a1s2.id}` });
  await newPlan(coordinatorA2, "a2", { kind: "ROADMAP", title: "Дорожная карта", owner: `municipality:${world.a2.id}` });
  await newPlan(admin, "region", { kind: "METHODICAL_PLAN", title: "План региона", owner: `region:${regionA}` });
  await newPlan(foreignAdmin, "foreign", { kind: "ROADMAP", title: "Дорожная карта", owner: `municipality:${world.b1.id}` });

  const methodical = await getPlan({ scope: admin, planId: plan.methodical! });
  const programme = await getPlan({ scope: admin, planId: plan.programme! });
  const add = async (scope: Scope, planName: string, name: string, input: Record<string, unknown>) => {
    ev[name] = (await savePlanEvent({ scope, planId: plan[planName]!, input })).id;
  };
  await add(coordinatorA1, "methodical", "yearly", {
    number: "1.1",
    title: "Формирование банка данных педагогов на курсовую подготовку",
    description: "Курсовая подготовка 100% педагогов",
    timingText: "Ежегодно август",
    sectionId: methodical.sections[0]!.id,
    responsibleText: "директор КМЦ",
  });
  // September's visit was due on 30.09 and is not marked held: overdue on TODAY.
  await add(coordinatorA1, "methodical", "monthly", {
    number: "2.7",
    title: "Методические выезды в школы",
    timingText: "Ежемесячно",
    sectionId: methodical.sections[1]!.id,
  });
  await add(coordinatorA1, "methodical", "seminar", { title: "Семинар для молодых педагогов", timingText: "Октябрь 2025 года" });
  await add(coordinatorA1, "roadmap", "meeting", {
    title: "Совещание с руководителями",
    timingText: "До 1 октября 2025 года",
    responsibleText: "Петрова Т.А.",
  });
  await add(coordinatorA1, "roadmap", "survey", { title: "Анкетирование педагогов", timingText: "До 1 октября 2025 года" });
  await add(coordinatorA1, "roadmap", "roundTable", { title: "Круглый стол", timingText: "по согласованию" });
  await add(coordinatorA1, "roadmap", "contest", { title: "Конкурс профессионального мастерства", timingText: "До 1 октября 2025 года" });
  await add(coordinatorA1, "lastYear", "lastMeeting", { title: "Совещание с руководителями", timingText: "До 1 октября 2024 года" });
  await add(admin, "programme", "acts", {
    title: "Разработка локальных актов",
    timingText: "Сентябрь – декабрь 2025 г.",
    stageId: programme.stages[0]!.id,
  });
  await add(admin, "programme", "diagnostics", { title: "Диагностика затруднений", timingText: "по согласованию" });
  await add(admin, "otherSchool", "lessons", { title: "Открытые уроки", timingText: "До 1 октября 2025 года" });
  await add(coordinatorA2, "a2", "a2meeting", { title: "Совещание с руководителями", timingText: "До 1 октября 2025 года" });
  await add(coordinatorA2, "a2", "monitoring", { title: "Мониторинг", timingText: "Ноябрь 2025 года" });
  await add(admin, "region", "conference", { title: "Региональная конференция", timingText: "Декабрь 2025 года" });
  await add(foreignAdmin, "foreign", "foreignMeeting", { title: "Совещание с руководителями", timingText: "До 1 октября 2025 года" });

  await changeEventStatus({
    scope: coordinatorA1,
    planId: plan.roadmap!,
    eventId: ev.survey!,
    input: { action: "done", heldOn: "2025-09-20" },
  });
  await changeEventStatus({ scope: coordinatorA1, planId: plan.roadmap!, eventId: ev.contest!, input: { action: "cancel" } });
});

const REGION_A_EVENTS = [
  "yearly",
  "monthly",
  "seminar",
  "meeting",
  "survey",
  "roundTable",
  "contest",
  "lastMeeting",
  "acts",
  "diagnostics",
  "lessons",
  "a2meeting",
  "monitoring",
  "conference",
];

describe("the events of every plan the user sees", () => {
  it("region staff see every event of the region's plans, each as its plan page shows it", async () => {
    const page = await list(admin);
    expect(page.total).toBe(REGION_A_EVENTS.length);
    expect(sorted(idsOf(page.rows))).toEqual(sorted(named(...REGION_A_EVENTS)));
    const byId = new Map(page.rows.map((r) => [r.id, r]));
    expect(byId.get(ev.yearly!)).toEqual({
      id: ev.yearly,
      planId: plan.methodical,
      planTitle: "План методической работы",
      planKind: "METHODICAL_PLAN",
      owner: "Муниципалитет A1",
      number: "1.1",
      position: 1,
      part: "1. Мероприятия по повышению квалификации",
      title: "Формирование банка данных педагогов на курсовую подготовку",
      description: "Курсовая подготовка 100% педагогов",
      timingText: "Ежегодно август",
      endsOn: "2026-08-31",
      responsibleText: "директор КМЦ",
      status: "PLANNED",
      heldOn: null,
      overdue: false,
    });
    // Without a number, the event's place in the plan; a programme's stage as the plan heads it.
    expect(byId.get(ev.seminar!)).toMatchObject({ number: "3", part: null, endsOn: "2025-10-31" });
    expect(byId.get(ev.acts!)).toMatchObject({
      owner: "Школа A1-1",
      planKind: "PROGRAMME",
      part: "I этап (сентябрь – декабрь 2025 г.) — подготовительный этап",
    });
    expect(byId.get(ev.survey!)).toMatchObject({ status: "DONE", heldOn: "2025-09-20", overdue: false });
    expect(byId.get(ev.roundTable!)).toMatchObject({ timingText: "по согласованию", endsOn: null, overdue: false });
    expect(byId.get(ev.conference!)).toMatchObject({ owner: world.regionA.name, planTitle: "План региона" });

    // Every field agrees with the plan page of each event's plan.
    for (const planId of new Set(page.rows.map((r) => r.planId))) {
      const view = await getPlan({ scope: admin, planId, today: TODAY });
      for (const e of view.events) {
        expect(byId.get(e.id), e.title).toMatchObject({
          number: e.number ?? String(e.position),
          title: e.title,
          description: e.description,
          timingText: e.timingText,
          endsOn: e.endsOn,
          responsibleText: e.responsibleText,
          status: e.status,
          heldOn: e.heldOn,
          overdue: e.overdue,
        });
      }
    }
  });

  it("each user sees the events of the plans planWhere allows them, and nothing of another tenant", async () => {
    expect(sorted(idsOf((await list(coordinatorA2)).rows))).toEqual(sorted(named("a2meeting", "monitoring")));
    // The municipality's own plans and the coordinator's school's; not the other school's, the region's or A2's.
    expect(sorted(idsOf((await list(coordinatorA1)).rows))).toEqual(
      sorted(
        named(
          "yearly",
          "monthly",
          "seminar",
          "meeting",
          "survey",
          "roundTable",
          "contest",
          "lastMeeting",
          "acts",
          "diagnostics",
          "lessons",
        ),
      ),
    );
    // A school coordinator: their school's plans, and their municipality's own plans (the roadmap's audience).
    expect(sorted(idsOf((await list(schoolA1)).rows))).toEqual(
      sorted(named("yearly", "monthly", "seminar", "meeting", "survey", "roundTable", "contest", "lastMeeting", "acts", "diagnostics")),
    );
    expect(idsOf((await list(foreignAdmin)).rows)).toEqual(named("foreignMeeting"));
    // Asking for another tenant's municipality or plan kind never widens the list.
    expect((await list(foreignAdmin, { municipalityId: world.a1.id })).total).toBe(0);
    expect((await list(coordinatorA2, { municipalityId: world.a1.id })).total).toBe(0);
    expect((await list(schoolA1, { municipalityId: world.a2.id, q: "Совещание" })).total).toBe(0);
    const foreignExport = await everyBatch(foreignAdmin, { municipalityId: world.a1.id }, 2);
    expect(foreignExport).toEqual([]);
    const noRole = { userId: "00000000-0000-7000-8000-000000000000", email: "x@x", name: "x", memberships: [] };
    expect((await list(noRole)).total).toBe(0);
  });

  it("filters: search in the event's title and description, municipality, plan kind, status and overdue", async () => {
    const ids = async (query: Record<string, unknown>) => sorted(idsOf((await list(admin, query)).rows));
    expect(await ids({ q: "СОВЕЩАНИЕ" })).toEqual(sorted(named("meeting", "lastMeeting", "a2meeting")));
    expect(await ids({ q: "курсовая подготовка" })).toEqual(named("yearly"));
    // LIKE's wildcards are searched for as written.
    expect(await ids({ q: "100%" })).toEqual(named("yearly"));
    expect(await ids({ q: "_" })).toEqual([]);
    expect(await ids({ municipalityId: world.a2.id })).toEqual(sorted(named("a2meeting", "monitoring")));
    // A municipality's events include its schools' plans.
    expect(await ids({ municipalityId: world.a1.id })).toEqual(
      sorted(
        named(
          "yearly",
          "monthly",
          "seminar",
          "meeting",
          "survey",
          "roundTable",
          "contest",
          "lastMeeting",
          "acts",
          "diagnostics",
          "lessons",
        ),
      ),
    );
    expect(await ids({ kind: "ROADMAP" })).toEqual(
      sorted(named("meeting", "survey", "roundTable", "contest", "lastMeeting", "a2meeting", "monitoring")),
    );
    expect(await ids({ kind: "PROGRAMME" })).toEqual(sorted(named("acts", "diagnostics")));
    expect(await ids({ status: "DONE" })).toEqual(named("survey"));
    expect(await ids({ status: "CANCELLED" })).toEqual(named("contest"));
    expect(await ids({ overdue: "1" })).toEqual(sorted(named("monthly", "meeting", "lastMeeting", "lessons", "a2meeting")));
    expect(await ids({ overdue: "1", municipalityId: world.a1.id, kind: "ROADMAP", q: "совещание" })).toEqual(
      sorted(named("meeting", "lastMeeting")),
    );
    expect(await ids({ overdue: "1", status: "DONE" })).toEqual([]);
    // Anything unknown is no filter, as on the other lists.
    expect((await list(admin, { kind: "NOPE", status: "LOST", municipalityId: "x", overdue: "no" })).total).toBe(REGION_A_EVENTS.length);
  });

  it("overdue is the plan page's overdue, event by event and in the plans list's counts", async () => {
    const overdue = (await list(admin, { overdue: "1" })).rows;
    expect(overdue.every((r) => r.overdue)).toBe(true);
    const plans = await listPlans({ scope: admin, query: { pageSize: 100 }, today: TODAY });
    expect(plans.total).toBe(7);
    for (const p of plans.rows) {
      const view = await getPlan({ scope: admin, planId: p.id, today: TODAY });
      const onPlanPage = view.events.filter((e) => e.overdue).map((e) => e.id);
      const here = overdue.filter((r) => r.planId === p.id).map((r) => r.id);
      expect(sorted(here), p.title).toEqual(sorted(onPlanPage));
      expect(here.length, p.title).toBe(p.overdue);
    }
    // Another day, another answer: on 1 October nothing of this school year had passed but September's visit.
    expect(idsOf((await listEvents({ scope: admin, query: { overdue: "1", kind: "METHODICAL_PLAN" }, today: "2025-10-01" })).rows)).toEqual(
      named("monthly"),
    );
  });

  it("sorts by plan (owner, title; events as the plan lists them), by the last day and by status, both ways", async () => {
    const rows = async (sort: string, dir: string) => (await list(admin, { sort, dir })).rows;
    const plansInOrder = (r: EventRow[]) => r.map((e) => `${e.owner} / ${e.planTitle}`).filter((p, i, all) => p !== all[i - 1]);
    const ascending = await rows("plan", "asc");
    expect(plansInOrder(ascending)).toEqual([
      "Муниципалитет A1 / Дорожная карта",
      "Муниципалитет A1 / План методической работы",
      "Муниципалитет A2 / Дорожная карта",
      `${world.regionA.name} / План региона`,
      "Школа A1-1 / Программа развития",
      "Школа A1-2 / План школы",
    ]);
    // The two A1 roadmaps share owner and title: each stays one run of rows.
    expect(new Set(ascending.slice(0, 5).map((r) => r.planId)).size).toBe(2);
    expect(ascending.slice(0, 5).filter((r, i, all) => i > 0 && r.planId !== all[i - 1]!.planId)).toHaveLength(1);
    const descending = await rows("plan", "desc");
    expect(plansInOrder(descending)).toEqual(plansInOrder(ascending).toReversed());
    for (const r of [ascending, descending]) {
      expect(r.filter((e) => e.planId === plan.methodical).map((e) => e.id)).toEqual(named("yearly", "monthly", "seminar"));
      expect(r.filter((e) => e.planId === plan.roadmap).map((e) => e.id)).toEqual(named("meeting", "survey", "roundTable", "contest"));
    }

    const dueAsc = await rows("dueDate", "asc");
    const dated = dueAsc.filter((r) => r.endsOn !== null).map((r) => r.endsOn!);
    expect(dated).toEqual(dated.toSorted());
    expect(dueAsc.slice(-2).map((r) => r.endsOn)).toEqual([null, null]);
    expect(dueAsc[0]!.id).toBe(ev.lastMeeting);
    const dueDesc = await rows("dueDate", "desc");
    expect(idsOf(dueDesc)).toEqual(idsOf(dueAsc).toReversed());

    const statusAsc = await rows("status", "asc");
    const rank = (s: PlanEventStatus) => EVENT_STATUSES.indexOf(s);
    expect(statusAsc.map((r) => rank(r.status))).toEqual(statusAsc.map((r) => rank(r.status)).toSorted());
    expect(statusAsc.slice(-2).map((r) => r.id)).toEqual(named("survey", "contest"));
    expect(idsOf(await rows("status", "desc"))).toEqual(idsOf(statusAsc).toReversed());
  });

  it("pages: the total of the whole list, the rows of one page, the pages together the whole list", async () => {
    const whole = (await list(admin, { sort: "dueDate" })).rows;
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => listEvents({ scope: admin, query: { sort: "dueDate", page, pageSize: 5 }, today: TODAY })),
    );
    expect(pages.map((p) => [p.total, p.page, p.pageSize, p.rows.length])).toEqual([
      [14, 1, 5, 5],
      [14, 2, 5, 5],
      [14, 3, 5, 4],
      [14, 4, 5, 0],
    ]);
    expect(pages.flatMap((p) => idsOf(p.rows))).toEqual(idsOf(whole));
    const filtered = await listEvents({ scope: admin, query: { overdue: "1", pageSize: 5, page: 2 }, today: TODAY });
    expect([filtered.total, filtered.rows.length]).toEqual([5, 0]);
  });
});

describe("the export's iterator", () => {
  it("reads by key: every row exactly once, in the list's order, across batch boundaries and ties of the key", async () => {
    for (const sort of ["plan", "dueDate", "status"]) {
      for (const dir of ["asc", "desc"]) {
        for (const filter of [{}, { overdue: "1" }, { municipalityId: world.a1.id, q: "о" }]) {
          const query = { sort, dir, ...filter };
          const expected = idsOf((await list(admin, query)).rows);
          for (const size of [1, 2, 3, 4, 5, 100]) {
            const batches = await everyBatch(admin, query, size);
            const label = `${JSON.stringify(query)}, batches of ${size}`;
            expect(
              batches.flat().map((r) => r.id),
              label,
            ).toEqual(expected);
            expect(
              batches.slice(0, -1).every((b) => b.length === size),
              label,
            ).toBe(true);
          }
        }
      }
    }
  });

  it("reads one SQL statement a batch, whatever the batch's rows, with the access rule in it rather than a list of plans", async () => {
    const plans = vi.spyOn(db().plan, "findMany");
    const sql = vi.spyOn(db(), "$queryRaw");
    try {
      const batches = await everyBatch(admin, { sort: "dueDate" }, 4);
      expect(batches.map((b) => b.length)).toEqual([4, 4, 4, 2]);
      expect(plans).not.toHaveBeenCalled();
      expect(sql).toHaveBeenCalledTimes(4);
    } finally {
      plans.mockRestore();
      sql.mockRestore();
    }
  });
});
