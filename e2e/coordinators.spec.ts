import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations, signIn, signOut } from "./support";

// The demo region has 44 municipalities with three schools each and no coordinator assignments.
test("a region admin sees the coverage, appoints and invites a municipal coordinator, and the coverage drops", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/region/coordinators", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: "Координаторы" })).toBeVisible();
  const coverage = page.getByRole("region", { name: "Покрытие координаторами" });
  await expect(coverage).toContainText("Муниципалитеты без координатора: 44 из 44");
  await expect(coverage).toContainText("Школы без координатора: 132 из 132");
  await expectNoSeriousViolations(page, "/region/coordinators");

  // Appoint from the coverage list: the form comes with the municipality chosen.
  await coverage.getByRole("link", { name: "Назначить координатора: Славянский район" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Назначение координатора" })).toBeVisible();
  await expect(page.getByLabel("Роль", { exact: true }).locator("option:checked")).toHaveText("Муниципальный координатор");
  await expect(page.getByLabel("Муниципалитет", { exact: true }).locator("option:checked")).toHaveText("Славянский район");
  await expectNoSeriousViolations(page, "/region/coordinators/new");

  await page.getByRole("button", { name: "Назначить" }).click();
  await expect(page.getByText("Укажите фамилию, имя и отчество.")).toBeVisible();
  await expect(page.getByText("Укажите дату начала.")).toBeVisible();

  await page.getByLabel("ФИО").fill("Плесецкая Олеся Васильевна");
  await page.getByLabel("Телефон").fill("8 (86146) 4-00-00");
  await page.getByLabel("Электронная почта").fill("plesetskaya@slavyansk.example");
  await page.getByLabel("Действует с").fill("2020-09-18");

  // Seed 004's order, when the demo registry holds it, is offered with its requisites.
  await expect(page.getByText("Загружаются документы реестра…")).toBeHidden();
  const order = page.getByLabel("Приказ о назначении");
  const seedOrder = order.locator("option", { hasText: "от 18.09.2020 № 1006" });
  const withOrder = (await seedOrder.count()) > 0;
  if (withOrder) await order.selectOption({ label: (await seedOrder.first().textContent()) ?? "" });

  await page.getByLabel(/Пригласить координатора/).check();
  await page.getByLabel("Начальный пароль").fill("plesetskaya-2026");
  await page.getByRole("button", { name: "Назначить" }).click();

  // The history of the municipality shows the appointment.
  await expect(page.getByRole("heading", { level: 1, name: "Координаторы: Славянский район" })).toBeVisible();
  const history = page.getByRole("table", { name: "История назначений: Славянский район" });
  const row = history.getByRole("row").filter({ hasText: "Плесецкая Олеся Васильевна" });
  await expect(row).toContainText("с 18.09.2020");
  await expect(row).toContainText("plesetskaya@slavyansk.example");
  await expect(row).toContainText("действует");
  await expect(row).toContainText("есть вход в систему");
  if (withOrder) await expect(row).toContainText("приказ от 18.09.2020 № 1006");
  await expectNoSeriousViolations(page, "/coordinators/[subjectId]");

  // The coverage counts one municipality fewer, and the list has the appointment.
  await page.getByRole("link", { name: "Все координаторы" }).click();
  await expect(coverage).toContainText("Муниципалитеты без координатора: 43 из 44");
  await expect(coverage).toContainText("Школы без координатора: 132 из 132");
  await expect(coverage.getByRole("link", { name: "Славянский район", exact: true })).toHaveCount(0);
  const listed = page.getByRole("table", { name: "Назначения координаторов" }).getByRole("row").filter({ hasText: "Плесецкая" });
  await expect(listed).toContainText("Славянский район");
  await expect(listed).toContainText("Муниципальный координатор");

  // The invitation made her a user who signs in as the municipality's coordinator.
  await signOut(page);
  await signIn(page, "plesetskaya@slavyansk.example", "plesetskaya-2026");
  await expect(page.getByRole("heading", { level: 1, name: "Муниципалитет: Славянский район" })).toBeVisible();
});
