import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import ExcelJS from "exceljs";
import { SEED_CAMPAIGN } from "../lib/seed-data/blanks";
import { expectNoSeriousViolations, signIn } from "./support";

/** The campaign's dashboard, found the way an auditor finds it. */
async function openDashboard(page: Page) {
  await page.goto(`/region/campaigns?q=${encodeURIComponent(SEED_CAMPAIGN.name)}`, { waitUntil: "networkidle" });
  await page.getByRole("link", { name: SEED_CAMPAIGN.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: SEED_CAMPAIGN.name })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/dashboard`, { waitUntil: "networkidle" });
}

/** The PDF's text (pdftotext) and its first page as a PNG attached to the test report for a visual check. */
async function readPdf(bytes: Buffer, name: string, testInfo: TestInfo): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "report-"));
  const file = path.join(dir, "report.pdf");
  writeFileSync(file, bytes);
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, path.join(dir, "page")]);
  const png = readdirSync(dir).find((f) => f.endsWith(".png"))!;
  await testInfo.attach(`${name} — page 1`, { body: readFileSync(path.join(dir, png)), contentType: "image/png" });
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

test("the regional campaign report: a direct PDF, and the same in the background with its progress", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, "auditor@demo.local");
  await openDashboard(page);

  const direct = await page.request.get((await page.getByRole("link", { name: "Скачать PDF" }).getAttribute("href"))!);
  expect(direct.status()).toBe(200);
  expect(direct.headers()["content-type"]).toBe("application/pdf");
  const text = await readPdf(await direct.body(), "campaign report", testInfo);
  expect(text).toContain(SEED_CAMPAIGN.name);
  for (const name of SEED_CAMPAIGN.notSubmitted) expect(text).toContain(name);
  expect(text).toMatch(/ТИПИЧНЫЕ ОШИБКИ/i);

  // Its Word twin beside it: a click downloads the .docx.
  const [word] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Скачать DOCX" }).click()]);
  expect(word.suggestedFilename()).toMatch(/^Итоги аудита — .*\.docx$/);
  expect(
    readFileSync((await word.path())!)
      .subarray(0, 2)
      .toString("latin1"),
  ).toBe("PK");

  await page.getByRole("button", { name: "Сформировать PDF в фоне" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Отчёт формируется…" })).toBeVisible();
  await page.getByRole("link", { name: "Мои отчёты" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Мои отчёты" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: SEED_CAMPAIGN.name }).first();
  await expect(item.getByRole("link", { name: "Скачать PDF" })).toBeVisible({ timeout: 60_000 });
  await expect(item).toContainText(/Файл хранится до \d{2}\.\d{2}\.\d{4}/);
  await expectNoSeriousViolations(page, "/reports");
  const background = await page.request.get((await item.getByRole("link", { name: "Скачать PDF" }).getAttribute("href"))!);
  expect(background.status()).toBe(200);
  expect((await background.body()).subarray(0, 4).toString()).toBe("%PDF");
});

test("a list downloads as XLSX with the filters on screen, cell by cell as shown", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto(`/documents?q=${encodeURIComponent("3121/30")}`, { waitUntil: "networkidle" });
  const table = page.getByRole("table", { name: "Реестр документов" });
  expect(await table.getByRole("row").count()).toBe(2);
  // biome-ignore lint/performance/useDomNodeTextContent: the count as the user reads it, rendered text only
  const total = Number(/Всего: (\d+)/.exec(await page.getByText(/^Всего: \d+/).innerText())![1]);
  const firstRow = (await table.getByRole("row").nth(1).getByRole("cell").allInnerTexts()).map((t) => t.trim());

  const href = await page.getByRole("link", { name: "Скачать XLSX: Реестр документов" }).getAttribute("href");
  expect(href).toContain("q=");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.views[0]?.state).toBe("frozen");
  // The header and every row of the filtered list, not only the page on screen.
  expect(sheet.actualRowCount).toBe(total + 1);
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  expect(header).toEqual(["Документ", "Дата", "Номер", "Наименование", "Чей", "Статус"]);
  const cells = sheet.getRow(2).values as unknown[];
  // A date is a date in the file, shown on screen as ДД.ММ.ГГГГ; text cells read as on screen.
  expect(cells[2]).toBeInstanceOf(Date);
  expect(firstRow[1]).toBe((cells[2] as Date).toISOString().slice(0, 10).split("-").reverse().join("."));
  expect(firstRow[0]).toContain(String(cells[1]));
  expect(firstRow[2]).toContain(String(cells[3]));
});
