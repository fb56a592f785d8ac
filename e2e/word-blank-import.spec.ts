import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations, signIn, signOut } from "./support";

const MUNICIPAL_BLANK = "Бланк соответствия критериям оценки деятельности работы муниципального координатора";
const FILLED = path.join(process.cwd(), "tests/fixtures/blank-docx/municipal-seed-typed.docx");

// Named to run last (spec files run in name order on one worker): the blank it fills stays in
// Славянский район's work list, where the specs before it look for blanks of their own.
const item = (page: Page, legend: string) => page.getByRole("group", { name: legend, exact: true });

test("a coordinator loads a blank filled in Word: the preview, then the answers and their history", async ({ page }, testInfo) => {
  test.setTimeout(180_000);

  // A campaign of one municipality, its blank not started.
  await signIn(page, "auditor@demo.local");
  await page.goto("/region/campaigns/new", { waitUntil: "networkidle" });
  await page.getByLabel("Название кампании").fill("Бланки из Word 2026");
  await page.getByLabel("Цель").fill("приём бланков, присланных по электронной почте");
  await page.getByLabel("Дата аудита").fill("2026-12-10");
  await page.getByLabel("Срок сдачи бланков").fill("2026-12-01");
  await page.getByRole("checkbox", { name: new RegExp(`${MUNICIPAL_BLANK}, версия 1`) }).check();
  await page.getByRole("checkbox", { name: "Славянский район", exact: true }).check();
  await page.getByRole("button", { name: "Создать кампанию" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Бланки из Word 2026" })).toBeVisible();
  const blankUrl = (await page
    .getByRole("table", { name: "Участники кампании и статусы бланков" })
    .getByRole("link", { name: MUNICIPAL_BLANK })
    .getAttribute("href"))!;
  // The region's staff may load a Word blank on the participant's behalf, and are told so.
  await page.goto(blankUrl, { waitUntil: "networkidle" });
  await expect(page.getByRole("button", { name: "Загрузить бланк из Word" })).toBeVisible();
  await expect(page.getByText("Ответы из Word будут сохранены от имени участника, с вашим именем в истории.")).toBeVisible();
  await signOut(page);

  await signIn(page, "mo.slavyansky@demo.local");
  await page.goto(blankUrl, { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Загрузить бланк из Word" }).click();
  const dialog = page.getByRole("dialog", { name: "Загрузить бланк из Word" });
  await dialog.getByLabel(/^Файл бланка/).setInputFiles(FILLED);

  // The preview: what was read item by item; nothing is saved yet.
  await expect(dialog.getByRole("status").filter({ hasText: "Будет изменено" })).toHaveText(
    "Будет изменено 9, без изменений 0, не прочитано 0.",
  );
  const preview = dialog.getByRole("table", { name: "Что прочитано из файла, по пунктам бланка" });
  // Seed 000's two «1.1.1», typed the other way round in the file: each read into its own item by its title.
  await expect(
    preview.getByRole("row", {
      name: /^1\.1\.1 -об организации работы БШ Приказ УО от 29\.08\.2022 №70 «Об организации работы базовых школ» — новый ответ$/,
    }),
  ).toBeVisible();
  await expect(
    preview.getByRole("row", { name: /^1\.1\.1 - о назначении муниципального координатора Приказ УО от 01\.09\.2022 №77/ }),
  ).toBeVisible();
  await expect(preview.getByRole("row", { name: "2.1 Количество базовых школ в муниципалитете 4 — новый ответ" })).toBeVisible();
  await expectNoSeriousViolations(page, "the Word import dialog");
  await testInfo.attach("dialog", { body: await page.screenshot(), contentType: "image/png" });
  // On a phone each item is a card of labelled lines: nothing to scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(preview.getByText("Прочитано: 4", { exact: true })).toBeVisible();
  const region = dialog.getByRole("region", { name: "Что прочитано из файла, по пунктам бланка" });
  expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await testInfo.attach("dialog-on-a-phone", { body: await page.screenshot(), contentType: "image/png" });
  await page.setViewportSize({ width: 1280, height: 800 });

  await dialog.getByRole("button", { name: "Применить" }).click();
  await expect(dialog).toHaveCount(0);
  // The form shows the answers from Word, and each item's history says where they came from.
  const schools = item(page, "2.1 Количество базовых школ в муниципалитете");
  await expect(schools.getByLabel("Численность")).toHaveValue("4");
  await schools.getByRole("button", { name: "История изменений пункта 2.1" }).click();
  await expect(schools.getByText(/Ответ: — → 4 \(загружено из Word: municipal-seed-typed\.docx\)/)).toBeVisible();
  await page.reload({ waitUntil: "networkidle" });
  await expect(item(page, "2.1 Количество базовых школ в муниципалитете").getByLabel("Численность")).toHaveValue("4");
});
