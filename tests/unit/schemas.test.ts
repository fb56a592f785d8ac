import { describe, expect, it } from "vitest";
import { ZIndicatorValue, ZPlanCreate } from "@/lib/schemas/plan";
import { ZUserCreate, ZUserListQuery } from "@/lib/schemas/user";

const valid = {
  email: "  Coordinator@Example.RU ",
  name: "Иванова Мария Петровна",
  password: "correct-horse-battery",
  memberships: [{ role: "MUNICIPAL_COORDINATOR", scopeId: "0196f4a2-8d2e-7c1a-9b3f-2a1b3c4d5e6f" }],
};

describe("ZUserCreate", () => {
  it("normalises the e-mail", () => {
    expect(ZUserCreate.parse(valid).email).toBe("coordinator@example.ru");
  });
  it("answers in Russian, field by field", () => {
    const result = ZUserCreate.safeParse({ email: "not-an-email", name: "", password: "short", memberships: [] });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages.email).toBe("Введите корректный адрес электронной почты.");
    expect(messages.name).toBe("Укажите фамилию, имя и отчество.");
    expect(messages.password).toBe("Пароль должен быть не короче 10 символов.");
    expect(messages.memberships).toBe("Назначьте хотя бы одну роль.");
  });
  it("refuses an unknown role and a scope that is not an id", () => {
    const result = ZUserCreate.safeParse({ ...valid, memberships: [{ role: "SUPERUSER", scopeId: "23" }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["memberships.0.role", "memberships.0.scopeId"]);
  });
});

describe("list queries", () => {
  it("fall back to safe defaults on hostile parameters instead of failing", () => {
    expect(ZUserListQuery.parse({ page: "-3", pageSize: "100000", sort: "passwordHash", dir: "sideways", role: "ROOT" })).toEqual({
      page: 1,
      pageSize: 20,
      sort: "name",
      dir: "asc",
      q: "",
      role: undefined,
    });
  });
});

describe("plan forms", () => {
  const indicatorId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
  it("an empty indicator value is missing, not zero; a share above its base is refused", () => {
    const empty = ZIndicatorValue.safeParse({ indicatorId, period: "2025/2026", value: "" });
    expect(empty.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["value", "Укажите значение числом."]]);
    expect(ZIndicatorValue.parse({ indicatorId, period: "2025", value: "540", base: "1631" })).toMatchObject({
      value: 540,
      base: 1631,
      organizationId: null,
    });
    expect(ZIndicatorValue.safeParse({ indicatorId, period: "2025", value: 2000, base: 1631 }).error?.issues[0]?.message).toBe(
      "Значение не может быть больше базы.",
    );
    expect(ZIndicatorValue.safeParse({ indicatorId, period: "2025-2026", value: 1 }).error?.issues[0]?.message).toBe(
      "Период — год (2021) или учебный год (2020/2021).",
    );
  });

  it("a plan needs a school year or its dates, in order", () => {
    const owner = `municipality:${indicatorId}`;
    expect(ZPlanCreate.safeParse({ kind: "ROADMAP", title: "Дорожная карта", owner }).error?.issues.map((i) => i.path.join("."))).toEqual([
      "startsOn",
      "endsOn",
    ]);
    expect(
      ZPlanCreate.safeParse({ kind: "ROADMAP", title: "Дорожная карта", owner, startsOn: "2021-05-01", endsOn: "2020-09-01" }).error
        ?.issues[0]?.message,
    ).toBe("Окончание не может быть раньше начала.");
    expect(ZPlanCreate.parse({ kind: "ROADMAP", title: "Дорожная карта", owner, schoolYear: "2020/2021" })).toMatchObject({
      schoolYear: "2020/2021",
      startsOn: null,
    });
  });
});
