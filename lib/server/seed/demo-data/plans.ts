import "server-only";
import { readEventTiming } from "@/lib/domain/plans/event-timing";
import { eventKey, roadmapPlanTitle } from "@/lib/domain/plans/plan-labels";
import { parseSchoolYear } from "@/lib/domain/plans/school-year";
import { KALTAN_PROGRAMME, SLAVYANSKY_METHODICAL_PLAN } from "@/lib/seed-data/plans";
import type { Random } from "@/lib/seed-data/random";
import { day, insertRows, uuid7 } from "./bulk";
import { personName } from "./names";
import { PLAN, PLAN_EVENT } from "./tables";
import type { GenContext, GenDirectory } from "./types";

/** Events of seed 001's programme and seed 004's plan: the titles the generated roadmaps are drawn from. */
const EVENT_POOL = (() => {
  const seen = new Set<string>();
  const events = [...SLAVYANSKY_METHODICAL_PLAN.sections, ...KALTAN_PROGRAMME.stages].flatMap((g) => g.events);
  return events.filter((e) => !seen.has(eventKey(e.title)) && seen.add(eventKey(e.title)));
})();

const MONTHS = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];
const MONTHS_OF = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
/** Recurring timings as seed 004 writes them. */
const RECURRING = [
  "Ежегодно август",
  "Ежегодно сентябрь",
  "Ежегодно декабрь",
  "Ежемесячно",
  "Ежегодно, 1 раз в полугодие",
  "В течение учебного года",
  "В течение года",
];

/** A timing in seed 002's words («До 2 ноября 2020 года», «22 сентября 2020 года», «Февраль 2021 года») or seed 004's recurring ones. */
function timingText(random: Random, firstYear: number): string {
  const month = random.int(0, 11);
  const year = month >= 8 ? firstYear : firstYear + 1;
  const day = random.int(1, 28);
  const roll = random.next();
  if (roll < 0.3) return `До ${day} ${MONTHS_OF[month]} ${year} года`;
  if (roll < 0.55) return `${day} ${MONTHS_OF[month]} ${year} года`;
  if (roll < 0.8) return `${MONTHS[month]![0]!.toUpperCase()}${MONTHS[month]!.slice(1)} ${year} года`;
  return random.pick(RECURRING);
}

/**
 * A roadmap for each municipality for the school year, with about the scale's
 * number of events: their timing read as the plan editor reads it, the ones
 * ended before `heldBefore` mostly held. `stream` names the random stream.
 */
export async function generatePlans(
  ctx: GenContext,
  directory: GenDirectory,
  input: { schoolYear: string; heldBefore: string; stream: string },
) {
  const { schoolYear, heldBefore } = input;
  const random = ctx.random.fork(input.stream);
  const year = parseSchoolYear(schoolYear)!;
  const range = { schoolYear, startsOn: year.start, endsOn: year.end };
  const firstYear = Number(schoolYear.slice(0, 4));
  const plans = [];
  const events = [];
  for (const municipality of directory.municipalities) {
    const planId = uuid7();
    plans.push({
      id: planId,
      regionId: directory.regionId,
      municipalityId: municipality.id,
      kind: "ROADMAP" as const,
      title: roadmapPlanTitle(schoolYear),
      schoolYear,
      startsOn: year.start,
      endsOn: year.end,
    });
    const count = Math.min(EVENT_POOL.length, ctx.scale.eventsPerPlan + random.int(-5, 5));
    const responsible = [personName(random), personName(random), personName(random)];
    for (const [index, seed] of random.shuffle(EVENT_POOL).slice(0, count).entries()) {
      const timing = readEventTiming(timingText(random, firstYear), range);
      const held = timing.timingKind !== "RECURRING" && timing.endsOn !== null && timing.endsOn < heldBefore && random.chance(0.75);
      const who = random.pick(responsible);
      events.push({
        id: uuid7(),
        planId,
        number: `${index + 1}`,
        position: index + 1,
        title: seed.title,
        description: seed.expectedResult ? `Ожидаемый результат: ${seed.expectedResult}` : "",
        timingText: timing.timingText,
        timingKind: timing.timingKind,
        startsOn: timing.startsOn ? day(timing.startsOn) : null,
        endsOn: timing.endsOn ? day(timing.endsOn) : null,
        dueDates: timing.dueDates.map(day),
        responsibleText: `${who}, ${municipality.name}`,
        responsiblePeople: [who],
        audience: random.pick([
          "руководители ОО",
          "заместители директоров",
          "учителя-предметники",
          "педагоги ШНОР/ШССУ",
          "школьные координаторы",
        ]),
        status: held ? ("DONE" as const) : ("PLANNED" as const),
        heldOn: held ? day(timing.endsOn!) : null,
        importKey: eventKey(seed.title),
      });
    }
  }
  await insertRows(ctx.tx, PLAN, plans, "plans", ctx.log);
  await insertRows(ctx.tx, PLAN_EVENT, events, "plan events", ctx.log);
  return { plans: plans.length, events: events.length };
}
