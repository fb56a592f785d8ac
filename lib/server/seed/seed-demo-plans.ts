import "server-only";
import { readFile } from "node:fs/promises";
import { adminScopeOf } from "@/lib/cli/admin-scope";
import { earliestLocalToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { schoolYearOf } from "@/lib/domain/plans/school-year";
import { parseRequisites } from "@/lib/domain/requisites/parse-requisites";
import { KALTAN_PROGRAMME, SLAVYANSKY_METHODICAL_PLAN, type SeedPlan } from "@/lib/seed-data/plans";
import { ZEventStatusChange, ZIndicatorCreate, ZIndicatorValue, ZPlanCreate, ZPlanEvent } from "@/lib/schemas/plan";
import { ROADMAP_002_PATH } from "@/lib/seed-data/roadmap-002";
import { db } from "@/lib/server/db/client";
import { issuerKeyOf } from "@/lib/server/documents/document-access";
import { changeEventStatus } from "@/lib/server/plans/change-event-status";
import { createPlan } from "@/lib/server/plans/create-plan";
import { getPlan } from "@/lib/server/plans/get-plan";
import { importRoadmap } from "@/lib/server/plans/import-roadmap";
import { saveIndicator } from "@/lib/server/plans/save-indicator";
import { saveIndicatorValue } from "@/lib/server/plans/save-indicator-value";
import { savePlanEvent } from "@/lib/server/plans/save-plan-event";

/**
 * The demo's plans, made through the same operations users call: seed 002's
 * roadmap imported from the seed file itself, seed 001's programme with its
 * stages, and seed 004's methodical work plan with its sections and target
 * indicators — the latter for the current school year, since its events recur
 * every year. Some events are marked held so the views show all three states.
 * Plans already there are left as they are.
 */
export async function seedDemoPlans(log?: (line: string) => void) {
  const today = earliestLocalToday();
  const krasnodar = await db().region.findUniqueOrThrow({ where: { code: "23" } });
  const kemerovo = await db().region.findUniqueOrThrow({ where: { code: "42" } });

  const roadmap = await importRoadmap({
    scope: adminScopeOf(krasnodar.id),
    bytes: await readFile(ROADMAP_002_PATH),
    fileName: "roadmap-002.md",
  });
  if (roadmap.errors.length) throw new Error(`demo roadmap not importable: ${JSON.stringify(roadmap.errors[0])}`);
  // The report's dated events were held; its deadlines and «в течение учебного года» stay open (overdue).
  for (const planId of roadmap.planIds)
    await markHeld(krasnodar.id, planId, today, (e) => e.timingKind === "EXACT" || e.timingKind === "MONTH");

  const kaltan = await seedPlan(kemerovo.id, KALTAN_PROGRAMME, null);
  // Stages I and II are done; stage III's tasks are left open.
  if (kaltan) await markHeld(kemerovo.id, kaltan.id, today, (e, plan) => e.stageId !== plan.stages.at(-1)?.id);

  const currentYear = schoolYearOf(today).label;
  const slavyansky = await seedPlan(krasnodar.id, SLAVYANSKY_METHODICAL_PLAN, currentYear);
  if (slavyansky) {
    await markHeld(krasnodar.id, slavyansky.id, today, (_e, _plan, index) => index % 3 !== 2);
    await seedIndicatorValues(krasnodar.id, slavyansky.id, Number(currentYear.slice(0, 4)));
  }
  log?.(`Demo plans: roadmap ${roadmap.imported + roadmap.updated} events, ${[kaltan, slavyansky].filter(Boolean).length} plans created`);
}

async function seedPlan(regionId: string, seed: SeedPlan, schoolYear: string | null) {
  const scope = adminScopeOf(regionId);
  const municipality = await db().municipality.findFirstOrThrow({ where: { regionId, name: seed.municipality } });
  const plan = await createPlan({
    scope,
    input: ZPlanCreate.parse({
      kind: seed.kind,
      title: seed.title,
      owner: `municipality:${municipality.id}`,
      schoolYear: schoolYear ?? seed.schoolYear,
      startsOn: schoolYear ? null : seed.startsOn,
      endsOn: schoolYear ? null : seed.endsOn,
      stages: seed.stages.map(({ title, timingText }) => ({ title, timingText })),
      sections: seed.sections.map(({ number, title }) => ({ number, title })),
    }),
  }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "CONFLICT") return null;
    throw error;
  });
  if (!plan) return null;
  if (seed.approvedBy)
    await db().plan.update({ where: { id: plan.id }, data: { approvedById: await registryIdOf(regionId, seed.approvedBy) } });
  const stored = await getPlan({ scope, planId: plan.id });
  const groups = [
    ...seed.stages.map((stage, i) => ({ stageId: stored.stages[i]!.id, sectionId: null, events: stage.events })),
    ...seed.sections.map((section, i) => ({ stageId: null, sectionId: stored.sections[i]!.id, events: section.events })),
  ];
  for (const group of groups) {
    for (const event of group.events) {
      await savePlanEvent({
        scope,
        planId: plan.id,
        input: ZPlanEvent.parse({ ...event, number: event.number ?? "", stageId: group.stageId, sectionId: group.sectionId }),
      });
    }
  }
  for (const indicator of seed.indicators) await saveIndicator({ scope, planId: plan.id, input: ZIndicatorCreate.parse(indicator) });
  return plan;
}

async function registryIdOf(regionId: string, text: string): Promise<string | null> {
  const parsed = parseRequisites(text);
  if (!parsed.ok) return null;
  const { type, issuer, number, date } = parsed.value;
  const found = await db().registryDocument.findFirst({
    where: { regionId, type: type!, issuerKey: issuerKeyOf(issuer), number, date: date ? new Date(date) : null },
  });
  return found?.id ?? null;
}

type EventOf = Awaited<ReturnType<typeof getPlan>>["events"][number];

/** Marks the chosen events held: one-off events on their last day, recurring ones on each past due date. */
async function markHeld(
  regionId: string,
  planId: string,
  today: string,
  choose: (event: EventOf, plan: Awaited<ReturnType<typeof getPlan>>, index: number) => boolean,
) {
  const scope = adminScopeOf(regionId);
  const plan = await getPlan({ scope, planId, today });
  for (const [index, event] of plan.events.entries()) {
    if (event.status !== "PLANNED" || !choose(event, plan, index)) continue;
    if (event.timingKind === "RECURRING") {
      for (const dueDate of event.dueDates.filter((d) => d < today)) {
        await changeEventStatus({
          scope,
          planId,
          eventId: event.id,
          input: ZEventStatusChange.parse({ action: "occurrence", dueDate, held: true }),
        });
      }
    } else if (event.endsOn && event.endsOn < today) {
      await changeEventStatus({
        scope,
        planId,
        eventId: event.id,
        input: ZEventStatusChange.parse({ action: "done", heldOn: event.endsOn }),
      });
    }
  }
}

/** Last year's figures of seed 004's indicators, from the seed's own numbers (1631 teachers, 81 organisations). */
async function seedIndicatorValues(regionId: string, planId: string, firstYear: number) {
  const scope = adminScopeOf(regionId);
  const indicators = await db().targetIndicator.findMany({ where: { planId }, orderBy: { position: "asc" } });
  const byNumber = (n: string) => indicators.find((i) => i.number.replace(/\.$/, "") === n);
  const values: Array<[string, number, number | null]> = [
    ["1", 1480, 1631],
    ["3", 540, 1631],
    ["4", 100, null],
    ["5", 4, null],
    ["9", 22, 81],
  ];
  for (const [number, value, base] of values) {
    const indicator = byNumber(number);
    if (indicator)
      await saveIndicatorValue({
        scope,
        planId,
        input: ZIndicatorValue.parse({ indicatorId: indicator.id, period: String(firstYear - 1), value, base }),
      });
  }
}
