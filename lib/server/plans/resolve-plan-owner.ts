import "server-only";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { canWritePlanOwner, type PlanOwner } from "./plan-access";

const REFERENCE = /^(region|municipality|organization):([0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})$/;

const refused = () => {
  const message = "Выберите муниципалитет или организацию, планы которых вы ведёте.";
  return new AppError("VALIDATION", message, { owner: [message] });
};

/** "region:<id>", "municipality:<id>" or "organization:<id>" → the owner's ids, when the caller may write its plans. */
export async function resolvePlanOwner(options: { scope: Scope; reference: string }): Promise<PlanOwner & { name: string }> {
  const match = REFERENCE.exec(options.reference.toLowerCase());
  if (!match) throw refused();
  const [, kind, id] = match as unknown as [string, "region" | "municipality" | "organization", string];
  const owner =
    kind === "region"
      ? await db()
          .region.findUnique({ where: { id }, select: { id: true, name: true } })
          .then((r) => r && { regionId: r.id, municipalityId: null, organizationId: null, name: r.name })
      : kind === "municipality"
        ? await db()
            .municipality.findUnique({ where: { id }, select: { id: true, regionId: true, name: true } })
            .then((m) => m && { regionId: m.regionId, municipalityId: m.id, organizationId: null, name: m.name })
        : await db()
            .organization.findUnique({ where: { id }, select: { id: true, regionId: true, municipalityId: true, name: true } })
            .then((o) => o && { regionId: o.regionId, municipalityId: o.municipalityId, organizationId: o.id, name: o.name });
  if (!owner || !canWritePlanOwner(options.scope, owner)) throw refused();
  return owner;
}
