import "server-only";
import { AppError, notFound } from "@/lib/errors";
import { LOGO_MIME_TYPES, MAX_LOGO_BYTES, type TReportSettings } from "@/lib/schemas/report";
import { staffRegionIds, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { claimFile } from "@/lib/server/privacy/internal/claim-file";
import { REGION_ADMINS } from "@/lib/roles";

const badLogo = (message: string) => new AppError("VALIDATION", message, { logoFileId: [message] });

/**
 * A region admin names the issuer of the region's reports. The logo is a PNG or JPEG
 * small enough to embed in every report, just uploaded by the admin (it becomes the
 * region's logo) or the region's logo already.
 */
export async function saveReportSettings(options: { scope: Scope; input: TReportSettings }) {
  const { input } = options;
  if (!staffRegionIds(options.scope, REGION_ADMINS).includes(input.regionId)) throw notFound("Регион не найден.");
  if (input.logoFileId) {
    const file = await db().storedFile.findFirst({
      where: { id: input.logoFileId, regionId: input.regionId },
      select: { mimeType: true, size: true },
    });
    if (!file || !(LOGO_MIME_TYPES as readonly string[]).includes(file.mimeType)) {
      throw badLogo("Логотип — изображение PNG или JPEG, загруженное в этом регионе.");
    }
    if (file.size > MAX_LOGO_BYTES) throw badLogo(`Логотип больше ${MAX_LOGO_BYTES / 1024 / 1024} МБ: уменьшите изображение.`);
  }
  const fields = {
    organizationName: input.organizationName,
    details: input.details,
    logoFileId: input.logoFileId,
    updatedById: options.scope.userId,
  };
  return db().$transaction(async (tx) => {
    if (input.logoFileId) {
      const owner = { kind: "REPORT_LOGO" as const, id: input.regionId, regionId: input.regionId };
      await claimFile(tx, { scope: options.scope, fileId: input.logoFileId, owner, field: "logoFileId" });
    }
    return tx.reportSettings.upsert({
      where: { regionId: input.regionId },
      update: fields,
      create: { regionId: input.regionId, ...fields },
      select: { regionId: true, updatedAt: true },
    });
  });
}
