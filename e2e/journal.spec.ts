import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations, signIn } from "./support";

const MUNICIPAL_BLANK = "Бланк соответствия критериям оценки деятельности работы муниципального координатора";
const CAMPAIGN = "Проверка журнала изменений";
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const ENGLISH_FIELDS = /\b(content|createdAt|updatedAt|revision|regionId|status|acceptedAt)\b/;

test("the change journal names objects and fields in Russian, in Moscow time, JSON only on request; its CSV the same", async ({ page }) => {
  test.setTimeout(120_000);
  // A campaign with a blank for Славянский район: entries with names to show.
  await signIn(page, "admin@demo.local");
  await page.goto("/region/campaigns/new", { waitUntil: "networkidle" });
  await page.getByLabel("Название кампании").fill(CAMPAIGN);
  await page.getByLabel("Дата аудита").fill("2026-12-15");
  await page.getByLabel("Срок сдачи бланков").fill("2026-12-10");
  await page.getByRole("checkbox", { name: new RegExp(`${MUNICIPAL_BLANK}, версия 1`) }).check();
  await page.getByRole("checkbox", { name: "Славянский район", exact: true }).check();
  await page.getByRole("button", { name: "Создать кампанию" }).click();
  await expect(page.getByRole("heading", { level: 1, name: CAMPAIGN })).toBeVisible();

  await page.goto("/region/audit?entity=Campaign", { waitUntil: "networkidle" });
  const table = page.getByRole("table", { name: "Журнал изменений" });
  const campaignRow = table.getByRole("row").filter({ has: page.getByRole("link", { name: `Кампания: ${CAMPAIGN}` }) });
  await expect(campaignRow).toHaveCount(1);
  await expect(campaignRow.locator("time").first()).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}$/);
  // Fields by their Russian names, dates as on screen; ids and the stored JSON folded away.
  await campaignRow.getByText(/^Создана: \d+ пол/).click();
  await expect(campaignRow.getByRole("rowheader", { name: "Срок сдачи" })).toBeVisible();
  await expect(campaignRow.getByRole("cell", { name: "10.12.2026", exact: true })).toBeVisible();
  // What is shown (a closed «технические подробности» is not): no ids, no field names in English.
  await expect(table).not.toContainText(UUID, { useInnerText: true });
  await expect(table).not.toContainText(ENGLISH_FIELDS, { useInnerText: true });
  await campaignRow.getByText("технические подробности").click();
  await expect(campaignRow.getByText(UUID).first()).toBeVisible();
  await expectNoSeriousViolations(page, "/region/audit");

  // The blank by its participant and campaign, linked to its page.
  await page.goto("/region/audit?entity=Blank", { waitUntil: "networkidle" });
  const blankLink = table.getByRole("link", { name: `Бланк: Славянский район, кампания «${CAMPAIGN}»` }).first();
  await expect(blankLink).toHaveAttribute("href", /^\/blanks\/[0-9a-f-]{36}$/);
  await expect(table.getByRole("cell", { name: "не начат" }).first()).toBeVisible();

  // The CSV: the same names and values.
  const csv = await (await page.request.get("/api/exports/audit?format=csv&entity=Campaign")).text();
  expect(csv).toContain(`Кампания: ${CAMPAIGN}`);
  expect(csv).toContain("Срок сдачи: — → 10.12.2026");
  expect(csv.split("\n")[0]).toContain("Когда (МСК)");

  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto("/region/audit", { waitUntil: "networkidle" });
    await page.screenshot({ path: test.info().outputPath(`journal-${width}x${height}.png`) });
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`journal-table-${width}x${height}.png`) });
    // Nothing of the page's content is wider than the screen but inside its scroll container (the table's).
    const overflowing = await page.evaluate(() => {
      const scrolls = (el: Element) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
      return [...document.querySelectorAll("main *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .filter((el) => {
          for (let up = el.parentElement; up; up = up.parentElement) if (scrolls(up)) return false;
          return true;
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
    });
    expect(overflowing, `${width}px`).toEqual([]);
  }
});
