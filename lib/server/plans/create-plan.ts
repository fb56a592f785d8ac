import "server-only";
import { AppError } from "@/lib/errors";
import { readEventTiming } from "@/lib/domain/plans/event-timing";
import { parseSchoolYear } from "@/lib/domain/plans/school-year";
import type { Scope } from "@/lib/scope";
import type { TPlanCreate } from "@/lib/schemas/plan";
import { db } from "@/lib/server/db/client";
import { resolvePlanOwner } from "./resolve-plan-owner";

const asDate = (iso: string | null) => (iso ? new Date(iso) : null);

/**
 * Creates a plan of a municipality, a school or the region, for a school year or
 * a date range, with its programme stages and numbered sections.
 */
export async function createPlan(options: { scope: Scope; input: TPlanCreate }) {
  const { input } = options;
  const owner = await resolvePlanOwner({ scope: options.scope, reference: input.owner });
  const year = input.schoolYear ? parseSchoolYear(input.schoolYear) : null;
  const startsOn = input.startsOn ?? year!.start;
  const endsOn = input.endsOn ?? year!.end;
  if (endsOn < startsOn)
    throw new AppError("VALIDATION", "Окончание не может быть раньше начала.", { endsOn: ["Окончание не может быть раньше начала."] });
  const range = { schoolYear: input.schoolYear, startsOn, endsOn };
  const same = await db().plan.findFirst({
    where: {
      regionId: owner.regionId,
      municipalityId: owner.municipalityId,
      organizationId: owner.organizationId,
      kind: input.kind,
      title: { equals: input.title, mode: "insensitive" },
      startsOn: new Date(startsOn),
      endsOn: new Date(endsOn),
    },
    select: { id: true },
  });
  if (same)
    throw new AppError(
      "CONFLICT",
      "Такой план на этот период уже есть.",
      { title: ["План с таким названием на этот период уже есть."] },
      { existingId: same.id },
    );
  return db().plan.create({
    data: {
      regionId: owner.regionId,
      municipalityId: owner.municipalityId,
      organizationId: owner.organizationId,
      kind: input.kind,
      title: input.title,
      schoolYear: input.schoolYear,
      startsOn: new Date(startsOn),
      endsOn: new Date(endsOn),
      createdById: options.scope.userId,
      stages: {
        create: input.stages.map((stage, i) => {
          const timing = readEventTiming(stage.timingText, range);
          return {
            number: i + 1,
            title: stage.title,
            timingText: timing.timingText,
            startsOn: asDate(timing.startsOn),
            endsOn: asDate(timing.endsOn),
          };
        }),
      },
      sections: { create: input.sections.map((s, i) => ({ number: s.number, title: s.title, position: i + 1 })) },
    },
    select: { id: true },
  });
}
