import "server-only";
import { AppError } from "@/lib/errors";
import { DEFAULT_RECOMMENDATIONS, FINDING_STATUSES, type FindingStatus } from "@/lib/domain/scoring/statuses";
import { staffRegionIds, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";

/** The region's recommendation per finding status: its own wording, else the default. */
export async function getRecommendations(options: { scope: Scope }) {
  const regionId = staffRegionIds(options.scope)[0];
  if (!regionId) throw new AppError("NOT_FOUND", "Регион не найден.");
  const own = await db().recommendationDefault.findMany({ where: { regionId } });
  return Object.fromEntries(
    FINDING_STATUSES.map((status) => [status, own.find((r) => r.status === status)?.text ?? DEFAULT_RECOMMENDATIONS[status]]),
  ) as Record<FindingStatus, string>;
}
