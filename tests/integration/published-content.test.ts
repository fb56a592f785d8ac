// A published template version is kept parsed by each server process (get-published-content.ts);
// a draft never is, so an editor's change shows on the next read, and publishing it shows what
// was published.
import { beforeAll, describe, expect, it } from "vitest";
import { getBlank } from "@/lib/server/blanks/get-blank";
import { createNextVersion } from "@/lib/server/templates/create-next-version";
import { getPublishedContent } from "@/lib/server/templates/get-published-content";
import { getTemplateVersion } from "@/lib/server/templates/get-template-version";
import { publishTemplateVersion } from "@/lib/server/templates/publish-template-version";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { userWithRole } from "../support/directory";
import { saveTemplateDraft } from "../support/operations";
import { useTestDatabase } from "../support/test-database";

useTestDatabase();

let w: CampaignWorld;
beforeAll(async () => {
  w = await buildCampaignWorld("pub");
});

const firstTitle = async (versionId: string) => (await getPublishedContent(versionId)).items[0]!.title;

describe("the template content kept by each server process", () => {
  it("a blank shows its published template, the same on every read", async () => {
    const blank = await getBlank({ scope: w.moA1.scope, id: (await w.blankOf(w.t.a1.id)).id });
    expect(blank.content.items.map((i) => i.number)).toEqual(
      (await getTemplateVersion({ scope: w.auditor.scope, id: w.municipal.version.id })).content.items.map((i) => i.number),
    );
    expect(await getPublishedContent(w.municipal.version.id)).toBe(await getPublishedContent(w.municipal.version.id));
  });

  it("a draft's edit shows on the next read, and so does its publication; the published version keeps its text", async () => {
    const admin = await userWithRole("admin-pub@a.test", "REGION_ADMIN", { regionId: w.t.regionA.id });
    const published = await firstTitle(w.municipal.version.id);
    const draft = await createNextVersion({ scope: admin.scope, templateId: w.municipal.template.id });
    expect(await firstTitle(draft.id)).toBe(published);

    const content = structuredClone((await getTemplateVersion({ scope: admin.scope, id: draft.id })).content);
    content.items[0]!.title = "Раздел в новой редакции";
    await saveTemplateDraft({ scope: admin.scope, input: { versionId: draft.id, revision: draft.revision, name: "Бланк МО", content } });
    expect(await firstTitle(draft.id)).toBe("Раздел в новой редакции");

    await publishTemplateVersion({ scope: admin.scope, versionId: draft.id });
    expect(await firstTitle(draft.id)).toBe("Раздел в новой редакции");
    expect(await firstTitle(w.municipal.version.id)).toBe(published);
  });
});
