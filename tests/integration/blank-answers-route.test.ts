import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { PATCH } from "@/app/api/blanks/[id]/answers/route";
import { CROSS_SITE_MESSAGE } from "@/lib/domain/auth/same-origin";
import type { Scope } from "@/lib/scope";
import { getScope } from "@/lib/server/auth/get-scope";
import { CONFLICT_MESSAGE } from "@/lib/server/blanks/save-blank-answers";
import { db } from "@/lib/server/db/client";
import { proxy } from "@/proxy";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { useTestDatabase } from "../support/test-database";
import { markAnswer, returnBlank, submitBlank } from "../support/operations";

// The route reads the session through getScope; here each request is given its caller.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();

let w: CampaignWorld;
beforeAll(async () => {
  w = await buildCampaignWorld("route");
});

const as = (scope: Scope | null) => vi.mocked(getScope).mockResolvedValue(scope);
const APP = "http://localhost:3000";

/** The autosave as the form sends it: PATCH with the version and the answers as JSON. */
function save(blankId: string, body: unknown) {
  const request = new Request(`${APP}/api/blanks/${blankId}/answers`, {
    method: "PATCH",
    headers: { "content-type": "application/json", origin: APP },
    body: JSON.stringify(body),
  });
  return PATCH(request, { params: Promise.resolve({ id: blankId }) });
}

const count = (n: number) => ({ kind: "COUNT" as const, count: n });
const answersOf = async (blankId: string) =>
  Object.fromEntries((await db().answer.findMany({ where: { blankId } })).map((a) => [a.itemKey, a]));

describe("PATCH /api/blanks/<id>/answers (the blank form's autosave)", () => {
  it("saves the participant's answers and answers the new version; each changed answer goes to the history and the trail", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const teachers = w.item("municipal", "2.1");
    const note = w.items.municipal.filter((i) => i.kind === "COUNT" && i.key !== teachers.key)[0]!;
    as(w.moA1.scope);

    const first = await save(blank.id, {
      version: blank.version,
      answers: [
        { itemKey: teachers.key, value: count(12) },
        { itemKey: note.key, value: count(3) },
      ],
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ version: blank.version + 1 });
    // The second save changes one answer and sends the other unchanged: only the changed one is written.
    const second = await save(blank.id, {
      version: blank.version + 1,
      answers: [
        { itemKey: teachers.key, value: count(14) },
        { itemKey: note.key, value: count(3) },
      ],
    });
    expect(await second.json()).toEqual({ version: blank.version + 2 });

    const stored = await answersOf(blank.id);
    expect(stored[teachers.key]?.value).toEqual(count(14));
    expect(stored[note.key]?.value).toEqual(count(3));
    expect(await db().blank.findUniqueOrThrow({ where: { id: blank.id } })).toMatchObject({
      status: "IN_PROGRESS",
      version: blank.version + 2,
    });

    const history = await db().answerChange.findMany({ where: { blankId: blank.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(history.map((h) => [h.itemKey, h.field, h.before, h.after, h.userName])).toEqual([
      [teachers.key, "answer", null, count(12), w.moA1.scope.name],
      [note.key, "answer", null, count(3), w.moA1.scope.name],
      [teachers.key, "answer", count(12), count(14), w.moA1.scope.name],
    ]);

    const trail = await db().auditEvent.findMany({
      where: {
        OR: [
          { entity: "Blank", entityId: blank.id, action: "UPDATE" },
          { entity: "Answer", after: { path: ["blankId"], equals: blank.id } },
        ],
      },
      orderBy: { id: "asc" },
    });
    const coordinator = { actorId: w.moA1.user.id, actorName: w.moA1.scope.name, regionId: w.t.regionA.id };
    for (const e of trail) expect(e).toMatchObject(coordinator);
    expect(trail.map((e) => [e.entity, e.action])).toEqual([
      ["Blank", "UPDATE"],
      ["Answer", "CREATE"],
      ["Answer", "CREATE"],
      ["Blank", "UPDATE"],
      ["Answer", "UPDATE"],
    ]);
    const image = (json: unknown) => json as Record<string, unknown>;
    // The trail's images are the rows as stored, before and after.
    expect(image(trail[0]!.before)).toMatchObject({ status: "NOT_STARTED", version: blank.version });
    expect(image(trail[0]!.after)).toMatchObject({ status: "IN_PROGRESS", version: blank.version + 1 });
    const changed = trail[4]!;
    expect(changed.entityId).toBe(stored[teachers.key]!.id);
    expect(image(changed.before)).toMatchObject({ value: count(12), itemKey: teachers.key, updatedById: w.moA1.user.id });
    expect(image(changed.after)).toEqual(JSON.parse(JSON.stringify(stored[teachers.key])));
  });

  it("a stale version: 409 with the conflict message, and nothing changes", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const teachers = w.item("municipal", "2.1");
    as(w.moA1.scope);
    // Another window saved from the same version first.
    expect((await save(blank.id, { version: blank.version, answers: [{ itemKey: teachers.key, value: count(20) }] })).status).toBe(200);
    const before = { answers: await answersOf(blank.id), history: await db().answerChange.count(), trail: await db().auditEvent.count() };
    const stale = await save(blank.id, { version: blank.version, answers: [{ itemKey: teachers.key, value: count(99) }] });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: "CONFLICT", message: CONFLICT_MESSAGE });
    expect(await answersOf(blank.id)).toEqual(before.answers);
    expect(await db().answerChange.count()).toBe(before.history);
    expect(await db().auditEvent.count()).toBe(before.trail);
    expect((await w.blankOf(w.t.a1.id)).version).toBe(blank.version + 1);
  });

  it("422 with each field's Russian message; an item the blank does not have is named too", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const teachers = w.item("municipal", "2.1");
    as(w.moA1.scope);
    const invalid = await save(blank.id, { version: blank.version, answers: [{ itemKey: teachers.key, value: count(-1) }] });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "answers.0.value.count": ["Численность не может быть отрицательной."] },
    });
    const noVersion = await save(blank.id, { answers: [] });
    expect(noVersion.status).toBe(422);
    expect(Object.keys((await noVersion.json()).error.fieldErrors)).toEqual(["version"]);
    const unknownItem = "00000000-0000-4000-8000-000000000000";
    const stranger = await save(blank.id, { version: blank.version, answers: [{ itemKey: unknownItem, value: count(1) }] });
    expect(stranger.status).toBe(422);
    expect((await stranger.json()).error.fieldErrors).toEqual({ [`answers.${unknownItem}`]: ["Такого пункта в бланке нет."] });
    expect((await w.blankOf(w.t.a1.id)).version).toBe(blank.version);
  });

  it("only the blank's own coordinator: another's blank and a made-up id are 404, another role 403, no session 401", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const body = { version: blank.version, answers: [{ itemKey: w.item("municipal", "2.1").key, value: count(7) }] };
    as(w.moA2.scope);
    expect((await save(blank.id, body)).status).toBe(404);
    as(w.schoolA1.scope);
    expect((await save(blank.id, body)).status).toBe(404);
    as(w.moA1.scope);
    expect((await save("not-a-blank", body)).status).toBe(404);
    expect((await save("00000000-0000-4000-8000-000000000000", body)).status).toBe(404);
    as(w.auditor.scope);
    expect((await save(blank.id, body)).status).toBe(403);
    as(w.adminB.scope);
    expect((await save(blank.id, body)).status).toBe(403);
    as(null);
    expect((await save(blank.id, body)).status).toBe(401);
    expect((await w.blankOf(w.t.a1.id)).version).toBe(blank.version);
  });

  it("is refused from another site, or without an Origin, as a server action is (proxy.ts)", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const request = (headers: Record<string, string>) =>
      new NextRequest(`${APP}/api/blanks/${blank.id}/answers`, { method: "PATCH", headers: { host: "localhost:3000", ...headers } });
    const refusedHeaders: Array<Record<string, string>> = [{}, { origin: "https://evil.example" }, { origin: "null" }];
    for (const headers of refusedHeaders) {
      const refused = proxy(request(headers));
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.message).toBe(CROSS_SITE_MESSAGE);
    }
    expect(proxy(request({ origin: APP })).headers.get("x-middleware-next")).toBe("1");
  });

  it("a returned blank: the changed answer loses the reviewer's mark (in the history too), the unchanged one keeps it", async () => {
    const blank = await w.blankOf(w.t.a2.id);
    const teachers = w.item("municipal", "2.1");
    const note = w.items.municipal.filter((i) => i.kind === "COUNT" && i.key !== teachers.key)[0]!;
    as(w.moA2.scope);
    await save(blank.id, {
      version: blank.version,
      answers: [
        { itemKey: teachers.key, value: count(5) },
        { itemKey: note.key, value: count(1) },
      ],
    });
    await submitBlank({ scope: w.moA2.scope, input: { blankId: blank.id, version: blank.version + 1 } });
    for (const item of [teachers, note]) {
      await markAnswer({
        scope: w.auditor.scope,
        input: { blankId: blank.id, itemKey: item.key, mark: "MISMATCH", comment: "Не сходится" },
      });
    }
    await returnBlank({ scope: w.auditor.scope, input: { blankId: blank.id, message: "Уточните численность." } });
    const returned = await w.blankOf(w.t.a2.id);

    const saved = await save(returned.id, { version: returned.version, answers: [{ itemKey: teachers.key, value: count(6) }] });
    expect(await saved.json()).toEqual({ version: returned.version + 1 });
    const stored = await answersOf(blank.id);
    expect(stored[teachers.key]).toMatchObject({ value: count(6), mark: null, markComment: null });
    expect(stored[note.key]).toMatchObject({ mark: "MISMATCH", markComment: "Не сходится" });
    const history = await db().answerChange.findMany({ where: { blankId: blank.id, itemKey: teachers.key }, orderBy: { id: "asc" } });
    expect(history.slice(-2).map((h) => [h.field, h.before, h.after])).toEqual([
      ["answer", count(5), count(6)],
      ["mark", { mark: "MISMATCH", comment: "Не сходится" }, null],
    ]);
    const [event] = await db().auditEvent.findMany({
      where: { entity: "Answer", entityId: stored[teachers.key]!.id, actorId: w.moA2.user.id, action: "UPDATE" },
      orderBy: { id: "desc" },
      take: 1,
    });
    expect(event?.before).toMatchObject({ value: count(5), mark: "MISMATCH", markComment: "Не сходится" });
    expect(event?.after).toMatchObject({ value: count(6), mark: null, markComment: null });
    expect((await w.blankOf(w.t.a2.id)).status).toBe("RETURNED");
  });
});
