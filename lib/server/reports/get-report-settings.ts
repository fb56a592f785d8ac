import "server-only";
import { notFound } from "@/lib/errors";
import { LOGO_MIME_TYPES, MAX_LOGO_BYTES } from "@/lib/schemas/report";
import { staffRegionIds, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { storage } from "@/lib/server/files/storage";

export interface ReportSettingsView {
  regionId: string;
  regionName: string;
  organizationName: string;
  details: string;
  logo: { id: string; name: string } | null;
  /** The PNG or JPEG as a data URL, when asked for: what the PDFs embed. */
  logoDataUrl: string | null;
  /** Nothing saved yet: the region's name stands for the issuer. */
  isDefault: boolean;
  updatedAt: Date | null;
  /** The upload form's `owner` for a logo: the region's own organisation (the regional centre), else a municipality. */
  logoOwner: string | null;
}

/** The logo row, if it is still one of the region's PNG or JPEG files small enough to embed. */
async function findLogo(regionId: string, id: string | null) {
  if (!id) return null;
  return db().storedFile.findFirst({
    where: {
      id,
      regionId,
      ownerKind: "REPORT_LOGO",
      ownerId: regionId,
      mimeType: { in: [...LOGO_MIME_TYPES] },
      size: { lte: MAX_LOGO_BYTES },
    },
    select: { id: true, name: true, mimeType: true, storageKey: true },
  });
}

/** A missing file leaves the header without a logo rather than failing every report. */
async function readDataUrl(file: { mimeType: string; storageKey: string }): Promise<string | null> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await storage().read(file.storageKey)) chunks.push(Buffer.from(chunk as Uint8Array));
    return `data:${file.mimeType};base64,${Buffer.concat(chunks).toString("base64")}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

async function uploadOwnerOf(regionId: string): Promise<string | null> {
  const own = await db().organization.findMany({
    where: { regionId, municipalityId: null },
    orderBy: { name: "asc" },
    select: { id: true, kind: true },
  });
  const chosen = own.find((o) => o.kind === "REGIONAL_CENTER") ?? own[0];
  if (chosen) return `organization:${chosen.id}`;
  const municipality = await db().municipality.findFirst({ where: { regionId }, orderBy: { name: "asc" }, select: { id: true } });
  return municipality ? `municipality:${municipality.id}` : null;
}

/**
 * The issuer of a region's reports, or the region's name while none is saved.
 * Anyone with a membership in the region may read it: it heads every report they
 * may make. Without `regionId`, the caller's staff region.
 */
export async function getReportSettings(options: { scope: Scope; regionId?: string; withLogoData?: boolean }): Promise<ReportSettingsView> {
  const regionId = options.regionId ?? staffRegionIds(options.scope)[0];
  if (!regionId || !options.scope.memberships.some((m) => m.regionId === regionId)) throw notFound("Регион не найден.");
  const [region, saved, logoOwner] = await Promise.all([
    db().region.findUnique({ where: { id: regionId }, select: { name: true } }),
    db().reportSettings.findUnique({ where: { regionId } }),
    uploadOwnerOf(regionId),
  ]);
  if (!region) throw notFound("Регион не найден.");
  const logo = await findLogo(regionId, saved?.logoFileId ?? null);
  return {
    regionId,
    regionName: region.name,
    organizationName: saved?.organizationName ?? region.name,
    details: saved?.details ?? "",
    logo: logo ? { id: logo.id, name: logo.name } : null,
    logoDataUrl: logo && options.withLogoData ? await readDataUrl(logo) : null,
    isDefault: !saved,
    updatedAt: saved?.updatedAt ?? null,
    logoOwner,
  };
}
