import { expect, test, type Page } from "@playwright/test";
import { SEED_CAMPAIGN } from "../lib/seed-data/blanks";
import { pdfSample } from "../tests/support/file-samples";
import { expectNoSeriousViolations, signIn, signOut } from "./support";

const COORDINATOR = "mo.slavyansky@demo.local";
const AUDITOR = "auditor@demo.local";

const status = (page: Page, label: string) => page.getByText(label, { exact: true }).first();
const history = (page: Page) => page.getByRole("list", { name: "История устранения" });

test("a finding of Славянский район is followed from open to verified: fixed, returned to work, fixed again, verified", async ({
  page,
}) => {
  test.setTimeout(180_000);

  // The coordinator finds an open finding of their municipality in the seed campaign.
  await signIn(page, COORDINATOR);
  await page.goto("/findings", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: "Замечания" })).toBeVisible();
  await expectNoSeriousViolations(page, page.url());
  await page.getByLabel("Кампания", { exact: true }).selectOption({ label: SEED_CAMPAIGN.name });
  await page.getByLabel("Устранение", { exact: true }).selectOption({ label: "не устранено" });
  await page.getByRole("button", { name: "Найти" }).click();
  await page.waitForURL(/remediationStatus=OPEN/);
  const table = page.getByRole("table", { name: "Замечания и их устранение" });
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: "Славянский район", exact: true }) })
    .first();
  await expect(row.getByText("не устранено", { exact: true })).toBeVisible();
  // The seed campaign's deadlines passed long ago.
  await expect(row.getByText("просрочено")).toBeVisible();
  const link = row.getByRole("link").first();
  const item = (await link.textContent())!.trim();
  const number = item.split(" ")[0]!;
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: `Замечание по пункту ${number}` })).toBeVisible();
  const findingUrl = page.url();
  await expect(status(page, "не устранено")).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Бланк соответствия критериям оценки деятельности работы муниципального координатора" }),
  ).toHaveAttribute("href", /^\/blanks\//);
  await expect(history(page)).toHaveCount(0);
  await expectNoSeriousViolations(page, page.url());

  // Marked fixed with a comment and an uploaded PDF.
  await page.getByLabel("Что сделано").fill("Приказ о плане работы МЦДО издан и размещён на сайте.");
  await page
    .getByLabel("Подтверждающий документ (PDF, DOCX, XLSX, JPG, PNG до 20 МБ)")
    .setInputFiles({ name: "Приказ № 48.pdf", mimeType: "application/pdf", buffer: pdfSample("Приказ № 48") });
  await expect(page.getByRole("link", { name: "Приказ № 48.pdf" })).toBeVisible();
  await page.getByRole("button", { name: "Отметить как устранённое" }).click();
  await expect(status(page, "устранено, ожидает проверки")).toBeVisible();
  await expect(history(page)).toContainText("Отмечено как устранённое");
  await expect(page.getByRole("button", { name: "Отметить как устранённое" })).toHaveCount(0);
  await signOut(page);

  // The auditor sees the evidence and returns the finding to work; a reason is required.
  await signIn(page, AUDITOR);
  await page.goto(findingUrl, { waitUntil: "networkidle" });
  await expect(status(page, "устранено, ожидает проверки")).toBeVisible();
  await expect(page.getByText("Приказ о плане работы МЦДО издан и размещён на сайте.").first()).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Приказ № 48.pdf" }).first().click();
  expect((await download).suggestedFilename()).toBe("Приказ № 48.pdf");
  await expectNoSeriousViolations(page, page.url());
  await page.getByRole("button", { name: "Вернуть в работу" }).click();
  await expect(page.getByText("Укажите, что не устранено.")).toBeVisible();
  await page.getByLabel("Комментарий аудитора").fill("В приказе не указан ответственный за работу БШ.");
  await page.getByRole("button", { name: "Вернуть в работу" }).click();
  await expect(status(page, "возвращено в работу")).toBeVisible();
  await signOut(page);

  // The coordinator is notified, reads the reason and fixes it again.
  await signIn(page, COORDINATOR);
  await page.goto("/notifications", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "Замечание возвращено в работу" }).first().click();
  await expect(page).toHaveURL(findingUrl);
  await expect(page.getByRole("alert").filter({ hasText: "В приказе не указан ответственный за работу БШ." })).toBeVisible();
  await page.getByLabel("Что сделано").fill("В приказ внесено изменение: ответственный — заместитель директора МЦДО.");
  await page.getByRole("button", { name: "Отметить как устранённое" }).click();
  await expect(status(page, "устранено, ожидает проверки")).toBeVisible();
  await signOut(page);

  // The auditor verifies it; the history shows each step in order.
  await signIn(page, AUDITOR);
  await page.goto(findingUrl, { waitUntil: "networkidle" });
  await page.getByLabel("Комментарий аудитора").fill("Изменение в приказ проверено.");
  await page.getByRole("button", { name: "Подтвердить устранение" }).click();
  await expect(status(page, "устранение подтверждено")).toBeVisible();
  await expect(page.getByRole("button", { name: "Подтвердить устранение" })).toHaveCount(0);
  const steps = history(page).getByRole("listitem");
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toContainText("Отмечено как устранённое (не устранено → устранено, ожидает проверки)");
  await expect(steps.nth(0)).toContainText("Приказ о плане работы МЦДО издан и размещён на сайте.");
  await expect(steps.nth(0)).toContainText("Приказ № 48.pdf");
  await expect(steps.nth(1)).toContainText("Возвращено в работу (устранено, ожидает проверки → возвращено в работу)");
  await expect(steps.nth(1)).toContainText("В приказе не указан ответственный за работу БШ.");
  await expect(steps.nth(2)).toContainText("Отмечено как устранённое (возвращено в работу → устранено, ожидает проверки)");
  await expect(steps.nth(2)).toContainText("ответственный — заместитель директора МЦДО");
  await expect(steps.nth(3)).toContainText("Устранение подтверждено (устранено, ожидает проверки → устранение подтверждено)");
  await expect(steps.nth(3)).toContainText("Изменение в приказ проверено.");
  await expectNoSeriousViolations(page, page.url());

  // The list shows it verified.
  await page.goto(`/findings?remediationStatus=VERIFIED&q=${encodeURIComponent(number)}`, { waitUntil: "networkidle" });
  const verified = page.getByRole("table", { name: "Замечания и их устранение" }).getByRole("row").filter({ hasText: item });
  await expect(verified.filter({ hasText: "Славянский район" }).first()).toContainText("устранение подтверждено");
  await expectNoSeriousViolations(page, page.url());
});

test("the findings list names each finding's campaign and blank, filters by campaign, and shows the auditor's remark and the legal basis", async ({
  page,
}) => {
  await signIn(page, COORDINATOR);

  // The home: findings still to fix, the overdue ones first, with their deadlines.
  await page.goto("/municipality", { waitUntil: "networkidle" });
  const toFix = page.getByRole("list", { name: "Замечания к устранению" });
  await expect(toFix.getByRole("listitem").first()).toContainText("просрочено");
  await expect(toFix.getByRole("listitem").first()).toContainText(SEED_CAMPAIGN.name);
  await expectNoSeriousViolations(page, page.url());
  await page.getByRole("link", { name: /^Все неустранённые замечания/ }).click();
  await page.waitForURL(/unresolved=1/);
  await expect(page.getByLabel("Только неустранённые")).toBeChecked();

  // Filtered by the seed campaign: every row names it, and the blank it comes from.
  await page.goto("/findings", { waitUntil: "networkidle" });
  const table = page.getByRole("table", { name: "Замечания и их устранение" });
  await expect(table.getByRole("columnheader", { name: "Кампания" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Бланк", exact: true })).toBeVisible();
  await page.getByLabel("Кампания", { exact: true }).selectOption({ label: SEED_CAMPAIGN.name });
  await page.getByLabel("Пункт, муниципалитет или школа").fill("5.2");
  await page.getByRole("button", { name: "Найти" }).click();
  await page.waitForURL(/campaignId=.*q=5\.2|q=5\.2.*campaignId=/);
  const rows = table.getByRole("row").filter({ has: page.getByRole("link") });
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText(SEED_CAMPAIGN.name);
  const row = rows.filter({ hasText: "МБОУ СОШ № 1 (Славянский район)" });
  await expect(
    row.getByRole("link", { name: "Бланк соответствия критериям оценки деятельности работы школьного координатора" }),
  ).toHaveAttribute("href", /^\/blanks\//);
  await expect(row).toContainText("Замечание аудитора: ИУП есть не у всех обучающихся");
  await expect(row).toContainText("Основание: Приказ МОНМТ КК от 22.07.2021 №2378 п. 5.3, п. 5.8, п. 5.13, п. 5.14");
  await expectNoSeriousViolations(page, page.url());

  // The finding's page says the same.
  await row.getByRole("link", { name: /^5\.2 / }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Замечание по пункту 5.2" })).toBeVisible();
  const details = page.locator("dl");
  await expect(details).toContainText("Замечание аудитораИУП есть не у всех обучающихся");
  await expect(details).toContainText("ОснованиеПриказ МОНМТ КК от 22.07.2021 №2378 п. 5.3, п. 5.8, п. 5.13, п. 5.14");
  await expectNoSeriousViolations(page, page.url());
});
