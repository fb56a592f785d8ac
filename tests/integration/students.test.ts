import { ZodError } from "zod";
import { CARD_VISIT_MINUTES } from "@/lib/domain/privacy/card-visit";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db/client";
import { countStudentsByArea } from "@/lib/server/students/count-students-by-area";
import { eraseStudent } from "@/lib/server/students/erase-student";
import { getStudent } from "@/lib/server/students/get-student";
import { listStudentCardReads } from "@/lib/server/students/list-student-card-reads";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { rejectionOf } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";
import {
  createDocument,
  createStudent,
  createTeacher,
  listStudents,
  listTeachers,
  updateStudent,
  updateTeacher,
} from "../support/operations";

useTestDatabase();

const YEAR = "2025/2026";
const NAME = "Секретова Анна Игоревна";

type Actors = Awaited<ReturnType<typeof buildActors>>;
let a: Actors;
let studentId: string;
let teacherId: string;
let orderId: string;

async function buildActors() {
  const t = await buildTwoTenants("stu");
  const school = await userWithRole("school@a1.test", "SCHOOL_COORDINATOR", {
    regionId: t.regionA.id,
    municipalityId: t.a1.id,
    organizationId: t.a1s1.id,
  });
  const otherSchool = await userWithRole("school2@a1.test", "SCHOOL_COORDINATOR", {
    regionId: t.regionA.id,
    municipalityId: t.a1.id,
    organizationId: t.a1s2.id,
  });
  const auditor = await userWithRole("auditor@a.test", "REGION_AUDITOR", { regionId: t.regionA.id });
  const admin = await userWithRole("admin@a.test", "REGION_ADMIN", { regionId: t.regionA.id });
  const mo = await userWithRole("mo@a1.test", "MUNICIPAL_COORDINATOR", { regionId: t.regionA.id, municipalityId: t.a1.id });
  const adminB = await userWithRole("admin@b.test", "REGION_ADMIN", { regionId: t.regionB.id });
  const auditorB = await userWithRole("auditor@b.test", "REGION_AUDITOR", { regionId: t.regionB.id });
  return { t, school, otherSchool, auditor, admin, mo, adminB, auditorB };
}

const student = (overrides: Record<string, unknown> = {}) => ({
  organizationId: a.t.a1s1.id,
  schoolYear: YEAR,
  fullName: NAME,
  birthDate: "2012-04-01",
  grade: "7",
  enrolmentOrderId: orderId,
  networkAgreementId: "",
  disabilityConfirmedUntil: "2027-01-01",
  iupPresent: true,
  iupFileId: null,
  timetable: "Пн, ср, пт — 10:00",
  teacherIds: [teacherId],
  status: "STUDYING",
  furtherEducation: "",
  ...overrides,
});

async function failure(call: Promise<unknown>) {
  const error = await rejectionOf(call);
  if (error instanceof AppError) return { code: error.code, message: error.message, fields: error.fieldErrors };
  if (error instanceof ZodError)
    return { code: "ZOD", message: error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), fields: {} };
  return { code: String(error), message: "", fields: {} };
}

beforeAll(async () => {
  a = await buildActors();
  const order = await createDocument({
    scope: a.school.scope,
    input: {
      owner: `organization:${a.t.a1s1.id}`,
      type: "приказ",
      issuer: "МБОУ СОШ",
      date: "2025-08-30",
      number: "77-у",
      title: "Об обучении с применением ДОТ",
    },
  });
  orderId = order.id;
  const teacher = await createTeacher({
    scope: a.school.scope,
    input: {
      organizationId: a.t.a1s1.id,
      schoolYear: YEAR,
      fullName: "Учителева Мария Петровна",
      subject: "математика",
      needsCourse: true,
      courses: [{ title: "ДОТ в обучении детей с ОВЗ", dateFrom: "2024-10-01", dateTo: "2024-10-20", hours: 72 }],
    },
  });
  teacherId = teacher.id;
});

describe("ДОТ records: the school coordinator", () => {
  it("creates a student with a registry order and a teacher, and updates it", async () => {
    const created = await createStudent({ scope: a.school.scope, input: student() });
    studentId = created.id;
    const card = await getStudent({ scope: a.school.scope, id: studentId });
    expect(card).toMatchObject({
      fullName: NAME,
      grade: "7",
      enrolmentOrderId: orderId,
      iupPresent: true,
      canEdit: true,
      status: "STUDYING",
    });
    expect(card.teachers.map((t) => t.id)).toEqual([teacherId]);

    await updateStudent({
      scope: a.school.scope,
      id: studentId,
      input: { ...student({ status: "GRADUATED", furtherEducation: "VUZ", teacherIds: [] }), organizationId: undefined },
    });
    const updated = await getStudent({ scope: a.school.scope, id: studentId });
    expect(updated).toMatchObject({ status: "GRADUATED", furtherEducation: "VUZ", teachers: [] });
  });

  it("keeps teachers with their courses and refuses a course that ends before it starts", async () => {
    const page = await listTeachers({ scope: a.school.scope, query: { schoolYear: YEAR } });
    expect(page.rows).toMatchObject([{ id: teacherId, needsCourse: true, courses: [{ hours: 72, dateTo: "2024-10-20" }] }]);
    const bad = await failure(
      updateTeacher({
        scope: a.school.scope,
        id: teacherId,
        input: {
          schoolYear: YEAR,
          fullName: "Учителева М. П.",
          subject: "математика",
          courses: [{ title: "Курс", dateFrom: "2024-10-20", dateTo: "2024-10-01", hours: 0 }],
        },
      }),
    );
    expect(bad.code).toBe("ZOD");
    expect(bad.message).toContain("Дата окончания не может быть раньше даты начала.");
    expect(bad.message).toContain("Число часов должно быть больше нуля.");
    await updateTeacher({
      scope: a.school.scope,
      id: teacherId,
      input: { schoolYear: YEAR, fullName: "Учителева М. П.", subject: "математика", needsCourse: false, courses: [] },
    });
    expect((await listTeachers({ scope: a.school.scope, query: {} })).rows[0]).toMatchObject({
      fullName: "Учителева М. П.",
      needsCourse: false,
      courses: [],
    });
    // Another school's coordinator cannot touch it.
    expect(
      (
        await failure(
          updateTeacher({ scope: a.otherSchool.scope, id: teacherId, input: { schoolYear: YEAR, fullName: "X", subject: "Y" } }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect((await listTeachers({ scope: a.mo.scope, query: {} })).total).toBe(0);
  });

  it("refuses bad input in Russian, without the personal data entered", async () => {
    const bad = await failure(
      createStudent({
        scope: a.school.scope,
        input: student({ schoolYear: "2025/2027", birthDate: "2999-01-01", status: "STUDYING", furtherEducation: "SPO" }),
      }),
    );
    expect(bad.code).toBe("ZOD");
    expect(bad.message).toContain("Учебный год указывается как 2025/2026.");
    expect(bad.message).toContain("Дата рождения должна быть в прошлом.");
    expect(bad.message).toContain("Продолжение обучения указывается только для выпускников.");
    expect(bad.message).not.toContain("Секретова");
    const empty = await failure(createStudent({ scope: a.school.scope, input: student({ fullName: "  ", grade: "" }) }));
    expect(empty.message).toContain("Укажите ФИО или инициалы.");
    expect(empty.message).toContain("Укажите класс.");

    // Foreign references: a document of another school, a teacher of another year, another school itself.
    const foreignDoc = await createDocument({
      scope: a.otherSchool.scope,
      input: {
        owner: `organization:${a.t.a1s2.id}`,
        type: "соглашение",
        issuer: "Школа A1-2",
        date: "2025-08-01",
        number: "5",
        title: "О сетевой форме",
      },
    });
    for (const input of [
      student({ networkAgreementId: foreignDoc.id }),
      student({ schoolYear: "2024/2025" }),
      student({ organizationId: a.t.a1s2.id }),
    ]) {
      const refused = await failure(createStudent({ scope: a.school.scope, input }));
      expect(refused.code).toBe("NOT_FOUND");
      expect(refused.message).toBe("Запись не найдена.");
      expect(JSON.stringify(refused)).not.toContain("Секретова");
    }
  });
});

describe("ДОТ records: who reads the card", () => {
  it("lets the region's auditor read it, read-only, and logs every visit once", async () => {
    const reads = () => db().studentCardRead.count({ where: { studentId, userId: a.auditor.user.id } });
    const journal = () =>
      db().auditEvent.count({ where: { action: "READ", entity: "DotStudent", entityId: studentId, actorId: a.auditor.user.id } });
    const before = [await reads(), await journal()];
    const card = await getStudent({ scope: a.auditor.scope, id: studentId });
    expect(card).toMatchObject({ fullName: NAME, canEdit: false });
    // A refresh, and two renders at once (a save's answer and the browser's refresh): the same visit.
    await getStudent({ scope: a.auditor.scope, id: studentId });
    await Promise.all([getStudent({ scope: a.auditor.scope, id: studentId }), getStudent({ scope: a.auditor.scope, id: studentId })]);
    expect([await reads(), await journal()]).toEqual([before[0]! + 1, before[1]! + 1]);
    // Back after the visit's window: a new visit, logged again.
    await db()
      .$executeRaw`UPDATE "StudentCardRead" SET "readAt" = "readAt" - make_interval(mins => ${CARD_VISIT_MINUTES + 1}::int) WHERE "studentId" = ${studentId}::uuid`;
    await getStudent({ scope: a.auditor.scope, id: studentId });
    expect([await reads(), await journal()]).toEqual([before[0]! + 2, before[1]! + 2]);
    expect((await listStudents({ scope: a.auditor.scope, query: { schoolYear: YEAR } })).rows.map((r) => r.id)).toEqual([studentId]);

    // Read-only: a write is "not found" for the auditor (the write filter covers only the school's coordinator).
    expect((await failure(updateStudent({ scope: a.auditor.scope, id: studentId, input: student() }))).code).toBe("NOT_FOUND");
    expect((await failure(eraseStudent({ scope: a.auditor.scope, id: studentId }))).code).toBe("NOT_FOUND");

    const log = await listStudentCardReads({ scope: a.school.scope, studentId });
    expect(log[0]).toMatchObject({ userId: a.auditor.user.id });
    expect(log.filter((r) => r.userId === a.auditor.user.id)).toHaveLength(2);
    expect(log.some((r) => r.userId === a.school.user.id)).toBe(true);
    expect((await listStudentCardReads({ scope: a.auditor.scope, studentId })).length).toBe(log.length);
  });

  it("hides the card, the list and the read log from everyone else", async () => {
    const reads = await db().studentCardRead.count({ where: { studentId } });
    for (const actor of [a.admin, a.mo, a.otherSchool, a.adminB, a.auditorB]) {
      expect(await failure(getStudent({ scope: actor.scope, id: studentId }))).toEqual({
        code: "NOT_FOUND",
        message: "Запись не найдена.",
        fields: {},
      });
      expect((await listStudents({ scope: actor.scope, query: {} })).rows).toEqual([]);
      expect((await failure(listStudentCardReads({ scope: actor.scope, studentId }))).code).toBe("NOT_FOUND");
      expect((await failure(updateStudent({ scope: actor.scope, id: studentId, input: student() }))).code).toBe("NOT_FOUND");
    }
    // A refused read is not logged.
    expect(await db().studentCardRead.count({ where: { studentId } })).toBe(reads);
  });
});

describe("ДОТ records: counts", () => {
  it("shows counts, never names: per school to the municipal coordinator, per municipality to region staff", async () => {
    await createStudent({ scope: a.school.scope, input: student({ fullName: "Второй В. В.", iupPresent: false }) });
    const forMo = await countStudentsByArea({ scope: a.mo.scope, schoolYear: YEAR });
    expect(forMo.level).toBe("school");
    expect(forMo.rows.map((r) => r.name)).toEqual(["Школа A1-1", "Школа A1-2"]);
    expect(forMo.rows[0]!.measures).toMatchObject({
      DOT_STUDENTS: 1,
      STUDENTS_AND_GRADUATES: 2,
      GRADUATES: 1,
      GRADUATES_IN_VUZ_SPO: 1,
      DOT_TEACHERS: 1,
      DOT_TEACHERS_NEEDING_COURSES: 0,
    });
    expect(forMo.rows[1]!.measures.DOT_STUDENTS).toBeNull();
    expect(JSON.stringify(forMo)).not.toContain("Второй");

    const forAdmin = await countStudentsByArea({ scope: a.admin.scope, schoolYear: YEAR });
    expect(forAdmin.level).toBe("municipality");
    expect(forAdmin.rows.find((r) => r.id === a.t.a1.id)!.measures.STUDENTS_AND_GRADUATES).toBe(2);
    expect(forAdmin.rows.find((r) => r.id === a.t.a2.id)!.measures.STUDENTS_AND_GRADUATES).toBeNull();
    expect(
      (await countStudentsByArea({ scope: a.adminB.scope, schoolYear: YEAR })).rows.every((r) => r.measures.DOT_STUDENTS === null),
    ).toBe(true);
    expect((await countStudentsByArea({ scope: a.school.scope, schoolYear: YEAR })).rows).toEqual([]);
  });
});

describe("ДОТ records: erasure on request", () => {
  it("removes the row and its teacher links, keeps the read log, and only the school coordinator may do it", async () => {
    expect((await failure(eraseStudent({ scope: a.otherSchool.scope, id: studentId }))).code).toBe("NOT_FOUND");
    await updateStudent({ scope: a.school.scope, id: studentId, input: student() });
    expect(await db().dotStudentTeacher.count({ where: { studentId } })).toBe(1);
    const reads = await db().studentCardRead.count({ where: { studentId } });
    expect(reads).toBeGreaterThan(0);

    await eraseStudent({ scope: a.school.scope, id: studentId });
    expect(await db().dotStudent.count({ where: { id: studentId } })).toBe(0);
    expect(await db().dotStudentTeacher.count({ where: { studentId } })).toBe(0);
    expect(await db().studentCardRead.count({ where: { studentId } })).toBe(reads);
    expect((await failure(getStudent({ scope: a.school.scope, id: studentId }))).code).toBe("NOT_FOUND");
    expect(await db().dotTeacher.count({ where: { id: teacherId } })).toBe(1);
  });
});
