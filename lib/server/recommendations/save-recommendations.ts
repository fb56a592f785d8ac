import "server-only";
import { AppError } from "@/lib/errors";
import { staffRegionIds, type Scope } from "@/lib/scope";
import { ZRecommendations } from "@/lib/schemas/recommendation";
import { db } from "@/lib/server/db/client";

/** A region admin words the default recommendations of findings; they apply to blanks scored from now on. */
export async function saveRecommendations(options: { scope: Scope; input: unknown }) {
  const input = ZRecommendations.parse(options.input);
  const regionId = staffRegionIds(options.scope, ["REGION_ADMIN"])[0];
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
