import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { TBlankAnswer } from "@/lib/schemas/blank";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { getBlank } from "@/lib/server/blanks/get-blank";
import { getItemHistory } from "@/lib/server/blanks/get-item-history";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { getCampaign } from "@/lib/server/campaigns/get-campaign";
import { listCampaignParticipants } from "@/lib/server/campaigns/list-campaign-participants";
import { db } from "@/lib/server/db/client";
import { ALL_FILE_KINDS } from "@/lib/domain/files/detect-file-type";
import { storeFile } from "@/lib/server/files/store-file";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { pdfSample, xlsxSample } from "../support/file-samples";
import { codeOf } from "../support/refusals";
import { useScratchStorage } from "../support/scratch-storage";
import { useTestDatabase } from "../support/test-database";
import { listBlanks, markAnswer, returnBlank, saveBlankAnswers, submitBlank } from "../support/operations";

useTestDatabase();
// Uploaded bytes go to a scratch folder, not the app's data folder.
useScratchStorage("blank-files-");

let w: CampaignWorld;
beforeAll(async () => {
  w = await buildCampaignWorld("bl");
});

const doc = (overrides: Partial<Extract<TBlankAnswer, { kind: "DOCUMENT" }>> = {}): TBlankAnswer => ({
  kind: "DOCUMENT",
  present: true,
  docType: "Приказ",
  issuer: "Управления образования",
  date: "2022-08-30",
  number: "512-од",
  title: "Об организации работы БШ",
  fileId: null,
  ...overrides,
});

describe("a campaign's blanks", () => {
  it("gives each participant one blank per template of its level", async () => {
    const blanks = await db().blank.findMany({ where: { campaignId: w.campaign.id } });
    expect(blanks).toHaveLength(3);
    expect(blanks.every((b) => b.status === "NOT_STARTED")).toBe(true);
    const mine = await listBlanks({ scope: w.moA1.scope, query: {}, only: "participant" });
    expect(mine.rows.map((r) => r.participant)).toEqual(["Муниципалитет A1"]);
    const visible = await listBlanks({ scope: w.moA1.scope, query: {} });
    expect(visible.rows.map((r) => r.participant).sort()).toEqual(["Муниципалитет A1", "Школа A1-1 (Муниципалитет A1)"]);
    expect((await listBlanks({ scope: w.adminB.scope, query: {} })).total).toBe(0);
  });

  it("saves the participant's answers and refuses a stale version without changing anything", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const order = w.item("municipal", "1.1.1", 0);
    const saved = await saveBlankAnswers({
      scope: w.moA1.scope,
      input: { blankId: blank.id, version: blank.version, answers: [{ itemKey: order.key, value: doc() }] },
    });
    expect(saved.version).toBe(blank.version + 1);
    expect(
      await codeOf(
        saveBlankAnswers({
          scope: w.moA1.scope,
          input: { blankId: blank.id, version: blank.version, answers: [{ itemKey: order.key, value: doc({ number: "999" }) }] },
        }),
      ),
    ).toBe("CONFLICT");
    const view = await getBlank({ scope: w.moA1.scope, id: blank.id });
    expect(view.status).toBe("IN_PROGRESS");
    expect(view.answers[order.key]?.value).toMatchObject({ number: "512-од" });
  });

  it("of 20 simultaneous saves from one version exactly one lands", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const count = w.item("municipal", "2.1");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, n) =>
        saveBlankAnswers({
          scope: w.moA1.scope,
          input: { blankId: blank.id, version: blank.version, answers: [{ itemKey: count.key, value: { kind: "COUNT", count: n } }] },
        }),
      ),
    );
    const landed = results.filter((r) => r.status === "fulfilled");
    expect(landed).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "CONFLICT")).toBe(true);
    const stored = await db().blank.findUniqueOrThrow({ where: { id: blank.id } });
    expect(stored.version).toBe(blank.version + 1);
  });

  it("refuses bad input in Russian and saves nothing of it", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const before = await db().answer.count({ where: { blankId: blank.id } });
    const save = (itemKey: string, value: unknown) =>
      saveBlankAnswers({ scope: w.moA1.scope, input: { blankId: blank.id, version: blank.version, answers: [{ itemKey, value }] } });
    const future = await save(w.item("municipal", "1.2.1").key, doc({ date: "2999-01-01" })).catch((e: ZodError) => e);
    expect(future).toBeInstanceOf(ZodError);
    expect((future as ZodError).issues[0]!.message).toBe("Дата документа не может быть в будущем.");
    const fraction = await save(w.item("municipal", "2.1").key, { kind: "COUNT", count: 2.5 }).catch((e: ZodError) => e);
    expect((fraction as ZodError).issues[0]!.message).toBe("Численность — целое число.");
    expect(await codeOf(save(w.item("municipal", "2.1").key, doc()))).toBe("VALIDATION");
    expect(await db().answer.count({ where: { blankId: blank.id } })).toBe(before);
  });

  it("takes as attachments only the participant's own PDF, DOCX, JPG or PNG files", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const owner = (municipalityId: string) => ({ regionId: w.t.regionA.id, municipalityId, organizationId: null });
    const store = (scope: typeof w.moA1.scope, municipalityId: string, name: string, bytes: Uint8Array) =>
      storeFile({ scope, owner: owner(municipalityId), name, bytes, allowed: ALL_FILE_KINDS });
    const own = await store(w.moA1.scope, w.t.a1.id, "Приказ.pdf", pdfSample());
    const sheet = await store(w.moA1.scope, w.t.a1.id, "Таблица.xlsx", await xlsxSample());
    const foreign = await store(w.moA2.scope, w.t.a2.id, "Чужой.pdf", pdfSample());
    const plan = w.item("municipal", "1.2.2");
    const attach = (fileId: string, version: number) =>
      saveBlankAnswers({
        scope: w.moA1.scope,
        input: { blankId: blank.id, version, answers: [{ itemKey: plan.key, value: doc({ fileId }) }] },
      });
    const current = (await w.blankOf(w.t.a1.id)).version;
    for (const fileId of [sheet.id, foreign.id]) {
      const error = await attach(fileId, current).catch((e: AppError) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fieldErrors[`answers.${plan.key}`]).toEqual([
        "Прикрепите файл PDF, DOCX, JPG или PNG, загруженный для этого бланка.",
      ]);
    }
    await attach(own.id, current);
    const view = await getBlank({ scope: w.auditor.scope, id: blank.id });
    expect(view.answers[plan.key]?.value).toMatchObject({ fileId: own.id });
  });

  it("lets nobody but the participant fill a blank", async () => {
    const a2 = await w.blankOf(w.t.a2.id);
    const school = await w.blankOf(w.t.a1s1.id);
    const input = (id: string, version: number) => ({ blankId: id, version, answers: [] });
    expect(await codeOf(saveBlankAnswers({ scope: w.moA1.scope, input: input(a2.id, a2.version) }))).toBe("NOT_FOUND");
    expect(await codeOf(saveBlankAnswers({ scope: w.moA1.scope, input: input(school.id, school.version) }))).toBe("NOT_FOUND");
    expect(await codeOf(saveBlankAnswers({ scope: w.auditor.scope, input: input(a2.id, a2.version) }))).toBe("NOT_FOUND");
    expect(await codeOf(saveBlankAnswers({ scope: w.adminB.scope, input: input(a2.id, a2.version) }))).toBe("NOT_FOUND");
    expect(await codeOf(getBlank({ scope: w.adminB.scope, id: a2.id }))).toBe("NOT_FOUND");
    expect(await codeOf(getBlank({ scope: w.schoolA1.scope, id: a2.id }))).toBe("NOT_FOUND");
  });

  it("goes submitted → returned with a message → submitted → marked → accepted, every change in the history", async () => {
    let blank = await w.blankOf(w.t.a1.id);
    await submitBlank({ scope: w.moA1.scope, input: { blankId: blank.id, version: blank.version } });
    blank = await w.blankOf(w.t.a1.id);
    expect(blank.status).toBe("SUBMITTED");
    const plan = w.item("municipal", "1.2.1");
    expect(
      await codeOf(
        saveBlankAnswers({
          scope: w.moA1.scope,
          input: { blankId: blank.id, version: blank.version, answers: [{ itemKey: plan.key, value: doc() }] },
        }),
      ),
    ).toBe("CONFLICT");
    expect(await codeOf(acceptBlank({ scope: w.moA1.scope, blankId: blank.id }))).toBe("NOT_FOUND");

    await returnBlank({ scope: w.auditor.scope, input: { blankId: blank.id, message: "Укажите реквизиты плана работы (п. 1.2.1)." } });
    const returned = await getBlank({ scope: w.moA1.scope, id: blank.id });
    expect(returned.status).toBe("RETURNED");
    expect(returned.returnMessage).toBe("Укажите реквизиты плана работы (п. 1.2.1).");
    expect(returned.canFill).toBe(true);
    const note = await db().notification.findFirstOrThrow({ where: { userId: w.moA1.user.id } });
    expect(note).toMatchObject({ title: "Бланк возвращён на доработку", link: `/blanks/${blank.id}` });

    await saveBlankAnswers({
      scope: w.moA1.scope,
      input: { blankId: blank.id, version: returned.version, answers: [{ itemKey: plan.key, value: doc({ title: "План работы МЦДО" }) }] },
    });
    await submitBlank({ scope: w.moA1.scope, input: { blankId: blank.id, version: returned.version + 1 } });

    const db21 = w.item("municipal", "2.2");
    expect(
      await codeOf(markAnswer({ scope: w.auditor.scope, input: { blankId: blank.id, itemKey: db21.key, mark: "NOT_APPLICABLE" } })),
    ).toBe("ZOD");
    await markAnswer({
      scope: w.auditor.scope,
      input: { blankId: blank.id, itemKey: db21.key, mark: "MISMATCH", comment: "База не обновлялась с 2020 года" },
    });
    // Refused until every item is marked, each unmarked item keyed for the form to show it there.
    const refused = await acceptBlank({ scope: w.auditor.scope, blankId: blank.id }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "VALIDATION" });
    expect(Object.keys((refused as AppError).fieldErrors).sort()).toEqual(
      w.items.municipal
        .filter((i) => i.key !== db21.key)
        .map((i) => i.key)
        .sort(),
    );
    const { marked } = await markAllMatching({ scope: w.auditor.scope, blankId: blank.id });
    expect(marked).toBe(w.items.municipal.length - 1);
    await acceptBlank({ scope: w.auditor.scope, blankId: blank.id });
    const accepted = await getBlank({ scope: w.auditor.scope, id: blank.id });
    expect(accepted.status).toBe("ACCEPTED");
    expect(accepted.answers[db21.key]).toMatchObject({ mark: "MISMATCH", markComment: "База не обновлялась с 2020 года" });

    const history = await getItemHistory({ scope: w.moA1.scope, blankId: blank.id, itemKey: plan.key });
    expect(history.map((h) => h.field)).toEqual(["mark", "answer"]);
    expect(history[1]).toMatchObject({ before: null, userName: w.moA1.scope.name });
    expect(history[0]).toMatchObject({ after: { mark: "MATCHES", comment: null } });
  });

  it("lists the municipalities that did not submit once the deadline has passed", async () => {
    const before = await getCampaign({ scope: w.auditor.scope, id: w.campaign.id, today: "2022-11-20" });
    expect(before.notSubmitted).toEqual([]);
    const after = await getCampaign({ scope: w.auditor.scope, id: w.campaign.id, today: "2022-11-26" });
    expect(after.overdue).toBe(true);
    expect(after.notSubmitted).toEqual(["Муниципалитет A1", "Муниципалитет A2"]);
    expect(await codeOf(getCampaign({ scope: w.adminB.scope, id: w.campaign.id }))).toBe("NOT_FOUND");
  });

  it("counts and pages a campaign's participants within the caller's scope", async () => {
    const own = await getCampaign({ scope: w.moA1.scope, id: w.campaign.id, today: "2022-11-26" });
    expect(own.notSubmitted).toEqual(["Муниципалитет A1"]);
    const page = await listCampaignParticipants({ scope: w.moA1.scope, campaignId: w.campaign.id, page: 1, pageSize: 5 });
    expect(page.total).toBe(own.blanks);
    expect(new Set(page.rows.map((p) => p.municipality))).toEqual(new Set(["Муниципалитет A1"]));
    // The municipality's own blank comes first, then its schools'.
    expect(page.rows[0]).toMatchObject({ school: null, level: "MUNICIPAL" });
    const all = await getCampaign({ scope: w.auditor.scope, id: w.campaign.id });
    expect(Object.values(all.statusCounts).reduce((a, b) => a + b, 0)).toBe(all.blanks);
    expect(all.blanks).toBeGreaterThan(own.blanks);
    const foreign = await listCampaignParticipants({ scope: w.adminB.scope, campaignId: w.campaign.id, page: 1, pageSize: 5 });
    expect(foreign.total).toBe(0);
  });
});
