import { beforeAll, describe, expect, it } from "vitest";
import type { TBlankAnswer } from "@/lib/schemas/blank";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { db } from "@/lib/server/db/client";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { useTestDatabase } from "../support/test-database";
import { markAnswer, returnBlank, saveBlankAnswers, submitBlank } from "../support/operations";

useTestDatabase();

let w: CampaignWorld;
beforeAll(async () => {
  w = await buildCampaignWorld("sc");
  await db().recommendationDefault.create({
    data: { regionId: w.t.regionA.id, status: "ABSENT", text: "Разработать и утвердить план работы по направлению." },
  });
});

const doc = (present = true): TBlankAnswer => ({
  kind: "DOCUMENT",
  present,
  docType: "Приказ",
  issuer: "УО",
  date: present ? "2022-08-30" : null,
  number: present ? "5" : "",
  title: "",
  fileId: null,
});

async function fillAndSubmit(answers: Array<[string, TBlankAnswer]>) {
  const blank = await w.blankOf(w.t.a1.id);
  const saved = await saveBlankAnswers({
    scope: w.moA1.scope,
    input: {
      blankId: blank.id,
      version: blank.version,
      answers: answers.map(([number, value]) => ({ itemKey: w.item("municipal", number).key, value })),
    },
  });
  await submitBlank({ scope: w.moA1.scope, input: { blankId: blank.id, version: saved.version } });
  return blank.id;
}

describe("stored scores and findings", () => {
  it("score a blank on submission, with a status for every item, unanswered ones included", async () => {
    const blankId = await fillAndSubmit([
      ["1.2.1", doc(false)],
      ["1.2.2", doc()],
      ["2.1", { kind: "COUNT", count: 1 }],
    ]);
    const blank = await db().blank.findUniqueOrThrow({ where: { id: blankId }, include: { answers: true } });
    expect(blank.answers).toHaveLength(9);
    const byNumber = (n: string, nth = 0) => blank.answers.find((a) => a.itemKey === w.item("municipal", n, nth).key)!.status;
    expect([byNumber("1.2.1"), byNumber("1.2.2"), byNumber("2.1"), byNumber("2.3.2")]).toEqual([
      "ABSENT",
      "COMPLIANT",
      "COMPLIANT",
      "NOT_ANSWERED",
    ]);
    expect(blank.score).toBe(22.2);
    expect(blank.grade).toBe("не соответствует");
  });

  it("rescore on each mark and store findings on acceptance, with a deadline 30 days on", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    await markAnswer({
      scope: w.auditor.scope,
      input: { blankId: blank.id, itemKey: w.item("municipal", "2.1").key, mark: "PARTIAL", comment: "Одна из школ не БШ" },
    });
    expect((await w.blankOf(w.t.a1.id)).score).toBe(16.7);
    await markAllMatching({ scope: w.auditor.scope, blankId: blank.id });
    await acceptBlank({ scope: w.auditor.scope, blankId: blank.id });
    const accepted = await w.blankOf(w.t.a1.id);
    const findings = await db().finding.findMany({ where: { blankId: blank.id }, orderBy: { itemNumber: "asc" } });
    expect(findings.map((f) => [f.itemNumber, f.status, f.severity])).toEqual([
      ["1.1.1", "NOT_ANSWERED", "LOW"],
      ["1.1.1", "NOT_ANSWERED", "LOW"],
      ["1.2.1", "ABSENT", "HIGH"],
      ["2.1", "PARTIAL", "MEDIUM"],
      ["2.2", "NOT_ANSWERED", "LOW"],
      ["2.3", "NOT_ANSWERED", "LOW"],
      ["2.3.1", "NOT_ANSWERED", "LOW"],
      ["2.3.2", "NOT_ANSWERED", "LOW"],
    ]);
    const absent = findings.find((f) => f.status === "ABSENT")!;
    expect(absent.recommendation).toBe("Разработать и утвердить план работы по направлению.");
    expect(absent.remediationStatus).toBe("OPEN");
    expect(absent.deadline.toISOString().slice(0, 10)).toBe(
      new Date(accepted.acceptedAt!.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
    );
    expect(findings.every((f) => f.municipalityId === w.t.a1.id && f.campaignId === w.campaign.id)).toBe(true);
  });

  it("recompute findings when a reopened blank is accepted again, keeping remediation in progress", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const partial = await db().finding.findFirstOrThrow({ where: { blankId: blank.id, itemNumber: "2.1" } });
    await db().finding.update({ where: { id: partial.id }, data: { remediationStatus: "FIXED", evidenceComment: "Исправлено" } });

    await returnBlank({ scope: w.auditor.scope, input: { blankId: blank.id, message: "Дополните пункты 1.1.1 и 1.2.1." } });
    const reopened = await w.blankOf(w.t.a1.id);
    expect(reopened.status).toBe("RETURNED");
    const saved = await saveBlankAnswers({
      scope: w.moA1.scope,
      input: {
        blankId: blank.id,
        version: reopened.version,
        answers: [
          { itemKey: w.item("municipal", "1.2.1").key, value: doc() },
          { itemKey: w.item("municipal", "1.1.1", 0).key, value: doc() },
          { itemKey: w.item("municipal", "1.1.1", 1).key, value: doc() },
        ],
      },
    });
    // The changed answers lost their old marks; the unchanged ones kept theirs.
    const marks = await db().answer.findMany({ where: { blankId: blank.id }, select: { itemKey: true, mark: true } });
    const markOf = (n: string) => marks.find((m) => m.itemKey === w.item("municipal", n).key)!.mark;
    expect([markOf("1.2.1"), markOf("2.1"), markOf("1.2.2")]).toEqual([null, "PARTIAL", "MATCHES"]);
    await submitBlank({ scope: w.moA1.scope, input: { blankId: blank.id, version: saved.version } });
    await markAllMatching({ scope: w.auditor.scope, blankId: blank.id });
    await acceptBlank({ scope: w.auditor.scope, blankId: blank.id });

    const findings = await db().finding.findMany({ where: { blankId: blank.id } });
    const numbers = findings.map((f) => f.itemNumber).sort();
    expect(numbers).toEqual(["2.1", "2.2", "2.3", "2.3.1", "2.3.2"]);
    expect(findings.find((f) => f.itemNumber === "2.1")).toMatchObject({
      id: partial.id,
      remediationStatus: "FIXED",
      evidenceComment: "Исправлено",
    });
    expect((await w.blankOf(w.t.a1.id)).score).toBe(50);
  });
});
