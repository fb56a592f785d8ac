import { describe, expect, it } from "vitest";
import { currentItem, navigationFor } from "@/lib/domain/shell/navigation";
import { scopeOf } from "../support/scope";

const admin = scopeOf("u1", [{ role: "REGION_ADMIN", regionId: "r" }]);
const auditor = scopeOf("u2", [{ role: "REGION_AUDITOR", regionId: "r" }]);
const school = scopeOf("u3", [{ role: "SCHOOL_COORDINATOR", regionId: "r", municipalityId: "m", organizationId: "o" }]);
const twoHats = scopeOf("u4", [
  { role: "MUNICIPAL_COORDINATOR", regionId: "r", municipalityId: "m" },
  { role: "SCHOOL_COORDINATOR", regionId: "r", municipalityId: "m", organizationId: "o" },
]);

const labels = (groups: ReturnType<typeof navigationFor>) => Object.fromEntries(groups.map((g) => [g.label, g.items.map((i) => i.label)]));

describe("the menu", () => {
  it("gives the region's admin every group, administration included", () => {
    expect(labels(navigationFor(admin))).toEqual({
      Главная: ["Главная страница"],
      Аудит: ["Кампании", "Бланки", "Замечания", "Шаблоны", "Динамика"],
      "Документы и планы": ["Документы", "Планы", "Отчёты"],
      ДОТ: ["Учёт ДОТ (численность)"],
      Администрирование: ["Координаторы", "Пользователи", "Журнал изменений"],
    });
  });

  it("keeps users and the journal from an auditor", () => {
    expect(labels(navigationFor(auditor)).Администрирование).toEqual(["Координаторы"]);
  });

  it("leaves out a group with no item for the caller: a school has no administration", () => {
    const groups = labels(navigationFor(school));
    expect(groups).not.toHaveProperty("Администрирование");
    expect(groups.Аудит).toEqual(["Бланки", "Замечания"]);
    expect(groups.ДОТ).toEqual(["Учёт ДОТ"]);
  });

  it("names each home when the caller has two", () => {
    expect(labels(navigationFor(twoHats)).Главная).toEqual(["Муниципалитет", "Школа"]);
  });
});

describe("the current item", () => {
  const groups = navigationFor(admin);
  it("marks an item's own page as the page", () => {
    expect(currentItem(groups, "/region/users")).toEqual({ href: "/region/users", exact: true });
  });
  it("marks the section of a nested page, the deepest match winning over the home", () => {
    expect(currentItem(groups, "/region/users/abc")).toEqual({ href: "/region/users", exact: false });
    expect(currentItem(groups, "/campaigns/abc/dashboard")).toEqual({ href: "/region/campaigns", exact: false });
    expect(currentItem(groups, "/municipalities/abc")).toEqual({ href: "/region", exact: false });
    expect(currentItem(groups, "/region")).toEqual({ href: "/region", exact: true });
  });
  it("marks nothing outside the menu and never a mere prefix of a word", () => {
    expect(currentItem(groups, "/notifications")).toBeNull();
    expect(currentItem(groups, "/blanksmith")).toBeNull();
  });
});
