import "server-only";
import { AppError } from "@/lib/errors";
import { municipalityWhere, organizationWhere, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { ownerNotFound, type FileOwner } from "./store-file";

const REFERENCE = /^(municipality|organization):([0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})$/;

/**
 * The owner named by an upload form, "municipality:<id>" or "organization:<id>",
 * with its region and municipality taken from the directory as the caller sees it.
 */
export async function resolveFileOwner(options: { scope: Scope; reference: string }): Promise<FileOwner> {
  const match = REFERENCE.exec(options.reference.toLowerCase());
  if (!match) {
    const message = "Укажите, к какой организации или муниципалитету относится файл.";
    throw new AppError("VALIDATION", message, { owner: [message] });
  }
  const [, kind, id] = match as unknown as [string, "municipality" | "organization", string];
  if (kind === "municipality") {
    const municipality = await db().municipality.findFirst({
      where: { AND: [{ id }, municipalityWhere(options.scope)] },
      select: { id: true, regionId: true },
    });
    if (!municipality) throw ownerNotFound();
    return { regionId: municipality.regionId, municipalityId: municipality.id, organizationId: null };
  }
  const organization = await db().organization.findFirst({
    where: { AND: [{ id }, organizationWhere(options.scope)] },
    select: { id: true, regionId: true, municipalityId: true },
  });
  if (!organization) throw ownerNotFound();
  return { regionId: organization.regionId, municipalityId: organization.municipalityId, organizationId: organization.id };
}
