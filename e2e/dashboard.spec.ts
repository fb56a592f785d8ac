import { expect, test, type Page } from "@playwright/test";
import { SEED_CAMPAIGN } from "../lib/seed-data/blanks";
import { expectNoSeriousViolations, signIn, signOut } from "./support";

const scoresTable = (page: Page) => page.getByRole("table", { name: "Баллы муниципальных образований" });
const scoreRow = (page: Page, name: string) =>
  scoresTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });
/** The "Балл МО" cell: the first cell after the status of the municipal blank. */
const municipalScore = (page: Page, name: string) => scoreRow(page, name).getByRole("cell").nth(1);

/** The dashboard's path, found the way an auditor finds the campaign: through the campaign list. */
async function dashboardPath(page: Page): Promise<string> {
  await page.goto(`/region/campaigns?q=${encodeURIComponent(SEED_CAMPAIGN.name)}`, { waitUntil: "networkidle" });
  await page.getByRole("link", { name: SEED_CAMPAIGN.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: SEED_CAMPAIGN.name })).toBeVisible();
  return `${new URL(page.url()).pathname}/dashboard`;
}

test("the auditor reads the results of seed 000: scores, chart, typical errors, non-submitters; a coordinator sees their own", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "auditor@demo.local");
  const path = await dashboardPath(page);
  await page.goto(path, { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: SEED_CAMPAIGN.name })).toBeVisible();
  await expect(page.getByText(SEED_CAMPAIGN.goal)).toBeVisible();

  // The ten audited municipalities with their municipal blank's score; the three others without one.
  for (const name of SEED_CAMPAIGN.audited) await expect(municipalScore(page, name)).toHaveText(/^\d+(,\d)? %$/);
  for (const name of SEED_CAMPAIGN.notSubmitted) await expect(municipalScore(page, name)).toHaveText("—");
  await expect(scoresTable(page).getByRole("row")).toHaveCount(1 + 13);
  // Славянский район: 6 of its 9 items comply (lib/seed-data/demo-answers.ts).
  await expect(municipalScore(page, "Славянский район")).toHaveText("66,7 %");

  const chart = page.getByRole("region", { name: "Диаграмма: баллы муниципальных образований" });
  await expect(chart.getByRole("img", { name: "Диаграмма: баллы муниципальных образований" })).toBeVisible();
  await expect(chart.locator("svg").first()).toBeVisible();

  await expect(page.getByRole("heading", { name: "ТИПИЧНЫЕ ОШИБКИ", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Муниципальных координаторов", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Школьных координаторов", exact: true })).toBeVisible();
  const municipalErrors = page.getByRole("table", { name: "Типичные ошибки муниципальных координаторов" });
  // The most frequent error first: six of the ten municipalities have no work plan.
  const first = municipalErrors.getByRole("row").nth(1);
  await expect(first.getByRole("rowheader")).toHaveText("1.2.1 План работы");
  await expect(first).toContainText("6 из 10");
  await expect(first).toContainText("60 %");
  await expect(municipalErrors.getByRole("rowheader", { name: "1.2.2 Отчет о выполнении" })).toBeVisible();
  await expect(municipalErrors.getByRole("rowheader", { name: "2.3.1 Личные дела обучающихся" })).toBeVisible();
  const schoolErrors = page.getByRole("table", { name: "Типичные ошибки школьных координаторов" });
  await expect(schoolErrors.getByRole("row").nth(1).getByRole("rowheader")).toHaveText("1.1 между БШ и школами по месту жительства");
  await expect(schoolErrors.getByRole("row").nth(2).getByRole("rowheader")).toHaveText("1.2 между МЦДО и ГБОУ ИРО КК");
  await expect(
    page.getByRole("region", { name: "Диаграмма: типичные ошибки муниципальных координаторов" }).locator("svg").first(),
  ).toBeVisible();

  await expect(page.getByRole("list", { name: "МО, не предоставившие информацию" }).getByRole("listitem")).toHaveText([
    ...SEED_CAMPAIGN.notSubmitted,
  ]);
  await expectNoSeriousViolations(page, path);
  await signOut(page);

  // The municipal coordinator of Славянский район: their row only, on the same page.
  await signIn(page, "mo.slavyansky@demo.local");
  await page.goto(path, { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: SEED_CAMPAIGN.name })).toBeVisible();
  await expect(scoresTable(page).getByRole("row")).toHaveCount(2);
  await expect(municipalScore(page, "Славянский район")).toHaveText("66,7 %");
  for (const name of SEED_CAMPAIGN.audited.filter((n) => n !== "Славянский район")) {
    await expect(page.getByText(name)).toHaveCount(0);
  }
  for (const name of SEED_CAMPAIGN.notSubmitted) await expect(page.getByText(name)).toHaveCount(0);
  await expect(page.getByText("Все участники сдали бланки.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Диаграмма: баллы муниципальных образований" }).locator("svg").first()).toBeVisible();
  await expectNoSeriousViolations(page, `${path} (МО)`);

  // Their dynamics page opens on their own municipality.
  await page.goto("/dynamics", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: "Динамика: Славянский район" })).toBeVisible();
  await expectNoSeriousViolations(page, "/dynamics (МО)");
  await signOut(page);

  // Another region's admin gets "not found"; a school coordinator, "forbidden".
  await signIn(page, "admin42@demo.local");
  expect((await page.goto(path, { waitUntil: "networkidle" }))?.status()).toBe(404);
  await expect(page.getByText("Славянский район")).toHaveCount(0);
  // The error pages have no header to sign out from: drop the session instead.
  await page.context().clearCookies();
  await signIn(page, "school.slavyansky@demo.local");
  expect((await page.goto(path, { waitUntil: "networkidle" }))?.status()).toBe(403);
});

test("the auditor picks a municipality on the dynamics page", async ({ page }) => {
  await signIn(page, "auditor@demo.local");
  await page.goto("/dynamics", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: "Динамика" })).toBeVisible();
  // Белоглинский район took part in seed 000 only (other specs start campaigns over the audited ten).
  await page.getByLabel("Муниципальное образование", { exact: true }).selectOption({ label: "Белоглинский район" });
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Динамика: Белоглинский район" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Бланк" }).locator('[aria-current="page"]')).toContainText("Муниципальный координатор");
  await expect(page.getByText("Для сравнения нужны две кампании с этим бланком")).toBeVisible();
  await expectNoSeriousViolations(page, page.url());
});
