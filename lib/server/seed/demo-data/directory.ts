import "server-only";
import { insertRows, uuid7 } from "./bulk";
import { municipalityNames, personName, schoolName, streetAddress } from "./names";
import { MUNICIPALITY, ORGANIZATION, ORGANIZATION_ADDRESS } from "./tables";
import type { GenContext, GenDirectory, GenMunicipality, GenSchool } from "./types";

/** Schools per municipality: towns get about three times a district's share, each at least 3. */
function schoolCounts(total: number, towns: boolean[]): number[] {
  const weights = towns.map((t) => (t ? 3 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(3, Math.floor((total * w) / sum)));
  for (let i = 0, left = total - counts.reduce((a, b) => a + b, 0); left !== 0; i = (i + 1) % counts.length) {
    if (left > 0) {
      counts[i]!++;
      left--;
    } else if (counts[i]! > 3) {
      counts[i]!--;
      left++;
    }
  }
  return counts;
}

/** A region with its municipalities (names unique in the region), schools (one base school each) and their addresses, inserted in bulk. */
export async function generateDirectory(ctx: GenContext, region: { code: string; name: string }): Promise<GenDirectory> {
  const { tx, scale, log } = ctx;
  const random = ctx.random.fork("directory");
  const created = await tx.region.create({ data: region });
  const generated = municipalityNames(random, scale.municipalities);
  const municipalities: GenMunicipality[] = generated.map((m) => ({ id: uuid7(), name: m.name, centre: m.centre }));
  await insertRows(
    tx,
    MUNICIPALITY,
    municipalities.map((m) => ({ id: m.id, regionId: created.id, name: m.name })),
    "municipalities",
    log,
  );

  const counts = schoolCounts(
    scale.schools,
    generated.map((m) => m.isTown),
  );
  const schools: GenSchool[] = [];
  const organizationRows = [];
  const addressRows = [];
  for (const [index, municipality] of municipalities.entries()) {
    for (let n = 1; n <= counts[index]!; n++) {
      const school = { id: uuid7(), municipalityId: municipality.id, name: schoolName(random, n) };
      schools.push(school);
      organizationRows.push({
        ...school,
        regionId: created.id,
        kind: "SCHOOL" as const,
        isBaseSchool: n === 1,
        isLowResults: random.chance(0.1),
        isDifficultConditions: random.chance(0.08),
        headName: personName(random),
        phone: `8 (8${random.int(10, 99)}) ${random.int(2, 7)}-${String(random.int(0, 99)).padStart(2, "0")}-${String(random.int(0, 99)).padStart(2, "0")}`,
      });
      addressRows.push({
        id: uuid7(),
        organizationId: school.id,
        position: 0,
        label: null,
        address: streetAddress(random, region.name, municipality.centre),
      });
    }
  }
  await insertRows(tx, ORGANIZATION, organizationRows, "schools", log);
  await insertRows(tx, ORGANIZATION_ADDRESS, addressRows, "addresses", log);
  return { regionId: created.id, regionName: region.name, municipalities, schools };
}
