import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./support";

test("a region admin creates a municipal coordinator who can then sign in", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.getByRole("link", { name: "Пользователи", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Пользователи и роли" })).toBeVisible();
  await page.getByRole("link", { name: "Новый пользователь" }).click();
  await page.waitForLoadState("networkidle");

  await page.getByRole("button", { name: "Создать пользователя" }).click();
  await expect(page.getByText("Укажите фамилию, имя и отчество.")).toBeVisible();
  await expect(page.getByText("Введите корректный адрес электронной почты.")).toBeVisible();
  await expect(page.getByText("Пароль должен быть не короче 10 символов.")).toBeVisible();

  await page.getByLabel("ФИО").fill("Кравченко Ирина Сергеевна");
  await page.getByLabel("Электронная почта").fill("kravchenko@tbilisskiy.example");
  await page.getByLabel("Начальный пароль").fill("start-password-2026");
  await expect(async () => {
    await page.getByLabel("Роль", { exact: true }).selectOption({ label: "Муниципальный координатор" });
    await page.getByLabel("Регион, муниципалитет или школа").selectOption({ label: "Тбилисский район" }, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("button", { name: "Создать пользователя" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Кравченко Ирина Сергеевна" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Роли пользователя" })).toContainText("Муниципальный координатор: Тбилисский район");

  // A second user with the same e-mail is refused next to the field.
  await page.goto("/region/users/new", { waitUntil: "networkidle" });
  await page.getByLabel("ФИО").fill("Дубликат");
  await page.getByLabel("Электронная почта").fill("kravchenko@tbilisskiy.example");
  await page.getByLabel("Начальный пароль").fill("start-password-2026");
  await expect(async () => {
    await page.getByLabel("Роль", { exact: true }).selectOption({ label: "Аудитор региона" });
    await page.getByLabel("Регион, муниципалитет или школа").selectOption({ label: "Краснодарский край" }, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("button", { name: "Создать пользователя" }).click();
  await expect(page.getByText("Этот адрес уже занят.")).toBeVisible();

  await signOut(page);
  await signIn(page, "kravchenko@tbilisskiy.example", "start-password-2026");
  await expect(page.getByRole("heading", { level: 1, name: "Муниципалитет: Тбилисский район" })).toBeVisible();
});

test("a region admin gives and takes a role", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/region/users?q=auditor", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "Приходько Марина Николаевна" }).click();
  // The form must be hydrated before it is used, or React resets what was chosen.
  await page.waitForLoadState("networkidle");
  const roles = page.getByRole("list", { name: "Роли пользователя" });
  // Retried: a choice made while the page is still hydrating is reset by React.
  await expect(async () => {
    await page.getByLabel("Роль", { exact: true }).selectOption({ label: "Школьный координатор" });
    await page.getByLabel("Регион, муниципалитет или школа").selectOption({ label: "МБОУ СОШ № 2" }, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("button", { name: "Назначить" }).click();
  await expect(roles).toContainText("Школьный координатор: МБОУ СОШ № 2");
  await roles.getByRole("listitem").filter({ hasText: "Школьный координатор" }).getByRole("button", { name: "Снять роль" }).click();
  await expect(roles).not.toContainText("Школьный координатор");
});
