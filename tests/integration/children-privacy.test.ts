import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as download } from "@/app/api/files/[id]/route";
import { POST as upload } from "@/app/api/files/route";
import { GET as exportListRoute } from "@/app/api/exports/[list]/route";
import type { Scope } from "@/lib/scope";
import { CHILD_HIDDEN, CHILD_HIDDEN_CHANGED } from "@/lib/domain/audit/audit-policy";
import { db } from "@/lib/server/db/client";
import { eraseStudent } from "@/lib/server/students/erase-student";
import { getStudent } from "@/lib/server/students/get-student";
import { listStudentCardReads } from "@/lib/server/students/list-student-card-reads";
import { runReportJob } from "@/lib/server/reports/run-report-job";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { pdfSample } from "../support/file-samples";
import { refusal } from "../support/refusals";
import { useScratchStorage } from "../support/scratch-storage";
import { useTestDatabase } from "../support/test-database";
import { createDocument, createStudent, listAuditEvents, listDocuments, listStudents, updateStudent } from "../support/operations";

/**
 * Issue 15's holes inside a tenant, each reproduced as the security test found it:
 * a child's file, the audit journal, erasure, logged downloads, the registry's
 * duplicate check, background report files. Local disk storage (S3: children-erasure-s3.test.ts).
 */

useTestDatabase();
const storageRoot = useScratchStorage("metodaudit-children-");

let caller: Scope | null = null;
vi.mock("@/lib/server/auth/get-scope", () => ({ getScope: async () => caller }));
beforeEach(() => {
  caller = null;
});

const YEAR = "2025/2026";
const CHILD = "Иванов Иван Иванович";
const DIAGNOSIS = "диагноз G80.1 (ДЦП)";
const FILE_NAME = `ИУП ${CHILD} 2015.pdf`;
const FILE_BYTES = "ИУП-УНИКАЛЬНЫЕ-БАЙТЫ-9c1e";

type Actors = Awaited<ReturnType<typeof buildActors>>;
let a: Actors;

async function buildActors() {
  const t = await buildTwoTenants("kid");
  const inA = (ids: { municipalityId?: string; organizationId?: string }) => ({ regionId: t.regionA.id, ...ids });
  const user = async (email: string, role: Parameters<typeof userWithRole>[1], ids: Parameters<typeof inA>[0]) =>
    (await userWithRole(email, role, inA(ids))).scope;
  return {
    t,
    school: await user("school@kid.test", "SCHOOL_COORDINATOR", { municipalityId: t.a1.id, organizationId: t.a1s1.id }),
    otherSchool: await user("school2@kid.test", "SCHOOL_COORDINATOR", { municipalityId: t.a1.id, organizationId: t.a1s2.id }),
    mo: await user("mo@kid.test", "MUNICIPAL_COORDINATOR", { municipalityId: t.a1.id }),
    admin: await user("admin@kid.test", "REGION_ADMIN", {}),
    auditor: await user("auditor@kid.test", "REGION_AUDITOR", {}),
    auditor2: await user("auditor2@kid.test", "REGION_AUDITOR", {}),
  };
}

beforeAll(async () => {
  a = await buildActors();
});

/** The student form's way: the ИУП uploaded for a child's record, then the record saved with it. */
async function childWithIup(name = CHILD) {
  caller = a.school;
  const form = new FormData();
  form.set("file", new File([Uint8Array.from(pdfSample(FILE_BYTES))], `ИУП ${name} 2015.pdf`, { type: "application/pdf" }));
  form.set("owner", `organization:${a.t.a1s1.id}`);
  form.set("for", "child");
  const response = await upload(new Request("http://localhost/api/files", { method: "POST", body: form }), { params: Promise.resolve({}) });
  expect(response.status).toBe(201);
  const file = (await response.json()) as { id: string };
  const student = await createStudent({
    scope: a.school,
    input: {
      organizationId: a.t.a1s1.id,
      schoolYear: YEAR,
      fullName: name,
      birthDate: "2015-06-07",
      grade: "3",
      disabilityConfirmedUntil: "2027-09-01",
      iupPresent: true,
      iupFileId: file.id,
      timetable: `Пн, ср — ЛФК; ${DIAGNOSIS}`,
      teacherIds: [],
      status: "STUDYING",
    },
  });
  caller = null;
  return { studentId: student.id, fileId: file.id };
}

const get = (scope: Scope, id: string) => {
  caller = scope;
  return download(new Request(`http://localhost/api/files/${id}`), { params: Promise.resolve({ id }) });
};

const secrets = [CHILD, "Иванов", DIAGNOSIS, "G80.1", FILE_NAME, "2015-06-07", "2027-09-01", FILE_BYTES];
const leaked = (text: string) => secrets.filter((s) => text.includes(s));

describe("1. a child's ИУП", () => {
  it("downloads for the school's coordinator and the region's auditor, and is «not found» for everyone else", async () => {
    const { fileId } = await childWithIup();
    for (const scope of [a.school, a.auditor]) {
      const response = await get(scope, fileId);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).toString("latin1")).toContain(Buffer.from(FILE_BYTES, "utf8").toString("latin1"));
    }
    for (const scope of [a.admin, a.mo, a.otherSchool]) {
      const response = await get(scope, fileId);
      expect(response.status).toBe(404);
      expect(leaked(await response.text())).toEqual([]);
    }
  });

  it("is its uploader's alone before the record is saved, with no name in the journal even then", async () => {
    caller = a.school;
    const form = new FormData();
    form.set("file", new File([Uint8Array.from(pdfSample())], `ИУП Петров Пётр.pdf`, { type: "application/pdf" }));
    form.set("owner", `organization:${a.t.a1s1.id}`);
    form.set("for", "child");
    const response = await upload(new Request("http://localhost/api/files", { method: "POST", body: form }), {
      params: Promise.resolve({}),
    });
    const { id } = (await response.json()) as { id: string };
    expect((await get(a.school, id)).status).toBe(200);
    for (const scope of [a.auditor, a.admin, a.mo, a.otherSchool]) expect((await get(scope, id)).status).toBe(404);
    const trail = JSON.stringify(await db().auditEvent.findMany({ where: { entity: "StoredFile", entityId: id } }));
    expect(trail).not.toContain("Петров");
  });
});

describe("2. the audit journal", () => {
  it("shows who, when, what kind of change and ids of a child's rows, never the child's data, on the page and in the export", async () => {
    const { studentId, fileId } = await childWithIup("Сидорова Софья Сергеевна");
    await updateStudent({
      scope: a.school,
      id: studentId,
      input: {
        schoolYear: YEAR,
        fullName: "Сидорова Софья Сергеевна",
        grade: "4",
        timetable: `Вт, чт — ЛФК; ${DIAGNOSIS}`,
        iupPresent: true,
        iupFileId: fileId,
        teacherIds: [],
        status: "STUDYING",
      },
    });
    const page = await listAuditEvents({ scope: a.admin, query: { pageSize: "100" } });
    const rows = page.rows.filter((e) => e.entityId === studentId || e.entityId === fileId);
    expect(rows.map((e) => [e.entity, e.action]).sort()).toEqual(
      [
        ["DotStudent", "CREATE"],
        ["DotStudent", "UPDATE"],
        ["StoredFile", "CREATE"],
        ["StoredFile", "UPDATE"],
      ].sort(),
    );
    const update = rows.find((e) => e.entity === "DotStudent" && e.action === "UPDATE")!;
    expect(update.changes.map((c) => c.field)).toEqual(expect.arrayContaining(["grade", "timetable"]));
    // That a field changed is shown; neither value is.
    expect(update.changes.find((c) => c.field === "grade")).toEqual({
      field: "grade",
      label: "Класс",
      before: CHILD_HIDDEN,
      after: CHILD_HIDDEN_CHANGED,
    });
    // The child is not named, nor linked: the journal's readers see counts only.
    for (const row of rows.filter((e) => e.entity === "DotStudent")) expect(row.object).toEqual({ label: "Обучающийся (ДОТ)", href: null });
    for (const change of update.changes)
      for (const value of [change.before, change.after]) expect([null, CHILD_HIDDEN, CHILD_HIDDEN_CHANGED]).toContain(value);

    for (const secret of ["Сидорова", DIAGNOSIS, "2015-06-07", "2027-09-01"]) expect(JSON.stringify(page)).not.toContain(secret);
    // Which school the child attends is the child's data too.
    expect(JSON.stringify(rows)).not.toContain(a.t.a1s1.id);

    caller = a.admin;
    for (const entity of ["StoredFile", "DotStudent"]) {
      const url = `http://localhost/api/exports/audit?format=csv&entity=${entity}`;
      const response = await exportListRoute(new Request(url), { params: Promise.resolve({ list: "audit" }) });
      expect(response.status).toBe(200);
      const csv = await response.text();
      expect(csv).toContain(CHILD_HIDDEN);
      for (const secret of ["Сидорова", DIAGNOSIS, "2015-06-07", "2027-09-01"]) expect(csv).not.toContain(secret);
    }
  });
});

describe("3. erasure on request", () => {
  it("removes the child's files from storage and the database and scrubs the journal, leaving a trace of the erasure", async () => {
    const { studentId, fileId } = await childWithIup("Стираемова Ева Евгеньевна");
    const { storageKey } = await db().storedFile.findUniqueOrThrow({ where: { id: fileId } });
    await getStudent({ scope: a.auditor, id: studentId });
    const onDisk = path.join(storageRoot, ...storageKey.split("/"));
    expect((await readdir(path.dirname(onDisk))).includes(path.basename(onDisk))).toBe(true);

    expect(await eraseStudent({ scope: a.school, id: studentId })).toEqual({ id: studentId, files: 1 });
    for (const scope of [a.school, a.auditor]) expect((await get(scope, fileId)).status).toBe(404);
    expect(await db().storedFile.count({ where: { id: fileId } })).toBe(0);
    expect((await readdir(path.dirname(onDisk))).includes(path.basename(onDisk))).toBe(false);

    const trail = JSON.stringify(await db().auditEvent.findMany({ where: { regionId: a.t.regionA.id } }));
    for (const secret of ["Стираемова", DIAGNOSIS, "2015-06-07", "2027-09-01"]) expect(trail).not.toContain(secret);
    const erased = await db().auditEvent.findFirstOrThrow({ where: { entity: "DotStudent", entityId: studentId, action: "ERASE" } });
    expect(erased).toMatchObject({ actorName: a.school.name, after: { files: 1 } });
    // The card's read log stays: who read the child's record, with no personal data in it.
    expect(await db().studentCardRead.count({ where: { studentId } })).toBe(1);
  });

  it("leaves everything as it was when the bytes cannot be removed", async () => {
    const { studentId, fileId } = await childWithIup("Неудачнова Нина");
    // The store refuses to delete (S3 unreachable): the erasure must not half-happen.
    const storage = await import("@/lib/server/files/storage");
    const spy = vi.spyOn(storage, "storage").mockReturnValue({
      put: async () => {},
      read: async () => {
        throw new Error("unused");
      },
      check: async () => {},
      remove: async () => {
        throw new Error("S3 недоступно");
      },
    });
    try {
      await expect(eraseStudent({ scope: a.school, id: studentId })).rejects.toThrow("S3 недоступно");
    } finally {
      spy.mockRestore();
    }
    expect(await db().dotStudent.count({ where: { id: studentId } })).toBe(1);
    expect(await db().storedFile.count({ where: { id: fileId } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: studentId, action: "ERASE" } })).toBe(0);
  });
});

describe("4. reads of a child's data by the auditor", () => {
  it("a download of the child's file is logged like a read of the card: on the card's log and in the journal", async () => {
    const { studentId, fileId } = await childWithIup("Читаемов Тимур");
    expect((await get(a.auditor, fileId)).status).toBe(200);
    const reads = await listStudentCardReads({ scope: a.school, studentId });
    expect(reads).toMatchObject([{ userName: a.auditor.name, fileId }]);
    const events = await db().auditEvent.findMany({ where: { entity: "StoredFile", entityId: fileId, action: "READ" } });
    expect(events).toMatchObject([
      { actorId: a.auditor.userId, regionId: a.t.regionA.id, after: { download: true, ownerKind: "DOT_STUDENT", ownerId: studentId } },
    ]);
  });

  it("a page of names the auditor is shown is logged with the ids on it; the school's own list is not", async () => {
    const { studentId } = await childWithIup("Списков Семён");
    const before = await db().auditEvent.count({ where: { entity: "DotStudent", entityId: "list" } });
    await listStudents({ scope: a.school, query: { schoolYear: YEAR } });
    expect(await db().auditEvent.count({ where: { entity: "DotStudent", entityId: "list" } })).toBe(before);
    await listStudents({ scope: a.auditor, query: { schoolYear: YEAR, q: "Списков" } });
    const read = await db().auditEvent.findFirstOrThrow({
      where: { entity: "DotStudent", entityId: "list", actorId: a.auditor.userId },
      orderBy: { at: "desc" },
    });
    expect(read.after).toMatchObject({ shown: [studentId], search: true, schoolYear: YEAR });
    expect(JSON.stringify(read)).not.toContain("Списков");
  });
});

describe("6. the registry's duplicate check", () => {
  it("is no oracle: another school files the same requisites in its own registry, and nobody is told another's title or id", async () => {
    const order = { type: "приказ", issuer: "МБОУ СОШ № 1", date: "2025-09-01", number: "15-у" } as const;
    const title = `О зачислении ${CHILD} на обучение на дому с ДОТ`;
    const own = await createDocument({
      scope: a.school,
      input: { owner: `organization:${a.t.a1s1.id}`, ...order, title, childData: true },
    });
    // The other school's coordinator: its own registry, no clash with what it cannot see.
    const theirs = await createDocument({
      scope: a.otherSchool,
      input: { owner: `organization:${a.t.a1s2.id}`, ...order, title: "Приказ школы № 2" },
    });
    expect(theirs.id).not.toBe(own.id);
    // The municipal coordinator writing for the same school: refused, without the title or the id of a document it may not read.
    const clash = await refusal(createDocument({ scope: a.mo, input: { owner: `organization:${a.t.a1s1.id}`, ...order, title: "X" } }));
    expect(clash.code).toBe("CONFLICT");
    expect(clash.meta).toEqual({});
    expect(`${clash.message} ${JSON.stringify(clash.fieldErrors)}`).not.toContain("Иванов");
    // The school itself is pointed at its own document.
    const mine = await refusal(createDocument({ scope: a.school, input: { owner: `organization:${a.t.a1s1.id}`, ...order, title: "X" } }));
    expect(mine.meta).toEqual({ existingId: own.id });
  });

  it("a document naming a child is the child's record: hidden from the registry, its search and its count for those who see counts only", async () => {
    const title = "О зачислении Поисковой Полины на обучение на дому";
    await createDocument({
      scope: a.school,
      input: { owner: `organization:${a.t.a1s1.id}`, type: "приказ", date: "2025-09-02", number: "16-у", title, childData: true },
    });
    for (const scope of [a.mo, a.admin, a.otherSchool]) {
      const found = await listDocuments({ scope, query: { q: "Поисков" } });
      expect(found.total).toBe(0);
      expect(JSON.stringify(await listDocuments({ scope, query: { pageSize: "100" } }))).not.toContain("Поисков");
    }
    for (const scope of [a.school, a.auditor]) expect((await listDocuments({ scope, query: { q: "Поисков" } })).total).toBe(1);
  });
});

describe("10. background report files", () => {
  it("are read by their requester only, not by the rest of the region's staff", async () => {
    // The region's ДОТ records report (counts only), made in the background for the admin who asked for it.
    const regionId = a.t.regionA.id;
    const dedupeKey = `records:${regionId}:${a.admin.userId}`;
    const job = await db().reportJob.create({
      data: { regionId, requestedById: a.admin.userId, kind: "records", subjectId: regionId, dedupeKey, title: "Отчёт" },
    });
    await runReportJob({ data: { reportJobId: job.id, dedupeKey }, log: () => {} });
    const { fileId } = await db().reportJob.findUniqueOrThrow({ where: { id: job.id } });
    if (!fileId) throw new Error("the report was not made");
    expect((await get(a.admin, fileId)).status).toBe(200);
    for (const scope of [a.auditor, a.auditor2, a.mo]) expect((await get(scope, fileId)).status).toBe(404);
  });
});
