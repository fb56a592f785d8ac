import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { getAssignmentHistory } from "@/lib/server/assignments/get-assignment-history";
import { getCoordinatorCoverage } from "@/lib/server/assignments/get-coordinator-coverage";
import { listOrderOptions } from "@/lib/server/assignments/list-order-options";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { db } from "@/lib/server/db/client";
import { toErrorBody } from "@/lib/server/http/to-response";
import { ensureMunicipality, ensureOrganization, ensureRegion } from "@/lib/server/seed/factories";
import { buildTwoTenants, userWithRole } from "../support/directory";
import { rejectionOf as failure } from "../support/refusals";
import { useTestDatabase } from "../support/test-database";
import { createAssignment, listAssignments } from "../support/operations";

useTestDatabase();

let t: Awaited<ReturnType<typeof buildTwoTenants>>;
let a1s3: { id: string };
let admin: Scope;
let auditor: Scope;
let adminB: Scope;
let coordinatorA1: Scope;
let orderA1: { id: string };
let letterA1: { id: string };
let orderA2: { id: string };

beforeAll(async () => {
  t = await buildTwoTenants("asg");
  a1s3 = await ensureOrganization(db(), { regionId: t.regionA.id, municipalityId: t.a1.id, kind: "SCHOOL", name: "Школа A1-3" });
  admin = (await userWithRole("admin@asg.test", "REGION_ADMIN", { regionId: t.regionA.id })).scope;
  auditor = (await userWithRole("auditor@asg.test", "REGION_AUDITOR", { regionId: t.regionA.id })).scope;
  adminB = (await userWithRole("admin-b@asg.test", "REGION_ADMIN", { regionId: t.regionB.id })).scope;
  coordinatorA1 = (await userWithRole("mo-a1@asg.test", "MUNICIPAL_COORDINATOR", { regionId: t.regionA.id, municipalityId: t.a1.id }))
    .scope;
  const doc = (municipalityId: string, type: string, date: string, number: string, title: string) =>
    db().registryDocument.create({
      data: {
        regionId: t.regionA.id,
        municipalityId,
        scopeId: municipalityId,
        type,
        issuer: "Управления образования",
        date: new Date(date),
        number,
        title,
      },
    });
  orderA1 = await doc(t.a1.id, "приказ", "2020-09-18", "1006", "О реализации муниципальной системы методической работы");
  letterA1 = await doc(t.a1.id, "письмо", "2021-02-01", "12", "О мониторинге");
  orderA2 = await doc(t.a2.id, "приказ", "2021-08-20", "77", "О назначении координатора");
});

const appoint = (overrides: Record<string, unknown> = {}) => ({
  role: "MUNICIPAL_COORDINATOR",
  subjectId: t.a1.id,
  personName: "Плесецкая Олеся Васильевна",
  phone: "8 (86146) 4-13-17",
  email: "plesetskaya@slav.example",
  validFrom: "2020-09-18",
  validTo: "",
  orderDocumentId: "",
  ...overrides,
});

describe("coordinator assignments", () => {
  it("appoints a municipal coordinator by an order; the list and the history show it with the order's requisites", async () => {
    const created = await createAssignment({ scope: admin, input: appoint({ orderDocumentId: orderA1.id }) });
    expect(created.closed).toBeNull();

    const page = await listAssignments({ scope: admin, query: { municipalityId: t.a1.id, role: "MUNICIPAL_COORDINATOR" } });
    expect(page.rows).toEqual([
      expect.objectContaining({
        subjectId: t.a1.id,
        subject: "Муниципалитет A1",
        role: "MUNICIPAL_COORDINATOR",
        personName: "Плесецкая Олеся Васильевна",
        phone: "8 (86146) 4-13-17",
        email: "plesetskaya@slav.example",
        validFrom: "2020-09-18",
        validTo: null,
        order: "приказ от 18.09.2020 № 1006",
        current: true,
        hasAccount: false,
      }),
    ]);

    const history = await getAssignmentHistory({ scope: admin, subjectId: t.a1.id });
    expect(history.subject).toMatchObject({ kind: "MUNICIPALITY", name: "Муниципалитет A1" });
    expect(history.canAppoint).toBe(true);
    expect(history.assignments.map((a) => [a.personName, a.order?.requisites, a.current])).toEqual([
      ["Плесецкая Олеся Васильевна", "приказ от 18.09.2020 № 1006", true],
    ]);
  });

  it("offers the municipality's registry documents as orders, orders first, and refuses another municipality's", async () => {
    const options = await listOrderOptions({ scope: admin, municipalityId: t.a1.id });
    expect(options.map((o) => o.label)).toEqual([
      "приказ от 18.09.2020 № 1006 «О реализации муниципальной системы методической работы»",
      "письмо от 01.02.2021 № 12 «О мониторинге»",
    ]);
    expect(options.map((o) => o.id)).toEqual([orderA1.id, letterA1.id]);

    const before = await db().coordinatorAssignment.count();
    const error = await failure(
      createAssignment({ scope: admin, input: appoint({ subjectId: t.a1s2.id, role: "SCHOOL_COORDINATOR", orderDocumentId: orderA2.id }) }),
    );
    expect(error).toMatchObject({ code: "NOT_FOUND", fieldErrors: { orderDocumentId: ["Выберите документ из списка."] } });
    expect(await db().coordinatorAssignment.count()).toBe(before);
  });

  it("a successor closes the current coordinator the day before and the history keeps both", async () => {
    await createAssignment({
      scope: admin,
      input: appoint({ subjectId: t.a2.id, personName: "Иванова Анна Петровна", email: "", validFrom: "2019-01-01" }),
    });
    const successor = await createAssignment({
      scope: admin,
      input: appoint({
        subjectId: t.a2.id,
        personName: "Сидоров Павел Ильич",
        email: "",
        validFrom: "2021-09-01",
        orderDocumentId: orderA2.id,
      }),
    });
    expect(successor.closed).toMatchObject({ validTo: "2021-08-31" });

    const history = await getAssignmentHistory({ scope: auditor, subjectId: t.a2.id });
    expect(history.assignments.map((a) => [a.personName, a.validFrom, a.validTo, a.current])).toEqual([
      ["Сидоров Павел Ильич", "2021-09-01", null, true],
      ["Иванова Анна Петровна", "2019-01-01", "2021-08-31", false],
    ]);
    const current = await listAssignments({ scope: admin, query: { municipalityId: t.a2.id, current: "1" } });
    expect(current.rows.map((r) => r.personName)).toEqual(["Сидоров Павел Ильич"]);
  });

  it("refuses overlapping periods with a clear Russian message and stores nothing", async () => {
    const before = await db().coordinatorAssignment.findMany({ orderBy: { id: "asc" } });

    const sameStart = await failure(
      createAssignment({
        scope: admin,
        input: appoint({ subjectId: t.a2.id, personName: "Петров Пётр Петрович", validFrom: "2021-09-01" }),
      }),
    );
    expect(sameStart).toBeInstanceOf(AppError);
    expect((sameStart as AppError).code).toBe("CONFLICT");
    expect((sameStart as AppError).message).toBe(
      "С этой даты уже назначен координатор: Сидоров Павел Ильич, с 01.09.2021. Выберите другую дату начала.",
    );
    expect((sameStart as AppError).fieldErrors.validFrom).toEqual(["Пересекается с назначением: Сидоров Павел Ильич, с 01.09.2021."]);

    const intoLater = await failure(
      createAssignment({
        scope: admin,
        input: appoint({ subjectId: t.a2.id, personName: "Петров Пётр Петрович", validFrom: "2018-06-01", validTo: "2019-06-30" }),
      }),
    );
    expect((intoLater as AppError).message).toBe(
      "Период пересекается с более поздним назначением: Иванова Анна Петровна, с 01.01.2019 по 31.08.2021. " +
        "Укажите дату окончания не позже 31.12.2018.",
    );

    const inside = await failure(
      createAssignment({
        scope: admin,
        input: appoint({ subjectId: t.a2.id, personName: "Петров Пётр Петрович", validFrom: "2020-01-01", validTo: "2020-12-31" }),
      }),
    );
    expect((inside as AppError).code).toBe("CONFLICT");
    expect((inside as AppError).message).toContain("Период попадает внутрь назначения: Иванова Анна Петровна, с 01.01.2019 по 31.08.2021.");

    expect(await db().coordinatorAssignment.findMany({ orderBy: { id: "asc" } })).toEqual(before);

    // A period that fits before the history is an earlier appointment, kept as such.
    await createAssignment({
      scope: admin,
      input: appoint({ subjectId: t.a2.id, personName: "Петров Пётр Петрович", email: "", validFrom: "2018-01-01", validTo: "2018-12-31" }),
    });
    const history = await getAssignmentHistory({ scope: admin, subjectId: t.a2.id });
    expect(history.assignments.map((a) => a.personName)).toEqual(["Сидоров Павел Ильич", "Иванова Анна Петровна", "Петров Пётр Петрович"]);
  });

  it("refuses an invalid e-mail, date or period in Russian and stores nothing", async () => {
    const before = await db().coordinatorAssignment.count();
    const users = await db().user.count();

    const bad = await failure(
      createAssignment({
        scope: admin,
        input: appoint({ subjectId: t.a1s2.id, role: "SCHOOL_COORDINATOR", email: "не почта", validFrom: "2020-02-30" }),
      }),
    );
    expect(bad).toBeInstanceOf(ZodError);
    const body = toErrorBody(bad);
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.fieldErrors.email).toEqual(["Введите корректный адрес электронной почты."]);
    expect(body.error.fieldErrors.validFrom).toEqual(["Укажите дату в формате ДД.ММ.ГГГГ."]);

    const backwards = toErrorBody(
      await failure(
        createAssignment({
          scope: admin,
          input: appoint({ subjectId: t.a1s2.id, role: "SCHOOL_COORDINATOR", validFrom: "2022-09-01", validTo: "2022-08-31" }),
        }),
      ),
    );
    expect(backwards.error.fieldErrors.validTo).toEqual(["Дата окончания не может быть раньше даты начала."]);

    const noMail = toErrorBody(
      await failure(
        createAssignment({
          scope: admin,
          input: appoint({ subjectId: t.a1s2.id, role: "SCHOOL_COORDINATOR", email: "", invite: true, password: "short" }),
        }),
      ),
    );
    expect(noMail.error.fieldErrors).toMatchObject({
      email: ["Укажите электронную почту, чтобы пригласить координатора."],
      password: ["Пароль должен быть не короче 10 символов."],
    });

    expect(await db().coordinatorAssignment.count()).toBe(before);
    expect(await db().user.count()).toBe(users);
  });

  it("an invitation creates the person as a user who holds the coordinator's role and can sign in", async () => {
    const created = await createAssignment({
      scope: admin,
      input: appoint({
        role: "SCHOOL_COORDINATOR",
        subjectId: t.a1s1.id,
        personName: "Кравченко Ирина Сергеевна",
        email: "Kravchenko@School.example",
        validFrom: "2023-09-01",
        invite: true,
        password: "start-password-2026",
      }),
    });
    expect(created.userCreated).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email: "kravchenko@school.example" }, include: { memberships: true } });
    expect(user.name).toBe("Кравченко Ирина Сергеевна");
    expect(user.memberships).toMatchObject([{ role: "SCHOOL_COORDINATOR", organizationId: t.a1s1.id, municipalityId: t.a1.id }]);
    expect((await db().coordinatorAssignment.findUniqueOrThrow({ where: { id: created.id } })).userId).toBe(user.id);
    expect(await verifyCredentials({ email: "kravchenko@school.example", password: "start-password-2026" })).toMatchObject({ ok: true });
    const row = (await listAssignments({ scope: admin, query: { q: "Кравченко" } })).rows[0];
    expect(row).toMatchObject({ subject: "Школа A1-1 (Муниципалитет A1)", hasAccount: true });
  });

  it("an invitation of someone already a user of the region adds the role to them", async () => {
    const existing = await userWithRole(
      "existing@asg.test",
      "SCHOOL_COORDINATOR",
      {
        regionId: t.regionA.id,
        municipalityId: t.a2.id,
        organizationId: t.a2s1.id,
      },
      "own-password-123",
    );
    const users = await db().user.count();
    const created = await createAssignment({
      scope: admin,
      input: appoint({
        role: "SCHOOL_COORDINATOR",
        subjectId: t.a1s2.id,
        personName: "Старожилова Вера Николаевна",
        email: "EXISTING@asg.test",
        validFrom: "2022-09-01",
        invite: true,
        password: "ignored-password-1",
      }),
    });
    expect(created).toMatchObject({ userId: existing.user.id, userCreated: false });
    expect(await db().user.count()).toBe(users);
    const roles = await db().membership.findMany({ where: { userId: existing.user.id }, orderBy: { createdAt: "asc" } });
    expect(roles.map((m) => [m.role, m.organizationId])).toEqual([
      ["SCHOOL_COORDINATOR", t.a2s1.id],
      ["SCHOOL_COORDINATOR", t.a1s2.id],
    ]);
    // Their own password still works: an invitation does not reset it.
    expect(await verifyCredentials({ email: "existing@asg.test", password: "own-password-123" })).toMatchObject({ ok: true });

    // Someone of another region is not reachable: the address is taken, and nothing is stored.
    const assignments = await db().coordinatorAssignment.count();
    const taken = await failure(
      createAssignment({
        scope: admin,
        input: appoint({
          role: "SCHOOL_COORDINATOR",
          subjectId: t.a2s1.id,
          email: "admin-b@asg.test",
          invite: true,
          password: "some-password-1",
        }),
      }),
    );
    expect(taken).toMatchObject({ code: "CONFLICT", fieldErrors: { email: ["Этот адрес уже занят."] } });
    expect(await db().coordinatorAssignment.count()).toBe(assignments);
    expect(await db().membership.count({ where: { userId: adminB.userId } })).toBe(1);
  });

  it("a municipal coordinator appoints school coordinators of their municipality only, and cannot invite", async () => {
    const school = appoint({
      role: "SCHOOL_COORDINATOR",
      subjectId: a1s3.id,
      personName: "Орлова Мария Ивановна",
      email: "",
      validFrom: "2024-09-01",
    });
    const created = await createAssignment({ scope: coordinatorA1, input: school });
    expect((await getAssignmentHistory({ scope: coordinatorA1, subjectId: a1s3.id })).assignments.map((a) => a.personName)).toEqual([
      "Орлова Мария Ивановна",
    ]);
    expect(created.subjectId).toBe(a1s3.id);

    const before = await db().coordinatorAssignment.count();
    const users = await db().user.count();
    const elsewhere = await failure(createAssignment({ scope: coordinatorA1, input: { ...school, subjectId: t.a2s1.id } }));
    expect(elsewhere).toMatchObject({ code: "NOT_FOUND", message: "Школа не найдена." });
    const ownMunicipality = await failure(
      createAssignment({
        scope: coordinatorA1,
        input: { ...school, role: "MUNICIPAL_COORDINATOR", subjectId: t.a1.id, validFrom: "2025-01-01" },
      }),
    );
    expect(ownMunicipality).toMatchObject({ code: "FORBIDDEN" });
    const invite = await failure(
      createAssignment({
        scope: coordinatorA1,
        input: { ...school, validFrom: "2025-09-01", email: "invitee@asg.test", invite: true, password: "some-password-1" },
      }),
    );
    expect(invite).toMatchObject({ code: "FORBIDDEN", message: "Пригласить координатора в систему может только администратор региона." });
    const auditorInvite = await failure(
      createAssignment({
        scope: auditor,
        input: { ...school, validFrom: "2025-09-01", email: "invitee@asg.test", invite: true, password: "some-password-1" },
      }),
    );
    expect(auditorInvite).toMatchObject({ code: "FORBIDDEN" });
    expect(await db().coordinatorAssignment.count()).toBe(before);
    expect(await db().user.count()).toBe(users);

    // The coordinator lists only their municipality's coordinators.
    const seen = await listAssignments({ scope: coordinatorA1, query: { pageSize: 100 } });
    expect(new Set(seen.rows.map((r) => r.subject.includes("Муниципалитет A1")))).toEqual(new Set([true]));
  });

  it("another region's admin gets 'not found' for everything of region A", async () => {
    const before = await db().coordinatorAssignment.count();
    await expect(createAssignment({ scope: adminB, input: appoint({ validFrom: "2030-01-01" }) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      createAssignment({ scope: adminB, input: appoint({ role: "SCHOOL_COORDINATOR", subjectId: t.a1s1.id, validFrom: "2030-01-01" }) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createAssignment({ scope: adminB, input: appoint({ subjectId: t.b1.id, orderDocumentId: orderA1.id }) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", fieldErrors: { orderDocumentId: ["Выберите документ из списка."] } });
    await expect(getAssignmentHistory({ scope: adminB, subjectId: t.a1.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listOrderOptions({ scope: adminB, municipalityId: t.a1.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listAssignments({ scope: adminB, query: {} })).total).toBe(0);
    expect(await db().coordinatorAssignment.count()).toBe(before);
  });

  it("lists on the server: sorted by subject, searched and paged", async () => {
    const all = await listAssignments({ scope: admin, query: { pageSize: 100 } });
    expect(all.rows.map((r) => r.subject)).toEqual([
      "Муниципалитет A1",
      "Школа A1-1 (Муниципалитет A1)",
      "Школа A1-2 (Муниципалитет A1)",
      "Школа A1-3 (Муниципалитет A1)",
      "Муниципалитет A2",
      "Муниципалитет A2",
      "Муниципалитет A2",
    ]);
    const second = await listAssignments({ scope: admin, query: { pageSize: 5, page: 2 } });
    expect(second).toMatchObject({ total: 7, page: 2 });
    expect(second.rows.map((r) => r.personName)).toEqual(["Иванова Анна Петровна", "Петров Пётр Петрович"]);
    const schools = await listAssignments({ scope: admin, query: { role: "SCHOOL_COORDINATOR", sort: "personName", dir: "desc" } });
    expect(schools.rows.map((r) => r.personName)).toEqual([
      "Старожилова Вера Николаевна",
      "Орлова Мария Ивановна",
      "Кравченко Ирина Сергеевна",
    ]);
    expect((await listAssignments({ scope: admin, query: { q: "a2" } })).total).toBe(3);
    expect((await listAssignments({ scope: admin, query: { q: "100%_" } })).total).toBe(0);
  });
});

describe("coordinator coverage", () => {
  it("counts exactly the municipalities and schools without a current coordinator", async () => {
    const d = db();
    const region = await ensureRegion(d, { code: "C77", name: "Регион покрытия" });
    const c1 = await ensureMunicipality(d, { regionId: region.id, name: "Первый район" });
    const c2 = await ensureMunicipality(d, { regionId: region.id, name: "Второй район" });
    const school = (municipalityId: string, name: string) =>
      ensureOrganization(d, { regionId: region.id, municipalityId, kind: "SCHOOL", name });
    const c1s1 = await school(c1.id, "Школа № 1");
    const c1s2 = await school(c1.id, "Школа № 2");
    const c2s1 = await school(c2.id, "Школа № 3");
    // Not a school: never counted.
    await ensureOrganization(d, { regionId: region.id, municipalityId: c1.id, kind: "MUNICIPAL_CENTER", name: "Методический центр" });
    const { scope } = await userWithRole("admin@coverage.test", "REGION_ADMIN", { regionId: region.id });
    const put = (role: string, subjectId: string, validFrom: string, validTo = "") =>
      createAssignment({ scope, input: appoint({ role, subjectId, email: "", validFrom, validTo }) });
    await put("MUNICIPAL_COORDINATOR", c1.id, "2020-01-01"); // current
    await put("MUNICIPAL_COORDINATOR", c2.id, "2019-01-01", "2019-12-31"); // expired
    await put("SCHOOL_COORDINATOR", c1s1.id, "2024-05-01"); // current from today
    await put("SCHOOL_COORDINATOR", c1s2.id, "2030-01-01"); // not yet

    const coverage = await getCoordinatorCoverage({ scope, today: "2024-05-01" });
    expect(coverage).toEqual({
      today: "2024-05-01",
      municipalities: { total: 2, missing: 1, list: [{ id: c2.id, name: "Второй район" }] },
      schools: {
        total: 3,
        missing: 2,
        list: [
          { id: c2s1.id, name: "Школа № 3", municipalityId: c2.id, municipalityName: "Второй район" },
          { id: c1s2.id, name: "Школа № 2", municipalityId: c1.id, municipalityName: "Первый район" },
        ],
      },
    });
    // The last day of a period still counts; other regions' coordinators never do.
    const lastDay = await getCoordinatorCoverage({ scope, today: "2019-12-31" });
    expect([lastDay.municipalities.missing, lastDay.schools.missing]).toEqual([1, 3]);
    expect(lastDay.municipalities.list.map((m) => m.name)).toEqual(["Первый район"]);
    expect((await getCoordinatorCoverage({ scope: adminB, today: "2024-05-01" })).municipalities).toEqual({
      total: 1,
      missing: 1,
      list: [{ id: t.b1.id, name: "Муниципалитет B1" }],
    });
  });
});
