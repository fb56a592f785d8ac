import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { getBlank } from "@/lib/server/blanks/get-blank";
import { db } from "@/lib/server/db/client";
import { createNextVersion } from "@/lib/server/templates/create-next-version";
import { getTemplateVersion } from "@/lib/server/templates/get-template-version";
import { publishTemplateVersion } from "@/lib/server/templates/publish-template-version";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";
import {
  createCampaign,
  listCampaigns,
  saveBlankAnswers,
  saveTemplateDraft,
  startCampaignFromPrevious,
  submitBlank,
} from "../support/operations";

useTestDatabase();

let w: CampaignWorld;
beforeAll(async () => {
  w = await buildCampaignWorld("cmp");
});

const base = () => ({
  name: "Повторный аудит",
  date: "2023-12-01",
  deadline: "2023-11-20",
  templateVersionIds: [w.municipal.version.id],
  municipalityIds: [w.t.a1.id],
});

describe("campaigns", () => {
  it("only take the region's own published templates and participants", async () => {
    const refuse = async (input: object, scope = w.auditor.scope) =>
      createCampaign({ scope, input }).then(
        () => "created",
        (e: unknown) => (e instanceof AppError ? e.code : e instanceof ZodError ? "ZOD" : String(e)),
      );
    expect(await refuse({ ...base(), municipalityIds: [w.t.b1.id] })).toBe("VALIDATION");
    expect(await refuse({ ...base(), schoolIds: [w.t.b1s1.id] })).toBe("VALIDATION");
    expect(await refuse({ ...base(), municipalityIds: [] })).toBe("ZOD");
    expect(await refuse(base(), w.adminB.scope)).toBe("VALIDATION");
    expect(await refuse(base(), w.moA1.scope)).toBe("NOT_FOUND");
    const draft = await db().templateVersion.create({
      data: { templateId: w.municipal.template.id, version: 99, status: "DRAFT", content: {} },
    });
    expect(await refuse({ ...base(), templateVersionIds: [draft.id] })).toBe("VALIDATION");
    await db().templateVersion.delete({ where: { id: draft.id } });
  });

  it("are listed to their region's staff and to their participants only", async () => {
    expect((await listCampaigns({ scope: w.auditor.scope, query: {} })).rows.map((r) => r.name)).toEqual(["Методический аудит МЦДО 2022"]);
    expect((await listCampaigns({ scope: w.moA1.scope, query: {} })).total).toBe(1);
    expect((await listCampaigns({ scope: w.adminB.scope, query: {} })).total).toBe(0);
  });

  it("start from a previous one with the successor template and the last answers as drafts to confirm", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const plan = w.item("municipal", "1.2.1");
    const count = w.item("municipal", "2.1");
    const files = w.item("municipal", "2.3.1");
    await saveBlankAnswers({
      scope: w.moA1.scope,
      input: {
        blankId: blank.id,
        version: blank.version,
        answers: [
          {
            itemKey: plan.key,
            value: {
              kind: "DOCUMENT",
              present: true,
              docType: "План",
              issuer: "УО",
              date: "2022-09-01",
              number: "7",
              title: "План работы",
              fileId: null,
            },
          },
          { itemKey: count.key, value: { kind: "COUNT", count: 2 } },
          { itemKey: files.key, value: { kind: "PRESENCE", present: true } },
        ],
      },
    });

    // Version 2 of the municipal blank turns 2.3.1 into a text item: its old answer cannot carry over.
    const admin = await userWithRole("admin-cmp@a.test", "REGION_ADMIN", { regionId: w.t.regionA.id });
    const draft = await createNextVersion({ scope: admin.scope, templateId: w.municipal.template.id });
    const v2 = await getTemplateVersion({ scope: admin.scope, id: draft.id });
    const content = structuredClone(v2.content);
    content.items[1]!.children[2]!.children[0]!.kind = "TEXT";
    await saveTemplateDraft({ scope: admin.scope, input: { versionId: draft.id, revision: draft.revision, name: "Бланк МО", content } });
    await publishTemplateVersion({ scope: admin.scope, versionId: draft.id });

    const next = await startCampaignFromPrevious({
      scope: w.auditor.scope,
      input: {
        previousCampaignId: w.campaign.id,
        name: "Методический аудит МЦДО 2023",
        date: "2023-12-05",
        deadline: "2023-11-24",
        useSuccessor: true,
      },
    });
    const blanks = await db().blank.findMany({ where: { campaignId: next.id }, include: { answers: true } });
    expect(blanks).toHaveLength(3);
    const carried = blanks.find((b) => b.subjectId === w.t.a1.id)!;
    expect(carried.templateVersionId).toBe(draft.id);
    expect(carried.status).toBe("IN_PROGRESS");
    expect(carried.answers.map((a) => a.itemKey).sort()).toEqual([plan.key, count.key].sort());
    expect(carried.answers.every((a) => a.carriedOver)).toBe(true);

    await expect(submitBlank({ scope: w.moA1.scope, input: { blankId: carried.id, version: carried.version } })).rejects.toThrow(
      /Подтвердите ответы, перенесённые из прошлой кампании \(пункты 1\.2\.1, 2\.1\)/,
    );
    const view = await getBlank({ scope: w.moA1.scope, id: carried.id });
    const saved = await saveBlankAnswers({
      scope: w.moA1.scope,
      input: {
        blankId: carried.id,
        version: view.version,
        answers: [plan.key, count.key].map((itemKey) => ({ itemKey, value: view.answers[itemKey]!.value, confirm: true })),
      },
    });
    await submitBlank({ scope: w.moA1.scope, input: { blankId: carried.id, version: saved.version } });
    expect((await getBlank({ scope: w.moA1.scope, id: carried.id })).status).toBe("SUBMITTED");
  });
});
