import "server-only";
import { AppError } from "@/lib/errors";
import { staffRegionIds, type Scope } from "@/lib/scope";
import type { TRecommendations } from "@/lib/schemas/recommendation";
import { db } from "@/lib/server/db/client";
import { REGION_ADMINS } from "@/lib/roles";

/** A region admin words the default recommendations of findings; they apply to blanks scored from now on. */
export async function saveRecommendations(options: { scope: Scope; input: TRecommendations }) {
  const { input } = options;
  const regionId = staffRegionIds(options.scope, REGION_ADMINS)[0];
  if (!regionId) throw new AppError("NOT_FOUND", "Регион не найден.");
  await db().$transaction(
    Object.entries(input.texts).map(([status, text]) =>
      db().recommendationDefault.upsert({
        where: { regionId_status: { regionId, status } },
        update: { text },
        create: { regionId, status, text },
      }),
    ),
  );
}
