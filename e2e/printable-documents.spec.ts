import { expect, test, type Page } from "@playwright/test";
import { SEED_CAMPAIGN } from "../lib/seed-data/blanks";
import { expectNoSeriousViolations, signIn, signOut } from "./support";

const MUNICIPAL = "Бланк соответствия критериям оценки деятельности работы муниципального координатора";

/** Clicks a download link and returns the file's name and first bytes: «%PDF» for a PDF, «PK» (a zip) for a DOCX. */
async function download(page: Page, name: string): Promise<{ fileName: string; head: string }> {
  const link = page.getByRole("link", { name, exact: true });
  const started = page.waitForEvent("download");
  await link.click();
  const file = await started;
  const bytes = await page.request.get((await link.getAttribute("href"))!).then((r) => r.body());
  return { fileName: file.suggestedFilename(), head: bytes.subarray(0, 4).toString("latin1") };
}

test("the auditor downloads a template version's empty blank as PDF and DOCX", async ({ page }) => {
  await signIn(page, "auditor@demo.local");
  await page.goto("/region/templates", { waitUntil: "networkidle" });
  await page.getByRole("region", { name: MUNICIPAL }).getByRole("link", { name: "Версия 1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: MUNICIPAL })).toBeVisible();

  const pdf = await download(page, "Скачать бланк (PDF)");
  expect(pdf.fileName).toMatch(/^Бланк — .*версия 1\.pdf$/);
  expect(pdf.head).toBe("%PDF");
  const docx = await download(page, "Скачать бланк (DOCX)");
  expect(docx.fileName).toMatch(/^Бланк — .*версия 1\.docx$/);
  expect(docx.head.slice(0, 2)).toBe("PK");
});

test("on a blank's page its coordinator downloads the filled blank and the empty one", async ({ page }) => {
  // The auditor finds the blank from the campaign's results; its municipal coordinator opens it.
  await signIn(page, "auditor@demo.local");
  await page.goto(`/region/campaigns?q=${encodeURIComponent(SEED_CAMPAIGN.name)}`, { waitUntil: "networkidle" });
  await page.getByRole("link", { name: SEED_CAMPAIGN.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: SEED_CAMPAIGN.name })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/dashboard`, { waitUntil: "networkidle" });
  const blankPath = (await page.getByRole("link", { name: /^Бланк МО Славянский район:/ }).getAttribute("href"))!;
  await signOut(page);

  await signIn(page, "mo.slavyansky@demo.local");
  await page.goto(blankPath, { waitUntil: "networkidle" });
  const filledPdf = await download(page, "Бланк с ответами и отметками: Скачать PDF");
  expect(filledPdf.fileName).toMatch(/^Бланк — Славянский район — .*\.pdf$/);
  expect(filledPdf.head).toBe("%PDF");
  const filledDocx = await download(page, "Бланк с ответами и отметками: Скачать DOCX");
  expect(filledDocx.fileName).toMatch(/^Бланк — Славянский район — .*\.docx$/);
  expect(filledDocx.head.slice(0, 2)).toBe("PK");
  const emptyDocx = await download(page, "Пустой бланк для заполнения: Скачать бланк (DOCX)");
  expect(emptyDocx.fileName).toMatch(/версия 1\.docx$/);
  await expect(page.getByRole("link", { name: "Пустой бланк для заполнения: Скачать бланк (PDF)" })).toBeVisible();
  await expectNoSeriousViolations(page, "blank page with its documents");
});
