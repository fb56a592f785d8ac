import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { answerableItems, type TTemplateItem } from "@/lib/schemas/template";
import type { Scope } from "@/lib/scope";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { CONFLICT_MESSAGE } from "@/lib/server/blanks/save-blank-answers";
import { db } from "@/lib/server/db/client";
import { ensureMunicipality, ensurePublishedTemplate, ensureRegion } from "@/lib/server/seed/factories";
import { userWithRole } from "../support/directory";
import { useTestDatabase } from "../support/test-database";
import { bulkUsers, wideTemplate } from "../support/wide-template";
import { createCampaign, markAnswer, returnBlank, saveBlankAnswers, submitBlank } from "../support/operations";

useTestDatabase();

/** How many people race for one blank. */
const WRITERS = 50;

let regionId: string;
let templateVersionId: string;
let items: TTemplateItem[];
let auditor: { scope: Scope };

beforeAll(async () => {
  const region = await ensureRegion(db(), { code: "C50", name: "Регион гонок" });
  regionId = region.id;
  const document = wideTemplate("wide-50", WRITERS);
  const template = await ensurePublishedTemplate(db(), { regionId, document });
  templateVersionId = template.version.id;
  items = answerableItems(document.content);
  auditor = await userWithRole("auditor@concurrency.test", "REGION_AUDITOR", { regionId });
});

/** A municipality of its own with `coordinators` coordinators, and its blank of a fresh campaign. */
async function raceBlank(tag: string, coordinators: number) {
  const municipality = await ensureMunicipality(db(), { regionId, name: `Район ${tag}` });
  const people = await bulkUsers(`mo-${tag}`, coordinators, "MUNICIPAL_COORDINATOR", { regionId, municipalityId: municipality.id });
  const campaign = await createCampaign({
    scope: auditor.scope,
    input: {
      name: `Аудит ${tag}`,
      goal: "проверка одновременной работы",
      tasks: ["ничего не потерять"],
      date: "2022-12-06",
      deadline: "2022-11-25",
      templateVersionIds: [templateVersionId],
      municipalityIds: [municipality.id],
      schoolIds: [],
    },
  });
  const blank = await db().blank.findFirstOrThrow({ where: { campaignId: campaign.id } });
  return { municipality, people, blank };
}

const text = (who: string) => ({ kind: "TEXT" as const, text: `Ответ: ${who}` });

/** The outcome of each call, in the order started: its value, or the AppError it was refused with. */
async function settle<T>(calls: Array<Promise<T>>) {
  return (await Promise.allSettled(calls)).map((r) => {
    if (r.status === "fulfilled") return { ok: true as const, value: r.value };
    if (r.reason instanceof AppError) return { ok: false as const, code: r.reason.code, message: r.reason.message };
    throw r.reason;
  });
}

const storedAnswers = (blankId: string) =>
  db().answer.findMany({ where: { blankId }, select: { itemKey: true, value: true, mark: true, status: true, updatedById: true } });
const history = (blankId: string) =>
  db().answerChange.findMany({
    where: { blankId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { itemKey: true, field: true, after: true, userId: true },
  });

describe(`${WRITERS} coordinators saving one blank at once`, () => {
  let race: Awaited<ReturnType<typeof raceBlank>>;
  let winner: number;
  const start = 0;

  it("from the same version: exactly one lands, the others get the conflict and write nothing", async () => {
    race = await raceBlank("saves", WRITERS);
    expect(race.blank.version).toBe(start);
    const outcomes = await settle(
      race.people.map(({ scope }, i) =>
        saveBlankAnswers({
          scope,
          input: { blankId: race.blank.id, version: start, answers: [{ itemKey: items[i]!.key, value: text(scope.name) }] },
        }),
      ),
    );

    const landed = outcomes.flatMap((o, i) => (o.ok ? [i] : []));
    expect(landed).toHaveLength(1);
    winner = landed[0]!;
    expect(outcomes[winner]).toEqual({ ok: true, value: { version: start + 1 } });
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused).toHaveLength(WRITERS - 1);
    for (const o of refused) expect(o).toEqual({ ok: false, code: "CONFLICT", message: CONFLICT_MESSAGE });

    const blank = await db().blank.findUniqueOrThrow({ where: { id: race.blank.id } });
    expect(blank.version).toBe(start + 1);
    expect(blank.status).toBe("IN_PROGRESS");
    const who = race.people[winner]!;
    expect(await storedAnswers(race.blank.id)).toEqual([
      { itemKey: items[winner]!.key, value: text(who.scope.name), mark: null, status: null, updatedById: who.user.id },
    ]);
    expect(await history(race.blank.id)).toEqual([
      { itemKey: items[winner]!.key, field: "answer", after: text(who.scope.name), userId: who.user.id },
    ]);
  });

  it("each refused writer retries from the fresh version until it lands: every change saved, and recorded, once", async () => {
    let attempts = 0;
    let conflicts = 0;
    const retry = async (i: number) => {
      const { scope } = race.people[i]!;
      for (;;) {
        if (++attempts > WRITERS * WRITERS) throw new Error("the writers do not make progress");
        const { version } = await db().blank.findUniqueOrThrow({ where: { id: race.blank.id }, select: { version: true } });
        try {
          return await saveBlankAnswers({
            scope,
            input: { blankId: race.blank.id, version, answers: [{ itemKey: items[i]!.key, value: text(scope.name) }] },
          });
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== "CONFLICT" || error.message !== CONFLICT_MESSAGE) throw error;
          conflicts++;
        }
      }
    };
    // The refused writers retry concurrently, ten in flight at a time — what the app's connection pool
    // serves a process; more would only queue for a connection with a version already stale.
    const waiting = race.people.map((_, i) => i).filter((i) => i !== winner);
    const saved: Array<{ version: number }> = [];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let i = waiting.shift(); i !== undefined; i = waiting.shift()) saved.push(await retry(i));
      }),
    );

    // Each landing took the blank one version further: 49 distinct versions, 50 in all with the first winner's.
    expect(new Set(saved.map((s) => s.version)).size).toBe(WRITERS - 1);
    const blank = await db().blank.findUniqueOrThrow({ where: { id: race.blank.id } });
    expect(blank.version).toBe(start + WRITERS);
    expect(conflicts).toBeGreaterThan(0);

    const answers = await storedAnswers(race.blank.id);
    expect(answers).toHaveLength(WRITERS);
    const changes = await history(race.blank.id);
    expect(changes).toHaveLength(WRITERS);
    race.people.forEach(({ user, scope }, i) => {
      expect(answers.find((a) => a.itemKey === items[i]!.key)).toMatchObject({ value: text(scope.name), updatedById: user.id });
      expect(changes.filter((c) => c.itemKey === items[i]!.key)).toEqual([
        { itemKey: items[i]!.key, field: "answer", after: text(scope.name), userId: user.id },
      ]);
    });
  });
});

describe("sending for review while colleagues save", () => {
  it("one submit and 49 saves from the same version: exactly one of them lands, and the blank shows only that one", async () => {
    const race = await raceBlank("submit", WRITERS);
    const [submitter, ...savers] = race.people;
    // Something to send: the first item answered.
    const { version } = await saveBlankAnswers({
      scope: submitter!.scope,
      input: { blankId: race.blank.id, version: race.blank.version, answers: [{ itemKey: items[0]!.key, value: text("первый") }] },
    });
    const calls = savers.map(({ scope }, i) =>
      saveBlankAnswers({
        scope,
        input: { blankId: race.blank.id, version, answers: [{ itemKey: items[i + 1]!.key, value: text(scope.name) }] },
      }),
    );
    // The submit starts in the middle of the saves.
    calls.splice(savers.length / 2, 0, submitBlank({ scope: submitter!.scope, input: { blankId: race.blank.id, version } }));
    const outcomes = await settle(calls);

    const landed = outcomes.flatMap((o, i) => (o.ok ? [i] : []));
    expect(landed).toHaveLength(1);
    for (const o of outcomes.filter((x) => !x.ok)) expect(o).toMatchObject({ code: "CONFLICT" });
    const blank = await db().blank.findUniqueOrThrow({ where: { id: race.blank.id } });
    expect(blank.version).toBe(version + 1);
    const answered = (await storedAnswers(race.blank.id)).filter((a) => a.value !== null).map((a) => a.itemKey);
    const submitAt = savers.length / 2;
    if (landed[0] === submitAt) {
      // The submit won: sent as it was, no colleague's answer slipped in after it.
      expect(blank.status).toBe("SUBMITTED");
      expect(answered).toEqual([items[0]!.key]);
    } else {
      const saver = landed[0]! < submitAt ? landed[0]! : landed[0]! - 1;
      expect(blank.status).toBe("IN_PROGRESS");
      expect(answered.sort()).toEqual([items[0]!.key, items[saver + 1]!.key].sort());
    }
  });
});

/** A blank with every item answered and sent for review; marked «соответствует» throughout unless `unmarked`. */
async function submittedBlank(tag: string, unmarked = false) {
  const race = await raceBlank(tag, 1);
  const coordinator = race.people[0]!;
  const { version } = await saveBlankAnswers({
    scope: coordinator.scope,
    input: {
      blankId: race.blank.id,
      version: race.blank.version,
      answers: items.map((item) => ({ itemKey: item.key, value: text(item.number) })),
    },
  });
  await submitBlank({ scope: coordinator.scope, input: { blankId: race.blank.id, version } });
  if (!unmarked) await markAllMatching({ scope: auditor.scope, blankId: race.blank.id });
  return { ...race, coordinator };
}

describe("auditors reviewing one blank at once", () => {
  it(`${WRITERS} acceptances at once: one lands; the blank is accepted once, with one history row and one notification`, async () => {
    const { blank, coordinator } = await submittedBlank("accepts");
    const auditors = await bulkUsers("auditor-accepts", WRITERS, "REGION_AUDITOR", { regionId });
    const before = await db().blank.findUniqueOrThrow({ where: { id: blank.id } });
    const outcomes = await settle(auditors.map(({ scope }) => acceptBlank({ scope, blankId: blank.id })));

    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    for (const o of outcomes.filter((x) => !x.ok)) expect(o).toMatchObject({ code: "CONFLICT" });
    const after = await db().blank.findUniqueOrThrow({ where: { id: blank.id } });
    expect(after.status).toBe("ACCEPTED");
    expect(after.version).toBe(before.version + 1);
    expect((await history(blank.id)).filter((c) => c.field === "status" && c.after === "ACCEPTED")).toHaveLength(1);
    expect(await db().notification.count({ where: { userId: coordinator.user.id, title: "Бланк принят" } })).toBe(1);
    expect(await db().finding.count({ where: { blankId: blank.id } })).toBe(0);
  });

  it(`${WRITERS} returns at once: one lands; the blank is returned once, with one history row and one notification`, async () => {
    const { blank, coordinator } = await submittedBlank("returns");
    const auditors = await bulkUsers("auditor-returns", WRITERS, "REGION_AUDITOR", { regionId });
    const before = await db().blank.findUniqueOrThrow({ where: { id: blank.id } });
    const outcomes = await settle(
      auditors.map(({ scope }) => returnBlank({ scope, input: { blankId: blank.id, message: `Исправьте: ${scope.name}` } })),
    );

    const landed = outcomes.flatMap((o, i) => (o.ok ? [i] : []));
    expect(landed).toHaveLength(1);
    for (const o of outcomes.filter((x) => !x.ok)) {
      expect(o).toEqual({ ok: false, code: "CONFLICT", message: "Вернуть можно только бланк, отправленный на проверку или принятый." });
    }
    const after = await db().blank.findUniqueOrThrow({ where: { id: blank.id } });
    expect(after).toMatchObject({
      status: "RETURNED",
      version: before.version + 1,
      returnMessage: `Исправьте: ${auditors[landed[0]!]!.scope.name}`,
    });
    expect((await history(blank.id)).filter((c) => c.field === "status" && c.after === "RETURNED")).toHaveLength(1);
    expect(await db().notification.count({ where: { userId: coordinator.user.id, title: "Бланк возвращён на доработку" } })).toBe(1);
  });

  it("«все соответствуют» racing 49 single marks: no auditor's mark is overwritten, every item ends up marked", async () => {
    const { blank } = await submittedBlank("mark-all", true);
    const auditors = await bulkUsers("auditor-mark-all", WRITERS, "REGION_AUDITOR", { regionId });
    const single = items.slice(0, WRITERS - 1);
    const calls: Array<Promise<unknown>> = single.map((item, i) =>
      markAnswer({ scope: auditors[i]!.scope, input: { blankId: blank.id, itemKey: item.key, mark: "MISMATCH", comment: "" } }),
    );
    const allAt = Math.floor(single.length / 2);
    calls.splice(allAt, 0, markAllMatching({ scope: auditors[WRITERS - 1]!.scope, blankId: blank.id }));
    const outcomes = await settle(calls);
    expect(outcomes.every((o) => o.ok)).toBe(true);

    const answers = new Map((await storedAnswers(blank.id)).map((a) => [a.itemKey, a]));
    for (const item of single) expect(answers.get(item.key)!.mark).toBe("MISMATCH");
    expect(answers.get(items[WRITERS - 1]!.key)!.mark).toBe("MATCHES");
    // «все соответствуют» marked exactly the items nobody had marked yet, and the history says so.
    const changes = (await history(blank.id)).filter((c) => c.field === "mark");
    const matched = changes.filter((c) => (c.after as { mark: string }).mark === "MATCHES");
    expect(outcomes[allAt]).toEqual({ ok: true, value: { marked: matched.length } });
    for (const item of single) {
      const own = changes.filter((c) => c.itemKey === item.key).map((c) => (c.after as { mark: string }).mark);
      expect(own.at(-1)).toBe("MISMATCH");
    }
    expect(await db().blank.findUniqueOrThrow({ where: { id: blank.id } })).toMatchObject({ status: "SUBMITTED", score: 2 });
  });

  it("marks racing an acceptance: whichever wins, the accepted blank's marks, score and findings agree", async () => {
    const { blank } = await submittedBlank("marks");
    const auditors = await bulkUsers("auditor-marks", WRITERS, "REGION_AUDITOR", { regionId });
    // 44 auditors mark an item «не соответствует», 5 take their mark off, one accepts in the middle.
    const CLEARING = 5;
    const marks = items.slice(0, WRITERS - 1).map((item, i) => ({
      itemKey: item.key,
      mark: i < WRITERS - 1 - CLEARING ? ("MISMATCH" as const) : null,
      comment: "",
    }));
    const calls: Array<Promise<unknown>> = marks.map((m, i) =>
      markAnswer({ scope: auditors[i]!.scope, input: { blankId: blank.id, ...m } }),
    );
    const acceptAt = Math.floor(marks.length / 2);
    calls.splice(acceptAt, 0, acceptBlank({ scope: auditors[WRITERS - 1]!.scope, blankId: blank.id }));
    const outcomes = await settle(calls);
    const accept = outcomes[acceptAt]!;
    const markOutcomes = outcomes.filter((_, i) => i !== acceptAt);

    const after = await db().blank.findUniqueOrThrow({ where: { id: blank.id } });
    const answers = new Map((await storedAnswers(blank.id)).map((a) => [a.itemKey, a]));
    const changes = await history(blank.id);
    const landed = marks.filter((_, i) => markOutcomes[i]!.ok);
    const refused = marks.filter((_, i) => !markOutcomes[i]!.ok);

    // A mark either landed — stored and in the history once — or was refused and left nothing.
    for (const m of landed) {
      expect(answers.get(m.itemKey)!.mark).toBe(m.mark);
      // «все соответствуют» first, then this auditor's mark.
      expect(changes.filter((c) => c.field === "mark" && c.itemKey === m.itemKey).map((c) => c.after)).toEqual([
        { mark: "MATCHES", comment: null },
        m.mark ? { mark: m.mark, comment: null } : null,
      ]);
    }
    for (const m of refused) {
      expect(answers.get(m.itemKey)!.mark).toBe("MATCHES");
      expect(changes.filter((c) => c.field === "mark" && c.itemKey === m.itemKey)).toHaveLength(1); // the «все соответствуют» mark only
    }
    for (const o of markOutcomes.filter((x) => !x.ok)) {
      expect(o).toEqual({ ok: false, code: "CONFLICT", message: "Отмечать можно только бланк, отправленный на проверку." });
    }

    const findings = await db().finding.findMany({ where: { blankId: blank.id }, select: { itemKey: true, status: true } });
    if (accept.ok) {
      // Accepted: no mark changed after it, none is missing, and the findings are exactly its «не соответствует» items.
      expect(after.status).toBe("ACCEPTED");
      expect([...answers.values()].every((a) => a.mark !== null)).toBe(true);
      const mismatched = [...answers.values()]
        .filter((a) => a.mark === "MISMATCH")
        .map((a) => a.itemKey)
        .sort();
      expect(findings.map((f) => f.itemKey).sort()).toEqual(mismatched);
      expect(findings.every((f) => f.status === "MISMATCH")).toBe(true);
      for (const a of answers.values()) expect(a.status).toBe(a.mark === "MISMATCH" ? "MISMATCH" : "COMPLIANT");
      expect(after.score).toBeCloseTo(((WRITERS - mismatched.length) * 100) / WRITERS, 6);
    } else {
      // Refused: a mark was taken off before it could accept, and the blank waits for review as it was.
      expect(accept).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringMatching(/^Отметьте соответствие/) });
      expect(after.status).toBe("SUBMITTED");
      expect(landed.some((m) => m.mark === null)).toBe(true);
      expect(refused).toEqual([]);
      expect(findings).toEqual([]);
    }
  });
});
