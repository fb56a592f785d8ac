import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { csvRecords } from "../support/csv";
import { AppError } from "@/lib/errors";
import { AUDIT_COLUMNS } from "@/lib/domain/exports/lists/audit";
import type { AuditEvent, Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/scope";
import { PARTICIPANTS, REGION_ADMINS, REVIEWERS, type Role } from "@/lib/roles";
import { z } from "@/lib/schemas/z";
import { actorOfScope, CLI_ACTOR, runAsActor } from "@/lib/server/audit/actor-context";
import { LIST_ENTITY_ID, recordReads } from "@/lib/server/audit/record-read";
import { recordWrites } from "@/lib/server/audit/record-writes";
import { BEFORE_READ_BATCH } from "@/lib/server/audit/audit-extension";
import { CHILD_HIDDEN, CHILD_HIDDEN_CHANGED, HIDDEN, HIDDEN_CHANGED } from "@/lib/domain/audit/audit-policy";
import type { AuditEventRow } from "@/lib/server/audit/list-audit-events";
import { getScope } from "@/lib/server/auth/get-scope";
import { hashPassword } from "@/lib/server/auth/password";
import { scopedAction, withScope } from "@/lib/server/auth/with-scope";
import { acceptBlank } from "@/lib/server/blanks/accept-blank";
import { markAllMatching } from "@/lib/server/blanks/mark-all-matching";
import { db } from "@/lib/server/db/client";
import { importSchools } from "@/lib/server/directory/import-schools";
import { exportList } from "@/lib/server/exports/export-list";
import { eraseStudent } from "@/lib/server/students/erase-student";
import { exportStudentRecords } from "@/lib/server/students/export-student-records";
import { getStudent } from "@/lib/server/students/get-student";
import { revokeMembership } from "@/lib/server/users/revoke-membership";
import { buildCampaignWorld, type CampaignWorld } from "../support/campaign";
import { userWithRole } from "../support/directory";
import { useScratchStorage } from "../support/scratch-storage";
import { useTestDatabase } from "../support/test-database";
import {
  createStudent,
  createTeacher,
  createUser,
  grantMembership,
  listAuditEvents,
  saveBlankAnswers,
  submitBlank,
  updateStudent,
} from "../support/operations";

// The wrappers (scopedAction, withScope) read the session through getScope; here each call is given its caller.
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: vi.fn() }));

useTestDatabase();
useScratchStorage("audit-files-");

const YEAR = "2025/2026";
const CHILD = "Тайнова Алиса Сергеевна";
const PASSWORD = "audit-password-2026";

let w: CampaignWorld;
let adminA: { user: { id: string }; scope: Scope };

beforeAll(async () => {
  w = await buildCampaignWorld("au");
  const admin = await userWithRole("admin@au.test", "REGION_ADMIN", { regionId: w.t.regionA.id });
  // A name of their own: the journal's search finds actors by name.
  adminA = { ...admin, scope: { ...admin.scope, name: "Админова Анна Петровна" } };
});

/** An operation called as the app calls it: through scopedAction, as the signed-in `scope` (its input as given). */
async function asAction<I, T>(scope: Scope, role: readonly Role[], handler: (input: I, scope: Scope) => Promise<T>, input: I): Promise<T> {
  vi.mocked(getScope).mockResolvedValue(scope);
  const result = await scopedAction(z.custom<I>(), { role }, handler)(input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.data;
}

const events = (where: Prisma.AuditEventWhereInput) => db().auditEvent.findMany({ where, orderBy: [{ at: "asc" }, { id: "asc" }] });
const image = (json: unknown) => json as Record<string, unknown>;

describe("the trail of ordinary operations", () => {
  it("a coordinator's saves and an auditor's acceptance: every write with its actor, region, before and after", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const order = w.item("municipal", "1.1.1", 0);
    const count = w.item("municipal", "2.1");
    const save = (version: number, n: number) =>
      asAction(w.moA1.scope, PARTICIPANTS, (input, scope) => saveBlankAnswers({ scope, input }), {
        blankId: blank.id,
        version,
        answers: [
          {
            itemKey: order.key,
            value: {
              kind: "DOCUMENT",
              present: true,
              docType: "Приказ",
              issuer: "УО",
              date: "2022-08-30",
              number: "1",
              title: "О БШ",
              fileId: null,
            },
          },
          { itemKey: count.key, value: { kind: "COUNT", count: n } },
        ],
      });
    await save(blank.version, 3);
    await save(blank.version + 1, 5);

    const coordinator = { actorId: w.moA1.user.id, actorName: w.moA1.scope.name, regionId: w.t.regionA.id };
    const answers = await events({ entity: "Answer", after: { path: ["blankId"], equals: blank.id } });
    expect(answers.map((e) => e.action)).toEqual(["CREATE", "CREATE", "UPDATE"]);
    for (const e of answers) expect(e).toMatchObject(coordinator);
    const changed = answers[2]!;
    expect(image(changed.before).value).toEqual({ kind: "COUNT", count: 3 });
    expect(image(changed.after).value).toEqual({ kind: "COUNT", count: 5 });
    // The unchanged document answer was not written again, so it has no event.
    expect(changed.entityId).toBe((await db().answer.findFirstOrThrow({ where: { blankId: blank.id, itemKey: count.key } })).id);

    // The campaign created the blank (a CREATE event of its own); the saves claim it.
    expect((await events({ entity: "Blank", entityId: blank.id, action: "CREATE" })).map((e) => image(e.after).status)).toEqual([
      "NOT_STARTED",
    ]);
    const claims = await events({ entity: "Blank", entityId: blank.id, action: "UPDATE" });
    expect(claims.map((e) => [e.action, image(e.before).status, image(e.after).status, image(e.after).version])).toEqual([
      ["UPDATE", "NOT_STARTED", "IN_PROGRESS", blank.version + 1],
      ["UPDATE", "IN_PROGRESS", "IN_PROGRESS", blank.version + 2],
    ]);
    for (const e of claims) expect(e).toMatchObject(coordinator);
    // The blank's own history of answers is the change itself, not a second event.
    expect(await events({ entity: "AnswerChange" })).toEqual([]);

    await asAction(w.moA1.scope, PARTICIPANTS, (input, scope) => submitBlank({ scope, input }), {
      blankId: blank.id,
      version: blank.version + 2,
    });
    await asAction(w.auditor.scope, REVIEWERS, (id: string, scope) => markAllMatching({ scope, blankId: id }), blank.id);
    await asAction(w.auditor.scope, REVIEWERS, (id: string, scope) => acceptBlank({ scope, blankId: id }), blank.id);

    const auditor = { actorId: w.auditor.user.id, actorName: w.auditor.scope.name, regionId: w.t.regionA.id };
    const accepted = (await events({ entity: "Blank", entityId: blank.id })).filter((e) => image(e.after).status === "ACCEPTED");
    // The acceptance, then the scores it stores: both the auditor's.
    expect(accepted.length).toBeGreaterThan(0);
    for (const e of accepted) expect(e).toMatchObject({ action: "UPDATE", ...auditor });
    expect(image(accepted[0]!.before).status).toBe("SUBMITTED");
    const marks = await events({ entity: "Answer", action: "UPDATE", actorId: w.auditor.user.id });
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((e) => image(e.after).mark === "MATCHES" && e.regionId === w.t.regionA.id)).toBe(true);
    const findings = await events({ entity: "Finding", action: "CREATE" });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((e) => e.actorId === w.auditor.user.id && image(e.after).blankId === blank.id)).toBe(true);
    // Notifications are bookkeeping: not in the trail.
    expect(await events({ entity: "Notification" })).toEqual([]);
  });

  it("of 20 simultaneous saves from one version, the one that lands has its events and the refused ones none", async () => {
    const blank = await w.blankOf(w.t.a2.id);
    const count = w.item("municipal", "2.1");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, n) =>
        saveBlankAnswers({
          scope: w.moA2.scope,
          input: { blankId: blank.id, version: blank.version, answers: [{ itemKey: count.key, value: { kind: "COUNT", count: n } }] },
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await events({ entity: "Blank", entityId: blank.id, action: "UPDATE" })).toHaveLength(1);
    const answers = await events({ entity: "Answer", after: { path: ["blankId"], equals: blank.id } });
    expect(answers).toHaveLength(1);
    const stored = await db().answer.findFirstOrThrow({ where: { blankId: blank.id } });
    expect(image(answers[0]!.after).value).toEqual(stored.value);
  });

  it("a write rolled back leaves no event: a dry run of an import, a transaction that throws", async () => {
    const header = ["№", "Наименование общеобразовательной организации", "Юридический адрес", "ФИО руководителя", "Контактный телефон"];
    const csv = Buffer.from(
      [header, ["1", "МБОУ СОШ № 777", "г. Тест, ул. Пробная, 1", "", ""]].map((r) => r.join(";")).join("\r\n"),
      "utf8",
    );
    const dry = await importSchools({ scope: adminA.scope, municipalityId: w.t.a2.id, bytes: csv, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, created: 1, errors: [] });
    expect(
      await events({ entity: { in: ["Organization", "OrganizationAddress"] }, after: { path: ["name"], equals: "МБОУ СОШ № 777" } }),
    ).toEqual([]);

    const before = await db().auditEvent.count();
    const failed = await db()
      .$transaction(async (tx) => {
        await tx.municipality.update({ where: { id: w.t.a2.id }, data: { aliases: ["откат"] } });
        await tx.region.update({ where: { id: w.t.regionA.id }, data: { name: "Откат" } });
        throw new Error("rolled back");
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe("rolled back");
    expect(await db().auditEvent.count()).toBe(before);

    // The same import for real: the school, its address, as the admin.
    await asAction(adminA.scope, REGION_ADMINS, (bytes: Buffer, scope) => importSchools({ scope, municipalityId: w.t.a2.id, bytes }), csv);
    const created = await events({ entity: "Organization", after: { path: ["name"], equals: "МБОУ СОШ № 777" } });
    expect(created).toMatchObject([{ action: "CREATE", actorId: adminA.user.id, regionId: w.t.regionA.id }]);
    // The address is a nested create of the school: recorded inside the school's event.
    expect(image(created[0]!.after).addresses).toEqual({ create: [{ position: 0, label: null, address: "г. Тест, ул. Пробная, 1" }] });
  });

  it("a write in raw SQL (the autosave's) is recorded with its transaction, and refused outside one rather than left out", async () => {
    const blank = await w.blankOf(w.t.a1s1.id);
    const event = { action: "UPDATE" as const, row: blank, before: blank, after: { ...blank, returnMessage: "Проверка" } };
    const before = await db().auditEvent.count();
    expect(() => recordWrites(db(), [{ model: "Blank", events: [event] }])).toThrow(/db\(\)\.\$transaction/);
    await runAsActor(actorOfScope(adminA.scope), () =>
      db().$transaction(async (tx) => {
        recordWrites(tx, [{ model: "Blank", events: [event] }]);
      }),
    );
    const [recorded] = await events({ entity: "Blank", entityId: blank.id, actorId: adminA.scope.userId });
    expect(recorded).toMatchObject({ action: "UPDATE", regionId: w.t.regionA.id, after: { returnMessage: "Проверка" } });
    expect(await db().auditEvent.count()).toBe(before + 1);
  });

  it("a student's teachers replaced, then the student erased: the trail says what changed and when, never the child's data", async () => {
    const school = { organizationId: w.t.a1s1.id, schoolYear: YEAR };
    const teacher = await createTeacher({ scope: w.schoolA1.scope, input: { ...school, fullName: "Учителева Вера", subject: "Физика" } });
    const other = await createTeacher({ scope: w.schoolA1.scope, input: { ...school, fullName: "Учителев Пётр", subject: "Химия" } });
    const student = await createStudent({
      scope: w.schoolA1.scope,
      input: { ...school, fullName: CHILD, grade: "6", birthDate: "2013-02-03", teacherIds: [teacher.id] },
    });
    await updateStudent({
      scope: w.schoolA1.scope,
      id: student.id,
      input: { ...school, organizationId: undefined, fullName: CHILD, grade: "7", birthDate: "2013-02-03", teacherIds: [other.id] },
    });
    const links = await events({ entity: "DotStudentTeacher" });
    expect(links.map((e) => [e.action, e.entityId, e.regionId])).toEqual([["DELETE", `${student.id}:${teacher.id}`, w.t.regionA.id]]);
    const updated = (await events({ entity: "DotStudent", entityId: student.id })).at(-1)!;
    // The grade changed: the trail says so, not from what to what; the school, the teachers are the child's data too.
    expect([updated.action, image(updated.before).grade, image(updated.after).grade]).toEqual([
      "UPDATE",
      CHILD_HIDDEN,
      CHILD_HIDDEN_CHANGED,
    ]);
    expect(image(updated.after)).toMatchObject({
      id: student.id,
      regionId: w.t.regionA.id,
      organizationId: CHILD_HIDDEN,
      teachers: CHILD_HIDDEN,
    });
    // Erased on request: the trail keeps what happened, by whom and when, not who the child was.
    await eraseStudent({ scope: w.schoolA1.scope, id: student.id });
    const last = await events({ entity: "DotStudent", entityId: student.id, action: { in: ["DELETE", "ERASE"] } });
    const deleted = last.find((e) => e.action === "DELETE");
    const erased = last.find((e) => e.action === "ERASE");
    expect(deleted).toMatchObject({ action: "DELETE", after: null, regionId: w.t.regionA.id });
    expect(image(deleted!.before)).toMatchObject({
      fullName: CHILD_HIDDEN,
      birthDate: CHILD_HIDDEN,
      grade: CHILD_HIDDEN,
      organizationId: CHILD_HIDDEN,
    });
    expect(erased).toMatchObject({ action: "ERASE", actorId: w.schoolA1.user.id, regionId: w.t.regionA.id, after: { files: 0 } });
    const trail = JSON.stringify(await events({ entity: { in: ["DotStudent", "DotTeacher"] } }));
    expect(trail).not.toContain("Тайнова");
    expect(trail).not.toContain("Учителева");
    expect(trail).not.toContain("2013-02-03");
  });

  it("a *Many write over more rows than one read batch: every row before and after, composite keys included", async () => {
    const n = BEFORE_READ_BATCH + 205;
    const regionId = w.t.regionB.id;
    const data = Array.from({ length: n }, (_, i) => ({ regionId, status: `S${String(i).padStart(5, "0")}`, text: "было" }));
    expect(await db().recommendationDefault.createMany({ data })).toEqual({ count: n });
    expect(
      await db().recommendationDefault.updateMany({ where: { regionId, status: { startsWith: "S" } }, data: { text: "стало" } }),
    ).toEqual({ count: n });
    expect(await db().recommendationDefault.deleteMany({ where: { regionId, status: { startsWith: "S" } } })).toEqual({ count: n });
    const counts = await db().auditEvent.groupBy({ by: ["action"], where: { entity: "RecommendationDefault", regionId }, _count: true });
    expect(Object.fromEntries(counts.map((c) => [c.action, c._count]))).toEqual({ CREATE: n, UPDATE: n, DELETE: n });
    const last = await db().auditEvent.findFirstOrThrow({
      where: { entity: "RecommendationDefault", action: "UPDATE", entityId: `${regionId}:S${String(n - 1).padStart(5, "0")}` },
    });
    expect([image(last.before).text, image(last.after).text]).toEqual(["было", "стало"]);
  });
});

describe("who the actor is", () => {
  it("a route handler's user, the command line, and the system without a context", async () => {
    vi.mocked(getScope).mockResolvedValue(adminA.scope);
    const route = withScope(
      async () => {
        await db().municipality.update({ where: { id: w.t.a2.id }, data: { aliases: ["через маршрут"] } });
        return new Response(null, { status: 204 });
      },
      { role: REGION_ADMINS },
    );
    expect((await route(new Request("http://localhost/x"), { params: Promise.resolve({}) })).status).toBe(204);
    await runAsActor(CLI_ACTOR, () => db().municipality.update({ where: { id: w.t.a2.id }, data: { aliases: ["из командной строки"] } }));
    await db().municipality.update({ where: { id: w.t.a2.id }, data: { aliases: [] } });
    const trail = await events({ entity: "Municipality", entityId: w.t.a2.id, action: "UPDATE" });
    expect(trail.slice(-3).map((e) => [e.actorId, e.actorName, image(e.after).aliases])).toEqual([
      [adminA.user.id, adminA.scope.name, ["через маршрут"]],
      [null, "Командная строка", ["из командной строки"]],
      [null, "Система", []],
    ]);
  });
});

describe("what never reaches the trail", () => {
  it("a password: hidden, and marked when it changes", async () => {
    const created = await asAction(adminA.scope, REGION_ADMINS, (input: unknown, scope) => createUser({ scope, input }), {
      email: "new@au.test",
      name: "Новый Пользователь",
      password: PASSWORD,
      memberships: [{ role: "REGION_AUDITOR", scopeId: w.t.regionA.id }],
    });
    const stored = await db().user.findUniqueOrThrow({ where: { id: created.id } });
    await db().user.update({ where: { id: created.id }, data: { passwordHash: await hashPassword("another-password-2026") } });
    await db().user.update({ where: { id: created.id }, data: { name: "Новый Пользователь (переименован)" } });
    const trail = await events({ entity: "User", entityId: created.id });
    expect(trail.map((e) => [e.action, image(e.before)?.passwordHash ?? null, image(e.after).passwordHash])).toEqual([
      ["CREATE", null, HIDDEN],
      ["UPDATE", HIDDEN, HIDDEN_CHANGED],
      ["UPDATE", HIDDEN, HIDDEN],
    ]);
    expect(trail[0]).toMatchObject({ actorId: adminA.user.id, regionId: null });
    expect(image(trail[0]!.after).memberships).toMatchObject({ create: [{ role: "REGION_AUDITOR", regionId: w.t.regionA.id }] });
    const all = JSON.stringify(await db().auditEvent.findMany());
    expect(all).not.toContain(stored.passwordHash);
    expect(all).not.toContain(PASSWORD);
  });
});

describe("reads of personal data", () => {
  let studentId: string;
  beforeAll(async () => {
    const student = await createStudent({
      scope: w.schoolA1.scope,
      input: { organizationId: w.t.a1s1.id, schoolYear: YEAR, fullName: "Читаемый Иван", grade: "3" },
    });
    studentId = student.id;
  });

  it("every read of a card: on the card's log and in the trail, as the reader", async () => {
    await getStudent({ scope: w.auditor.scope, id: studentId });
    await getStudent({ scope: w.schoolA1.scope, id: studentId });
    const reads = await events({ action: "READ", entity: "DotStudent", entityId: studentId });
    expect(reads.map((e) => [e.actorId, e.actorName, e.regionId, e.before, e.after])).toEqual([
      [w.auditor.user.id, w.auditor.scope.name, w.t.regionA.id, null, null],
      [w.schoolA1.user.id, w.schoolA1.scope.name, w.t.regionA.id, null, null],
    ]);
    expect(await db().studentCardRead.count({ where: { studentId } })).toBe(2);
    // The card's log itself is not a second event.
    expect(await events({ entity: "StudentCardRead" })).toEqual([]);
  });

  it("a list of students or teachers taken as a file: one READ event, its filters without the name searched", async () => {
    const drain = async (file: { stream: ReadableStream<Uint8Array> }) => new Response(file.stream).arrayBuffer();
    await drain(
      await exportList({ scope: w.schoolA1.scope, list: "school-students", query: { q: "Читаемый", schoolYear: YEAR }, format: "csv" }),
    );
    await drain(await exportList({ scope: w.auditor.scope, list: "region-students", query: { schoolYear: YEAR }, format: "xlsx" }));
    await drain(await exportList({ scope: w.schoolA1.scope, list: "teachers", query: { schoolYear: YEAR }, format: "csv" }));
    await exportStudentRecords({ scope: w.schoolA1.scope, organizationId: w.t.a1s1.id, kind: "students", schoolYear: YEAR, format: "csv" });
    const exports = await events({ action: "READ", entityId: "export" });
    expect(exports.map((e) => [e.entity, e.actorId, e.regionId])).toEqual([
      ["DotStudent", w.schoolA1.user.id, w.t.regionA.id],
      ["DotStudent", w.auditor.user.id, w.t.regionA.id],
      ["DotTeacher", w.schoolA1.user.id, w.t.regionA.id],
      ["DotStudent", w.schoolA1.user.id, w.t.regionA.id],
    ]);
    expect(exports[0]!.after).toMatchObject({ schoolYear: YEAR, search: true });
    expect(exports[1]!.after).toMatchObject({ search: false });
    expect(exports[3]!.after).toMatchObject({ schoolYear: YEAR, format: "csv", rows: expect.any(Number) });
    expect(JSON.stringify(exports)).not.toContain("Читаемый");
  });
});

describe("«Журнал изменений»", () => {
  const allRows = async (scope: Scope, query: Record<string, unknown> = {}) => {
    const rows: AuditEventRow[] = [];
    for (let page = 1; ; page++) {
      const p = await listAuditEvents({ scope, query: { ...query, page, pageSize: 100 } });
      rows.push(...p.rows);
      if (rows.length >= p.total) return { rows, total: p.total };
    }
  };

  it("a region admin sees their region's events and their users', newest first; another region's admin none of them", async () => {
    const stored = await db().auditEvent.findMany();
    const byId = new Map(stored.map((e) => [e.id, e]));
    const own = await allRows(adminA.scope);
    const usersOfA = new Set((await db().membership.findMany({ where: { regionId: w.t.regionA.id } })).map((m) => m.userId));
    const expected = stored.filter(
      (e) => e.regionId === w.t.regionA.id || (e.regionId === null && e.entity === "User" && usersOfA.has(e.entityId)),
    );
    expect(own.total).toBe(expected.length);
    expect(new Set(own.rows.map((r) => r.id))).toEqual(new Set(expected.map((e) => e.id)));
    const times = own.rows.map((r) => r.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(own.rows.some((r) => r.entity === "User" && r.entityId === w.moA1.user.id)).toBe(true);

    const foreign = await allRows(w.adminB.scope);
    expect(foreign.total).toBeGreaterThan(0); // region B's own events (its tenant, its recommendations)
    for (const row of foreign.rows) {
      const e = byId.get(row.id)!;
      expect(e.regionId === w.t.regionB.id || e.entity === "User").toBe(true);
      expect(e.regionId).not.toBe(w.t.regionA.id);
    }
    const blank = await w.blankOf(w.t.a1.id);
    expect((await listAuditEvents({ scope: w.adminB.scope, query: { entityId: blank.id } })).total).toBe(0);
    expect(foreign.rows.some((r) => r.entityId === w.moA1.user.id)).toBe(false);

    // Staff of other roles have no journal: the list is empty, the export refused.
    expect((await listAuditEvents({ scope: w.auditor.scope, query: {} })).total).toBe(0);
    const refused = await exportList({ scope: w.auditor.scope, list: "audit", query: {} }).catch((e: AppError) => e.code);
    expect(refused).toBe("FORBIDDEN");
  });

  it("names each role granted and taken away in words: to whom, which, where, by whom", async () => {
    const target = await userWithRole("granted@au.test", "MUNICIPAL_COORDINATOR", { regionId: w.t.regionA.id, municipalityId: w.t.a2.id });
    const granted = await asAction(
      adminA.scope,
      REGION_ADMINS,
      (grant: unknown, scope) => grantMembership({ scope, userId: target.user.id, grant }),
      {
        role: "REGION_AUDITOR",
        scopeId: w.t.regionA.id,
      },
    );
    await asAction(adminA.scope, REGION_ADMINS, (membershipId: string, scope) => revokeMembership({ scope, membershipId }), granted.id);
    const { rows } = await allRows(adminA.scope, { entity: "Membership", entityId: granted.id });
    const who = `${target.user.name} (${target.user.email})`;
    expect(rows.map((r) => [r.action, r.actorName, r.summary])).toEqual([
      ["DELETE", adminA.scope.name, `Снята роль «Аудитор региона»: ${who} — ${w.t.regionA.name}`],
      ["CREATE", adminA.scope.name, `Назначена роль «Аудитор региона»: ${who} — ${w.t.regionA.name}`],
    ]);
    const csv = await new Response(
      (await exportList({ scope: adminA.scope, list: "audit", query: { entity: "Membership", entityId: granted.id }, format: "csv" }))
        .stream,
    ).text();
    expect(csv).toContain(`Назначена роль «Аудитор региона»: ${who}`);
  });

  it("filters by period, action, entity, entity id and actor, and shows the changed fields only", async () => {
    const blank = await w.blankOf(w.t.a1.id);
    const history = await allRows(adminA.scope, { entity: "Blank", entityId: blank.id });
    expect(history.rows.length).toBeGreaterThanOrEqual(5);
    expect(history.rows.every((r) => r.entity === "Blank" && r.entityId === blank.id)).toBe(true);
    expect(history.rows.at(-1)!.action).toBe("CREATE");
    const acceptance = history.rows.find((r) => r.changes.some((c) => c.field === "status" && c.after === "принят"))!;
    const fields = acceptance.changes.map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(["status", "acceptedAt", "version"]));
    expect(fields).not.toContain("regionId");
    expect(acceptance.changes.find((c) => c.field === "status")).toEqual({
      field: "status",
      label: "Статус",
      before: "на проверке",
      after: "принят",
    });

    const reads = await allRows(adminA.scope, { action: "READ" });
    expect(reads.rows.length).toBeGreaterThan(0);
    expect(reads.rows.every((r) => r.action === "READ")).toBe(true);
    const byAdmin = await allRows(adminA.scope, { q: "админова" });
    expect(byAdmin.rows.length).toBeGreaterThan(0);
    expect(byAdmin.rows.every((r) => r.actorName === adminA.scope.name)).toBe(true);

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());
    expect((await allRows(adminA.scope, { from: today, to: today })).total).toBe((await allRows(adminA.scope)).total);
    expect((await listAuditEvents({ scope: adminA.scope, query: { to: "2020-01-01" } })).total).toBe(0);
    const oldestFirst = await listAuditEvents({ scope: adminA.scope, query: { dir: "asc", pageSize: 5 } });
    const newestFirst = await listAuditEvents({ scope: adminA.scope, query: { pageSize: 5 } });
    expect(oldestFirst.rows[0]!.at <= newestFirst.rows[0]!.at).toBe(true);
  });

  it("shows each row as an official reads it: the object by name with its page, Russian field names, Moscow time", async () => {
    const blank = await db().blank.findUniqueOrThrow({
      where: { id: (await w.blankOf(w.t.a1.id)).id },
      select: {
        id: true,
        acceptedAt: true,
        organization: { select: { name: true } },
        municipality: { select: { name: true } },
        campaign: { select: { name: true } },
      },
    });
    const { rows } = await allRows(adminA.scope, { entity: "Blank", entityId: blank.id });
    const participant = blank.organization?.name ?? blank.municipality.name;
    for (const row of rows)
      expect(row.object).toEqual({ label: `Бланк: ${participant}, кампания «${blank.campaign.name}»`, href: `/blanks/${blank.id}` });
    const accepted = rows.find((r) => r.changes.some((c) => c.field === "acceptedAt" && c.after))!;
    const moscow = new Intl.DateTimeFormat("ru-RU", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Moscow" });
    expect(accepted.changes.find((c) => c.field === "acceptedAt")).toMatchObject({
      label: "Принят",
      after: moscow.format(blank.acceptedAt!),
    });
    const shown = JSON.stringify(rows.map(({ changes, object }) => ({ changes, object })));
    expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // no UTC timestamps
    expect(shown).not.toMatch(/"label":"[a-zA-Z]+"/); // no English field names
    expect(rows.every((r) => r.technical?.includes(`"после"`))).toBe(true); // the stored JSON, behind «технические подробности»
    // A list shown is named as a list, not looked up as a row.
    await recordReads(db(), actorOfScope(adminA.scope), [
      { entity: "RegistryDocument", entityId: LIST_ENTITY_ID, regionId: w.t.regionA.id },
    ]);
    const lists = await allRows(adminA.scope, { entity: "RegistryDocument", entityId: LIST_ENTITY_ID });
    expect(lists.rows[0]!.object).toEqual({ label: "Список: Документ реестра", href: null });
  });

  it("never names a child: its record, its teachers' links and its file are «Обучающийся (ДОТ)», redacted, with no link", async () => {
    const school = { organizationId: w.t.a1s1.id, schoolYear: YEAR };
    const student = await createStudent({
      scope: w.schoolA1.scope,
      input: { ...school, fullName: "Журналова Ева Игоревна", grade: "4", birthDate: "2016-05-07" },
    });
    await getStudent({ scope: w.auditor.scope, id: student.id });
    const { rows } = await allRows(adminA.scope, { entity: "DotStudent", entityId: student.id });
    expect(rows.map((r) => r.action).sort()).toEqual(["CREATE", "READ"]);
    for (const row of rows) expect(row.object).toEqual({ label: "Обучающийся (ДОТ)", href: null });
    const created = rows.find((r) => r.action === "CREATE")!;
    expect(created.changes.find((c) => c.field === "fullName")).toEqual({
      field: "fullName",
      label: "ФИО",
      before: null,
      after: CHILD_HIDDEN,
    });
    const everything = JSON.stringify(rows);
    for (const leak of ["Журналова", "2016-05-07", "07.05.2016"]) expect(everything).not.toContain(leak);
    // Only a region admin reads the journal: the child's reader (the auditor) and its school's coordinator see no entry.
    for (const scope of [w.auditor.scope, w.schoolA1.scope])
      expect((await listAuditEvents({ scope, query: { entityId: student.id } })).total).toBe(0);
  });

  it("exports as the page shows it, every row, read by key", async () => {
    const csv = await exportList({ scope: adminA.scope, list: "audit", query: { entity: "Answer" }, format: "csv", batchSize: 7 });
    const read = { records: csvRecords(Buffer.from(await new Response(csv.stream).arrayBuffer())) };
    const { rows } = await allRows(adminA.scope, { entity: "Answer" });
    const columns = Object.values(AUDIT_COLUMNS);
    expect(rows.length).toBeGreaterThan(7);
    expect(read.records).toEqual([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r) ?? ""))]);

    const xlsx = await exportList({ scope: adminA.scope, list: "audit", query: {}, format: "xlsx", batchSize: 50 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await new Response(xlsx.stream).arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0]!.rowCount - 1).toBe((await listAuditEvents({ scope: adminA.scope, query: {} })).total);
    expect(xlsx.fileName).toMatch(/^Журнал изменений \d{4}-\d{2}-\d{2}\.xlsx$/u);
  });
});

describe("append-only", () => {
  it("the database refuses to change or remove an event", async () => {
    const before: AuditEvent[] = await db().auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(before.length).toBeGreaterThan(0);
    const refusal = (sql: string) =>
      db()
        .$executeRawUnsafe(sql)
        .then(
          () => "done",
          (e: Error) => e.message,
        );
    expect(await refusal(`UPDATE "AuditEvent" SET "actorName" = 'подмена'`)).toMatch(/append-only/);
    expect(await refusal(`DELETE FROM "AuditEvent"`)).toMatch(/append-only/);
    expect(await refusal(`TRUNCATE "AuditEvent"`)).toMatch(/append-only/);
    // Nor through the client: AuditEvent's own writes are not hooked, the trigger still holds.
    expect(
      await db()
        .auditEvent.deleteMany({})
        .then(
          () => "done",
          (e: Error) => e.message,
        ),
    ).toMatch(/append-only/);
    expect(await db().auditEvent.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});
