import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-2026";

/** Submits the sign-in form; the caller checks the outcome. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/login", { waitUntil: "networkidle" });
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
}

/** Signs in and waits until the app has left the sign-in page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/login");
  await page.waitForLoadState("networkidle");
}

/** The sign-in form's own error (Next's route announcer is an alert too). */
export const signInError = (page: Page) => page.getByRole("form", { name: "Вход" }).getByRole("alert");

/** The user menu in the header (name, notifications, «Сеансы», «Выйти»), opened. */
export async function openUserMenu(page: Page) {
  await page.getByRole("banner").locator('[aria-haspopup="menu"]').click();
  return page.getByRole("menu");
}

export async function signOut(page: Page) {
  await (await openUserMenu(page)).getByRole("menuitem", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Finds a municipality's id the way a user would: through the region's list. */
export async function municipalityIdByName(page: Page, name: string): Promise<string> {
  await page.goto(`/region?q=${encodeURIComponent(name)}`, { waitUntil: "networkidle" });
  const href = await page.getByRole("link", { name, exact: true }).getAttribute("href");
  const id = href?.split("/").pop();
  if (!id) throw new Error(`no link for ${name}`);
  return id;
}

/** The id of the signed-in admin's region, read from the role picker of the new-user form. */
export async function regionIdOf(page: Page): Promise<string> {
  await page.goto("/region/users/new", { waitUntil: "networkidle" });
  await page.getByLabel("Роль", { exact: true }).selectOption("REGION_AUDITOR");
  const option = page.getByLabel("Регион, муниципалитет или школа").locator("option").nth(1);
  const id = await option.getAttribute("value");
  if (!id) throw new Error("no region to pick");
  return id;
}

/** axe-core on the current page: no serious or critical violations. */
export async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${label}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
}
