import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { staffRegionIds, type Scope } from "@/lib/scope";

type Tx = Pick<Prisma.TransactionClient, "region" | "municipality">;

/** «МО город Краснодар», «г. Краснодар», «Краснодар» → one key: case, «ё», quotes and the usual prefixes do not matter. */
export function municipalityNameKey(name: string): string {
  return name
    .toLowerCase()
    .replaceAll("ё", "е")
    .replace(/[«»"“”„]/g, "")
    .replace(/^(муниципальное образование|муниципальный район|городской округ|мо)\s+/u, "")
    .replace(/^(город|г\.)\s*/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

export type MunicipalityMatch =
  | { ok: true; value: { id: string; regionId: string; name: string } }
  | { ok: false; column: "regionCode" | "municipality"; message: string };

/**
 * A municipality named in a file, by its name or one of its aliases, in the region
 * with the given code (or the caller's only region when the file gives none).
 * Regions the caller has no part in are "not found", as foreign ids are.
 */
export async function findMunicipalityByName(
  tx: Tx,
  options: { scope: Scope; regionCode: string | null; name: string },
): Promise<MunicipalityMatch> {
  const regionIds = [...new Set([...staffRegionIds(options.scope), ...options.scope.memberships.map((m) => m.regionId)])];
  const regions = await tx.region.findMany({
    where: { id: { in: regionIds }, ...(options.regionCode ? { code: options.regionCode } : {}) },
    select: { id: true, code: true },
  });
  if (regions.length === 0) return { ok: false, column: "regionCode", message: `Регион с кодом ${options.regionCode} не найден.` };
  if (regions.length > 1) return { ok: false, column: "regionCode", message: "Укажите код региона." };
  const region = regions[0]!;
  const key = municipalityNameKey(options.name);
  const candidates = await tx.municipality.findMany({
    where: { regionId: region.id },
    select: { id: true, regionId: true, name: true, aliases: true },
  });
  const matches = candidates.filter((m) => [m.name, ...m.aliases].some((n) => municipalityNameKey(n) === key));
  if (matches.length !== 1) {
    return {
      ok: false,
      column: "municipality",
      message: matches.length
        ? `Название «${options.name}» подходит к нескольким муниципалитетам: уточните.`
        : `Муниципалитет «${options.name}» не найден в регионе ${region.code}.`,
    };
  }
  const { id, regionId, name } = matches[0]!;
  return { ok: true, value: { id, regionId, name } };
}
