import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/blanks/[id]/docx-import/route";
import type { DocxImportPreview } from "@/lib/domain/blanks/docx-import/preview";
import { OWN_WORK_MESSAGE } from "@/lib/domain/separation-of-duties";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { getScope } from "@/lib/server/auth/get-scope";
import { importBlankDocx } from "@/lib/server/blanks/import-blank-docx";
import { CONFLICT_MESSAGE } from "@/lib/server/blanks/save-blank-answers";
import { db } from "@/lib/server/db/client";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { runCli } from "../support/cli";
import { useScratchStorage } from "../support/scratch-storage";
import { useTestDatabase } from "../support/test-database";
import { markAnswer, submitBlank } from "../support/operations";

vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

const databaseUrl = useTestDatabase();
const storageDir = useScratchStorage("blank-docx-");

let w: CampaignWorld;
beforeAll(async () => {
  w = await buildCampaignWorld("docx");
});

const FIXTURES = path.join(process.cwd(), "tests/fixtures/blank-docx");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const as = (scope: Scope | null) => vi.mocked(getScope).mockResolvedValue(scope);
const APP = "http://localhost:3000";

/** The dialog's upload: the file, as the browser sends it. */
function upload(blankId: string, name: string, bytes = fixture(name)) {
  const form = new FormData();
  form.set("file", new File([bytes], name, { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
  const request = new Request(`${APP}/api/blanks/${blankId}/docx-import`, { method: "POST", headers: { origin: APP }, body: form });
  return POST(request, { params: Promise.resolve({ id: blankId }) });
}
type Previewed = { file: { id: string; name: string }; version: number; preview: DocxImportPreview };

/** What a save leaves behind: the answers, the blank's version, its history, the files it owns. */
async function stateOf(blankId: string) {
  const [answers, blank, history, files] = await Promise.all([
    db().answer.findMany({ where: { blankId }, orderBy: { itemKey: "asc" }, select: { itemKey: true, value: true } }),
    db().blank.findUniqueOrThrow({ where: { id: blankId }, select: { version: true, status: true } }),
    db().answerChange.count({ where: { blankId } }),
    db().storedFile.count({ where: { ownerKind: "BLANK", ownerId: blankId } }),
  ]);
  return { answers, ...blank, history, files };
}

describe("«Загрузить бланк из Word»: the preview (POST /api/blanks/<id>/docx-import)", () => {
  it("reads the school coordinator's Word blank item by item, keeps the file for the confirmation, and changes nothing", async () => {
    const blank = await w.blankOf(w.t.a1s1.id);
    const before = await stateOf(blank.id);
    as(w.schoolA1.scope);
    const response = await upload(blank.id, "school-seed-filled.docx");
    expect(response.status).toBe(200);
    const body = (await response.json()) as Previewed;
    expect(body.version).toBe(blank.version);
    expect(body.preview.summary).toEqual({ toChange: 10, same: 0, unread: 1, empty: 1, missing: 0, unmatched: 1 });
    const item = (number: string) => body.preview.items.find((i) => i.number === number)!;
    expect(item("3.1")).toMatchObject({
      change: "new",
      read: {
        docType: "Приказ",
        issuer: "МБОУ СОШ № 3",
        date: "2022-08-30",
        number: "145",
        title: "Об организации обучения детей-инвалидов",
      },
    });
    expect(item("4.2").problems).toEqual(["Численность не прочитана: «двенадцать» — впишите число цифрами, например «12»."]);
    expect(body.preview.unmatched).toEqual([expect.objectContaining({ text: "7 | Журнал посещаемости | ✓" })]);

    expect(await stateOf(blank.id)).toEqual(before);
    // The file is the uploader's alone until the confirmation claims it.
    expect(await db().storedFile.findUniqueOrThrow({ where: { id: body.file.id } })).toMatchObject({
      name: "school-seed-filled.docx",
      ownerId: null,
      uploadedById: w.schoolA1.user.id,
    });
  });

  it("a macro-enabled file is refused in Russian (422) and nothing is kept", async () => {
    const blank = await w.blankOf(w.t.a1s1.id);
    const files = await db().storedFile.count();
    as(w.schoolA1.scope);
    const response = await upload(blank.id, "blank-with-macros.docm");
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { file: [expect.stringMatching(/макрос/)] } });
    expect(await db().storedFile.count()).toBe(files);
  });

  it.each(["bomb.docx", "lying-bomb.docx", "dotdot-name.docx", "slash-name.docx", "macros.docm", "encrypted.docx", "legacy.doc"])(
    "a hostile or unreadable Word file (%s, tests/fixtures/docx) is refused in Russian within a second, nothing kept",
    async (name) => {
      const blank = await w.blankOf(w.t.a1s1.id);
      const files = await db().storedFile.count();
      as(w.schoolA1.scope);
      const started = performance.now();
      const response = await upload(blank.id, name, new Uint8Array(readFileSync(path.join(FIXTURES, "../docx", name))));
      expect(performance.now() - started).toBeLessThan(1000);
      expect(response.status).toBe(422);
      expect((await response.json()).error.message).toMatch(/[А-Яа-я]/);
      expect(await db().storedFile.count()).toBe(files);
    },
  );

  it("a Word file without the blank's table says what it looks for", async () => {
    const blank = await w.blankOf(w.t.a1s1.id);
    as(w.schoolA1.scope);
    const response = await upload(blank.id, "letter-without-table.docx");
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(
      /^В документе не найдена таблица бланка: нужна строка заголовка с колонками «№ п\/п»/,
    );
  });

  it("another municipality's coordinator and another region's admin: 404, as for a blank that does not exist", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    for (const scope of [w.moA2.scope, w.adminB.scope, w.schoolA1.scope]) {
      as(scope);
      const response = await upload(blank.id, "municipal-seed-typed.docx");
      expect(response.status).toBe(404);
    }
  });
});

describe("the confirmation (importBlankDocx)", () => {
  it("one save: the answers as read, one history entry each noting the Word file, the file attached to the blank", async () => {
    const blank = await w.blankOf(w.t.a1s1.id);
    as(w.schoolA1.scope);
    const { file, version, preview } = (await (await upload(blank.id, "school-seed-filled.docx")).json()) as Previewed;
    const result = await importBlankDocx({ scope: w.schoolA1.scope, input: { blankId: blank.id, fileId: file.id, version } });
    expect(result).toEqual({ version: version + 1, applied: 10 });

    const after = await stateOf(blank.id);
    expect(after).toMatchObject({ version: version + 1, status: "IN_PROGRESS", history: 10, files: 1 });
    const stored = new Map(after.answers.map((a) => [a.itemKey, a.value]));
    for (const item of preview.items) expect(stored.get(item.itemKey) ?? null).toEqual(item.read);
    expect(stored.get(w.item("school", "4.1").key)).toEqual({ kind: "COUNT", count: 12 });
    expect(stored.get(w.item("school", "1.2").key)).toMatchObject({ kind: "DOCUMENT", present: false });

    const history = await db().answerChange.findMany({ where: { blankId: blank.id } });
    expect(new Set(history.map((h) => [h.field, h.userName, h.note].join(" | ")))).toEqual(
      new Set([`answer | ${w.schoolA1.scope.name} | загружено из Word: school-seed-filled.docx`]),
    );
  });

  it("a stale version: the conflict, and nothing changes (the file stays unclaimed)", async () => {
    const blank = await w.blankOf(w.t.a2.id);
    as(w.moA2.scope);
    const { file, version } = (await (await upload(blank.id, "municipal-seed-typed.docx")).json()) as Previewed;
    // The coordinator saved in another window meanwhile: the version moved on.
    await importBlankDocx({
      scope: w.moA2.scope,
      input: { blankId: blank.id, fileId: file.id, version, itemKeys: [w.item("municipal", "2.1").key] },
    });
    const before = await stateOf(blank.id);
    const second = (await (await upload(blank.id, "municipal-seed-typed.docx")).json()) as Previewed;
    const stale = importBlankDocx({ scope: w.moA2.scope, input: { blankId: blank.id, fileId: second.file.id, version } });
    await expect(stale).rejects.toThrow(new AppError("CONFLICT", CONFLICT_MESSAGE));
    expect(await stateOf(blank.id)).toEqual(before);
    expect((await db().storedFile.findUniqueOrThrow({ where: { id: second.file.id } })).ownerId).toBeNull();
  });

  it("the items kept: only those are saved", async () => {
    const blank = await w.blankOf(w.t.a2.id);
    const stored = await db().answer.findMany({ where: { blankId: blank.id } });
    expect(stored.map((a) => [a.itemKey, a.value])).toEqual([[w.item("municipal", "2.1").key, { kind: "COUNT", count: 4 }]]);
  });

  it("the region's auditor imports on the participant's behalf, and the history says so", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    as(w.auditor.scope);
    const { file, version, preview } = (await (await upload(blank.id, "municipal-seed-typed.docx")).json()) as Previewed;
    const byTitle = (fragment: string) => preview.items.find((i) => i.title.includes(fragment))!;
    // Seed 000's two «1.1.1»: the title decides, though the user typed them the other way round.
    expect(byTitle("работы БШ").read).toMatchObject({ number: "70", date: "2022-08-29" });
    expect(byTitle("муниципального координатора").read).toMatchObject({ number: "77", date: "2022-09-01" });
    await importBlankDocx({ scope: w.auditor.scope, input: { blankId: blank.id, fileId: file.id, version } });
    const notes = await db().answerChange.findMany({ where: { blankId: blank.id }, select: { note: true, userName: true } });
    expect(notes).toHaveLength(9);
    for (const n of notes) {
      expect(n).toEqual({
        userName: w.auditor.scope.name,
        note: `загружено из Word: municipal-seed-typed.docx; аудитор ${w.auditor.scope.name} от имени участника`,
      });
    }
    // Having filled the blank, the auditor leaves its review to another.
    const sent = await w.blankOf(w.t.a1.id);
    await submitBlank({ scope: w.moA1.scope, input: { blankId: sent.id, version: sent.version } });
    const marking = markAnswer({
      scope: w.auditor.scope,
      input: { blankId: sent.id, itemKey: w.item("municipal", "2.1").key, mark: "MATCHES" },
    });
    await expect(marking).rejects.toThrow(new AppError("FORBIDDEN", OWN_WORK_MESSAGE));
  });

  it("a blank sent for review cannot be loaded from Word", async () => {
    const blank = await w.blankOf(w.t.a2.id);
    await submitBlank({ scope: w.moA2.scope, input: { blankId: blank.id, version: blank.version } });
    as(w.moA2.scope);
    const response = await upload(blank.id, "municipal-seed-typed.docx");
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/загрузить ответы из Word нельзя/);
  });
});

describe("cli blank import-docx", () => {
  const cli = (...args: string[]) => runCli(args, { DATABASE_URL: databaseUrl(), STORAGE_DIR: storageDir });

  it("--dry-run prints the preview as JSON and changes nothing; without it applies as the region's admin", async () => {
    const { campaign } = w;
    const blank = await db().blank.findFirstOrThrow({ where: { campaignId: campaign.id, subjectId: w.t.a1s1.id } });
    // Its answers cleared, as if never filled (the school's file loaded above stays attached).
    await db().answer.deleteMany({ where: { blankId: blank.id } });
    const before = await stateOf(blank.id);
    const file = path.join(FIXTURES, "school-seed-filled.docx");

    const dry = cli("blank", "import-docx", file, "--blank", blank.id, "--dry-run");
    expect(dry.code, dry.stderr).toBe(0);
    const printed = JSON.parse(dry.stdout);
    expect(printed).toMatchObject({ blankId: blank.id, version: before.version, preview: { summary: { toChange: 10, unread: 1 } } });
    expect(await stateOf(blank.id)).toEqual(before);

    const applied = cli("blank", "import-docx", file, "--blank", blank.id);
    expect(applied.code, applied.stderr).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ version: before.version + 1, applied: 10, fileId: expect.any(String) });
    const after = await stateOf(blank.id);
    expect(after).toMatchObject({ version: before.version + 1, files: 2 });
    const notes = await db().answerChange.findMany({ where: { blankId: blank.id, note: { contains: "Командная строка" } } });
    expect(notes[0]?.note).toBe("загружено из Word: school-seed-filled.docx; администратор Командная строка от имени участника");
  });

  it("an unknown blank and a file that is not there are refused with a message", () => {
    const missing = cli(
      "blank",
      "import-docx",
      path.join(FIXTURES, "school-seed-filled.docx"),
      "--blank",
      "0190a0a0-0000-7000-8000-000000000001",
    );
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("не найден");
    const noFile = cli("blank", "import-docx", "/no/such.docx", "--blank", "0190a0a0-0000-7000-8000-000000000001");
    expect(noFile.code).not.toBe(0);
  });
});
