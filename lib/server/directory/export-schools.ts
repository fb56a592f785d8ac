import "server-only";
import { SCHOOL_FILE_MIME_TYPES, schoolFileName, writeSchoolFile, type SchoolFileFormat } from "@/lib/domain/directory/school-file";
import { notFound } from "@/lib/errors";
import { municipalityWhere, narrowScope, organizationWhere, type Scope } from "@/lib/scope";
import { db } from "@/lib/server/db/client";
import { SUPERVISORS } from "@/lib/roles";

/**
 * A municipality's schools as a file in seed 001's columns (XLSX or CSV), in the
 * form importSchools reads back without changing anything.
 */
export async function exportSchools(options: { scope: Scope; municipalityId: string; format: SchoolFileFormat }) {
  const scope = narrowScope(options.scope, SUPERVISORS);
  const municipality = await db().municipality.findFirst({
    where: { AND: [{ id: options.municipalityId }, municipalityWhere(scope)] },
    select: { id: true, regionId: true, name: true },
  });
  if (!municipality) throw notFound("Муниципальное образование не найдено.");
  const schools = await db().organization.findMany({
    where: {
      AND: [{ regionId: municipality.regionId, municipalityId: municipality.id, kind: "SCHOOL" }, organizationWhere(scope)],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      name: true,
      headName: true,
      phone: true,
      addresses: { orderBy: { position: "asc" }, select: { label: true, address: true } },
    },
  });
  return {
    fileName: schoolFileName(municipality.name, options.format),
    mimeType: SCHOOL_FILE_MIME_TYPES[options.format],
    bytes: await writeSchoolFile(schools, options.format),
    count: schools.length,
  };
}
