import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { useTestDatabase } from "../support/test-database";
import { saveBlankAnswers } from "../support/operations";

/**
 * What the audit trail adds to an autosave: the same saves through the client with the
 * trail (db()) and through a plain client on the same database, alternating rounds so
 * that the machine's noise falls on both. Measured and printed, not asserted: these
 * machines are shared. Only that the trail is written, and written only when on, is checked.
 */
const url = useTestDatabase();

const holder = globalThis as unknown as { metodauditDb?: PrismaClient };
let w: CampaignWorld;
let plain: PrismaClient;

beforeAll(async () => {
  w = await buildCampaignWorld("ov");
  plain = new PrismaClient({ adapter: new PrismaPg({ connectionString: url(), max: 10 }) });
});
afterAll(async () => {
  await plain.$disconnect();
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe("the audit trail's cost on an autosave", () => {
  it("times saves of 1 changed answer and of the whole form with and without the trail", async () => {
    const audited = db();
    const blank = await w.blankOf(w.t.a1.id);
    // Every answerable item of the seed's municipal blank (9): a save of the whole form.
    const items = w.items.municipal;
    const all = items.length;
    expect(all).toBeGreaterThan(5);
    const answerValue = (kind: string, n: number) =>
      kind === "COUNT"
        ? { kind: "COUNT" as const, count: n }
        : kind === "TEXT"
          ? { kind: "TEXT" as const, text: `Ответ ${n}` }
          : kind === "PRESENCE"
            ? { kind: "PRESENCE" as const, present: n % 2 === 0 }
            : {
                kind: "DOCUMENT" as const,
                present: true,
                docType: "Приказ",
                issuer: "УО",
                date: "2022-08-30",
                number: String(n),
                title: "О работе",
                fileId: null,
              };
    let version = blank.version;
    let n = 0;
    const save = async (changed: number) => {
      n += 1;
      const answers = items.slice(0, changed).map((item) => ({ itemKey: item.key, value: answerValue(item.kind, n) }));
      const started = performance.now();
      ({ version } = await saveBlankAnswers({ scope: w.moA1.scope, input: { blankId: blank.id, version, answers } }));
      return performance.now() - started;
    };
    const times: Record<string, number[]> = { "1 audited": [], "1 plain": [], [`${all} audited`]: [], [`${all} plain`]: [] };
    const round = async (trail: boolean, changed: number, runs: number) => {
      holder.metodauditDb = trail ? audited : plain;
      try {
        for (let i = 0; i < runs; i++) times[`${changed} ${trail ? "audited" : "plain"}`]!.push(await save(changed));
      } finally {
        holder.metodauditDb = audited;
      }
    };
    // Warm-up: first queries compile their plans.
    await round(true, all, 3);
    await round(false, all, 3);
    for (const k of Object.keys(times)) times[k] = [];

    const eventsBefore = await audited.auditEvent.count();
    for (let r = 0; r < 5; r++) {
      await round(false, 1, 10);
      await round(true, 1, 10);
      await round(false, all, 4);
      await round(true, all, 4);
    }
    const eventsAfter = await audited.auditEvent.count();
    // Audited saves only: each writes the blank's claim and one event per changed answer.
    expect(eventsAfter - eventsBefore).toBe(5 * (10 * (1 + 1) + 4 * (1 + all)));

    const summary = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, { median: +median(v).toFixed(1), runs: v.length }]));
    console.log(`[audit overhead] autosave, ms: ${JSON.stringify(summary)}`);
  });
});
