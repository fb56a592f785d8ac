import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { SEED_CAMPAIGN } from "../lib/seed-data/blanks";
import { expectNoSeriousViolations, openUserMenu, signIn } from "./support";

const SIZES = [
  { label: "1440x900", width: 1440, height: 900 },
  { label: "390x844", width: 390, height: 844 },
] as const;
const ROADMAP = /^Муниципальная дорожная карта на 2020-2021 учебный год/;

/** The seed campaign's page, found through the campaign list. */
async function campaignPath(page: Page): Promise<string> {
  await page.goto(`/region/campaigns?q=${encodeURIComponent(SEED_CAMPAIGN.name)}`, { waitUntil: "networkidle" });
  await page.getByRole("link", { name: SEED_CAMPAIGN.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: SEED_CAMPAIGN.name })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Славянский район's municipal blank of the seed campaign, opened from the campaign's results. */
async function blankPath(page: Page): Promise<string> {
  await page.goto(`${await campaignPath(page)}/dashboard`, { waitUntil: "networkidle" });
  const href = await page.getByRole("link", { name: /^Бланк МО Славянский район:/ }).getAttribute("href");
  if (!href) throw new Error("no blank of Славянский район");
  return href;
}

async function roadmapPath(page: Page): Promise<string> {
  await page.goto("/plans", { waitUntil: "networkidle" });
  return (await page.getByRole("link", { name: ROADMAP }).first().getAttribute("href"))!;
}

const PAGES: Array<{ name: string; account: string; path: (page: Page) => Promise<string> }> = [
  { name: "region home", account: "admin@demo.local", path: async () => "/region" },
  { name: "municipality home", account: "mo.slavyansky@demo.local", path: async () => "/municipality" },
  { name: "school home", account: "school.slavyansky@demo.local", path: async () => "/school" },
  { name: "blank", account: "auditor@demo.local", path: blankPath },
  { name: "campaign dashboard", account: "auditor@demo.local", path: async (page) => `${await campaignPath(page)}/dashboard` },
  { name: "roadmap table", account: "admin@demo.local", path: roadmapPath },
  { name: "roadmap timeline", account: "admin@demo.local", path: async (page) => `${await roadmapPath(page)}?view=timeline` },
  { name: "change journal", account: "admin@demo.local", path: async () => "/region/audit" },
];

/**
 * What sticks out of the viewport sideways, outside a box that scrolls it (overflow-x auto or
 * scroll): the outermost such elements, described for the failure message.
 */
function elementsCutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    const insideScroller = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (scrolls(a)) return true;
      return false;
    };
    const out: Element[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      // Nothing to see, or a 1 px box for screen readers (sr-only) that sits at the edge on purpose.
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.right <= width + 0.5 && box.left >= -0.5) continue;
      if (insideScroller(el) || out.some((o) => o.contains(el))) continue;
      out.push(el);
    }
    const pageWide =
      document.documentElement.scrollWidth > width ? [`the page scrolls sideways: ${document.documentElement.scrollWidth} px`] : [];
    return [
      ...pageWide,
      ...out.map((el) => {
        const box = el.getBoundingClientRect();
        return `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ${Math.round(box.left)}…${Math.round(box.right)} px: ${(el.textContent ?? "").trim().slice(0, 60)}`;
      }),
    ];
  });
}

/** The page as a user sees it, attached to the report (the whole page, or the screen for what floats over it). */
async function attachScreenshot(page: Page, testInfo: TestInfo, name: string, fullPage = true) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage }), contentType: "image/png" });
}

for (const target of PAGES) {
  test(`the ${target.name} fits 1440 and 390 px: screenshots, nothing cut off on a phone, axe clean`, async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await signIn(page, target.account);
    const address = await target.path(page);
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(address, { waitUntil: "networkidle" });
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await attachScreenshot(page, testInfo, `${target.name} ${size.label}`);
      if (size.width < 400) expect(await elementsCutOff(page), `${target.name} at ${size.label}`).toEqual([]);
      await expectNoSeriousViolations(page, `${target.name} ${size.label}`);
    }
  });
}

test("the menu: a sidebar on a wide screen, a drawer on a phone, the current page marked, a skip link and the user menu", async ({
  page,
}, testInfo) => {
  await signIn(page, "admin@demo.local");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/region/users", { waitUntil: "networkidle" });
  const menu = page.getByRole("navigation", { name: "Разделы" });
  for (const group of ["Аудит", "Документы и планы", "ДОТ", "Администрирование"])
    await expect(menu.getByRole("list", { name: group })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Пользователи" })).toHaveAttribute("aria-current", "page");

  // The first Tab reaches the skip link, which moves on to the page's content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Перейти к содержимому" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  const userMenu = await openUserMenu(page);
  await expect(userMenu).toContainText("Администратор ИРО КК");
  await expect(userMenu).toContainText("Администратор региона");
  await userMenu.getByRole("menuitem", { name: "Сеансы" }).click();
  const sessions = page.getByRole("dialog", { name: "Выход на всех устройствах" });
  await expect(sessions.getByRole("button", { name: "Выйти на всех устройствах" })).toBeVisible();
  await expectNoSeriousViolations(page, "sessions dialog");
  await sessions.getByRole("button", { name: "Отмена" }).click();
  await expect(sessions).toBeHidden();

  // On a phone the sidebar gives way to «Меню», which opens the same groups as a drawer and closes on a click.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/blanks", { waitUntil: "networkidle" });
  await expect(page.getByRole("navigation", { name: "Разделы" })).toBeHidden();
  await page.getByRole("button", { name: "Меню" }).click();
  const drawer = page.getByRole("dialog", { name: "Меню" });
  await expect(drawer.getByRole("link", { name: "Бланки" })).toHaveAttribute("aria-current", "page");
  await attachScreenshot(page, testInfo, "menu drawer 390x844", false);
  await expectNoSeriousViolations(page, "menu drawer");
  await drawer.getByRole("link", { name: "Планы" }).click();
  await expect(page).toHaveURL(/\/plans$/);
  await expect(drawer).toBeHidden();
});

test("a blank's page says where it is: «Кампании › campaign › Славянский район»", async ({ page }) => {
  await signIn(page, "auditor@demo.local");
  await page.goto(await blankPath(page), { waitUntil: "networkidle" });
  const crumbs = page.getByRole("navigation", { name: "Путь к странице" });
  await expect(crumbs.getByRole("listitem")).toHaveText(["Кампании", SEED_CAMPAIGN.name, "Славянский район"]);
  await expect(crumbs.getByText("Славянский район")).toHaveAttribute("aria-current", "page");
  await crumbs.getByRole("link", { name: SEED_CAMPAIGN.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: SEED_CAMPAIGN.name })).toBeVisible();
});

/** The text of a PDF the browser printed (pdftotext). */
function pdfText(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "print-")), "page.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

test("printing a blank or a roadmap prints the document on A4, not the app's menu, breadcrumbs or buttons", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, "admin@demo.local");
  const shell = ["Перейти к содержимому", "Администрирование", "Журнал изменений", "Документы и планы", "Администратор ИРО КК"];

  await page.goto(await blankPath(page), { waitUntil: "networkidle" });
  const blank = await page.pdf({ format: "A4", preferCSSPageSize: true });
  await testInfo.attach("printed blank", { body: blank, contentType: "application/pdf" });
  const blankText = pdfText(blank);
  for (const words of [...shell, "Кампании", "Печать"]) expect(blankText).not.toContain(words);
  expect(blankText).toMatch(/Славянский\s+район/);
  expect(blankText).toContain("1.1.1");

  await page.goto(await roadmapPath(page), { waitUntil: "networkidle" });
  const plan = await page.pdf({ format: "A4", preferCSSPageSize: true });
  await testInfo.attach("printed roadmap", { body: plan, contentType: "application/pdf" });
  const planText = pdfText(plan);
  for (const words of [...shell, "Добавить мероприятие", "Экспорт XLSX", "Найти"]) expect(planText).not.toContain(words);
  expect(planText).toContain("Мероприятия");
  expect(planText).toMatch(/Муниципальная\s+дорожная\s+карта/);
});
