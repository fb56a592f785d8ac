import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RECOMMENDATIONS } from "@/lib/domain/scoring/statuses";
import { getRecommendations } from "@/lib/server/recommendations/get-recommendations";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";
import { saveRecommendations } from "../support/operations";

useTestDatabase();

let admin: Awaited<ReturnType<typeof userWithRole>>;
let auditor: Awaited<ReturnType<typeof userWithRole>>;
let otherAdmin: Awaited<ReturnType<typeof userWithRole>>;
beforeAll(async () => {
  const t = await buildTwoTenants("rec");
  admin = await userWithRole("admin@rec.test", "REGION_ADMIN", { regionId: t.regionA.id });
  auditor = await userWithRole("auditor@rec.test", "REGION_AUDITOR", { regionId: t.regionA.id });
  otherAdmin = await userWithRole("admin@rec-b.test", "REGION_ADMIN", { regionId: t.regionB.id });
});

describe("default recommendations", () => {
  it("start from the product's defaults and take the region's own wording", async () => {
    expect(await getRecommendations({ scope: auditor.scope })).toEqual(DEFAULT_RECOMMENDATIONS);
    await saveRecommendations({ scope: admin.scope, input: { texts: { ABSENT: "Разработать и утвердить план работы по направлению." } } });
    expect((await getRecommendations({ scope: auditor.scope })).ABSENT).toBe("Разработать и утвердить план работы по направлению.");
    expect((await getRecommendations({ scope: otherAdmin.scope })).ABSENT).toBe(DEFAULT_RECOMMENDATIONS.ABSENT);
  });

  it("are edited by the region's admin only, and refuse an empty text", async () => {
    await expect(
      saveRecommendations({ scope: auditor.scope, input: { texts: { ABSENT: "Другой текст рекомендации" } } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveRecommendations({ scope: admin.scope, input: { texts: { ABSENT: "" } } })).rejects.toBeInstanceOf(ZodError);
    expect((await getRecommendations({ scope: auditor.scope })).ABSENT).toBe("Разработать и утвердить план работы по направлению.");
  });
});
