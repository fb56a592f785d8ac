import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TBlankAnswer } from "@/lib/schemas/blank";
import type { Scope } from "@/lib/scope";
import { importBlankDocx } from "@/lib/server/blanks/import-blank-docx";
import { db } from "@/lib/server/db/client";
import { storeFile } from "@/lib/server/files/store-file";
import { buildBlankForm } from "@/lib/server/templates/build-blank-form";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { useScratchStorage } from "../support/scratch-storage";
import { useTestDatabase } from "../support/test-database";

useTestDatabase();
useScratchStorage("blank-round-trip-");
const dir = mkdtempSync(path.join(os.tmpdir(), "blank-round-trip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let w: CampaignWorld;
beforeAll(async () => {
  w = await buildCampaignWorld("round-trip");
});

/** What the user types into a row of the empty blank: into the requisites/count column (2) or the presence column (3). */
interface Typed {
  number: string;
  title?: string;
  column: 2 | 3;
  text: string;
}

const doc = (fields: Partial<Extract<TBlankAnswer, { kind: "DOCUMENT" }>>): TBlankAnswer => ({
  kind: "DOCUMENT",
  present: true,
  docType: "",
  issuer: "",
  date: null,
  number: "",
  title: "",
  fileId: null,
  ...fields,
});

/**
 * The app's empty blank of the participant's blank as DOCX, filled the way a user does in Word
 * (tests/fixtures/blank-docx/fill-in-word.py), loaded back: the answers stored, item by item.
 */
async function roundTrip(blankId: string, scope: Scope, typed: Typed[]) {
  const form = await buildBlankForm({ scope, which: { blankId }, format: "docx" });
  const empty = path.join(dir, `${blankId}-empty.docx`);
  const filled = path.join(dir, `${blankId}-filled.docx`);
  const fills = path.join(dir, `${blankId}.json`);
  writeFileSync(empty, form.bytes);
  writeFileSync(fills, JSON.stringify(typed));
  const run = spawnSync("python3", ["tests/fixtures/blank-docx/fill-in-word.py", empty, filled, fills], { encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);

  const blank = await db().blank.findUniqueOrThrow({ where: { id: blankId } });
  const owner = { regionId: blank.regionId, municipalityId: blank.municipalityId, organizationId: blank.organizationId };
  const file = await storeFile({ scope, owner, name: "бланк из Word.docx", bytes: readFileSync(filled), allowed: ["DOCX"] });
  await importBlankDocx({ scope, input: { blankId, fileId: file.id, version: blank.version } });
  const answers = await db().answer.findMany({ where: { blankId } });
  return new Map(answers.map((a) => [a.itemKey, a.value]));
}

describe("round trip: the app's empty blank as DOCX → filled in Word → loaded back", () => {
  it("the school blank: requisites in the cells, «✓» and «нет» in the presence column, counts", async () => {
    const blank = await w.blankOf(w.t.a1s1.id);
    const stored = await roundTrip(blank.id, w.schoolA1.scope, [
      { number: "1.1", column: 2, text: "Соглашение о сетевом взаимодействии от 01.09.2022 № 5" },
      { number: "1.2", column: 3, text: "нет" },
      { number: "2.1", column: 3, text: "✓" },
      { number: "3.1", column: 2, text: "Приказ МБОУ СОШ № 3 от 30.08.2022 № 145 «Об организации обучения детей-инвалидов»" },
      { number: "3.1", column: 3, text: "✓" },
      { number: "3.2", column: 2, text: "Приказ от 30.08.2022 № 146\n«О назначении школьного координатора»" },
      { number: "4.1", column: 2, text: "12" },
      { number: "4.2", column: 2, text: "3 чел." },
      { number: "4.3", column: 3, text: "✓" },
      { number: "5.1", column: 2, text: "7" },
      { number: "5.2", column: 3, text: "нет" },
      { number: "6", column: 3, text: "+" },
    ]);
    const intended: Array<[string, TBlankAnswer | undefined]> = [
      ["1.1", doc({ docType: "Соглашение", date: "2022-09-01", number: "5", title: "о сетевом взаимодействии" })],
      ["1.2", doc({ present: false })],
      ["2.1", doc({})],
      [
        "3.1",
        doc({
          docType: "Приказ",
          issuer: "МБОУ СОШ № 3",
          date: "2022-08-30",
          number: "145",
          title: "Об организации обучения детей-инвалидов",
        }),
      ],
      ["3.2", doc({ docType: "Приказ", date: "2022-08-30", number: "146", title: "О назначении школьного координатора" })],
      // Left empty in Word: nothing saved.
      ["3.3", undefined],
      ["4.1", { kind: "COUNT", count: 12 }],
      ["4.2", { kind: "COUNT", count: 3 }],
      ["4.3", { kind: "PRESENCE", present: true }],
      ["5.1", { kind: "COUNT", count: 7 }],
      ["5.2", { kind: "PRESENCE", present: false }],
      ["6", { kind: "PRESENCE", present: true }],
    ];
    expect(w.items.school.map((i) => i.number)).toEqual(intended.map(([number]) => number));
    for (const [number, answer] of intended) expect([number, stored.get(w.item("school", number).key)]).toEqual([number, answer]);
  });

  it("the municipal blank: seed 000's two «1.1.1» each filled by its title, the criteria under their own header", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const stored = await roundTrip(blank.id, w.moA1.scope, [
      { number: "1.1.1", title: "работы БШ", column: 2, text: "Приказ УО от 29.08.2022 № 70 «Об организации работы базовых школ»" },
      {
        number: "1.1.1",
        title: "координатора",
        column: 2,
        text: "Приказ УО от 01.09.2022 № 77 «О назначении муниципального координатора»",
      },
      { number: "1.2.1", column: 3, text: "✓" },
      { number: "1.2.2", column: 3, text: "нет" },
      { number: "2.1", column: 2, text: "4" },
      { number: "2.2", column: 3, text: "да" },
      { number: "2.3", column: 2, text: "31" },
      { number: "2.3.1", column: 3, text: "✓" },
      { number: "2.3.2", column: 2, text: "2" },
    ]);
    const order = (number: string, date: string, title: string) => doc({ docType: "Приказ", issuer: "УО", date, number, title });
    expect(stored.get(w.item("municipal", "1.1.1", 0).key)).toEqual(order("70", "2022-08-29", "Об организации работы базовых школ"));
    expect(stored.get(w.item("municipal", "1.1.1", 1).key)).toEqual(order("77", "2022-09-01", "О назначении муниципального координатора"));
    expect(stored.get(w.item("municipal", "1.2.1").key)).toEqual(doc({}));
    expect(stored.get(w.item("municipal", "1.2.2").key)).toEqual(doc({ present: false }));
    expect(stored.get(w.item("municipal", "2.1").key)).toEqual({ kind: "COUNT", count: 4 });
    expect(stored.get(w.item("municipal", "2.2").key)).toEqual(doc({}));
    expect(stored.get(w.item("municipal", "2.3").key)).toEqual({ kind: "COUNT", count: 31 });
    expect(stored.get(w.item("municipal", "2.3.1").key)).toEqual({ kind: "PRESENCE", present: true });
    expect(stored.get(w.item("municipal", "2.3.2").key)).toEqual({ kind: "COUNT", count: 2 });
  });
});
