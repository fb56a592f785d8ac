import { expect, test } from "@playwright/test";
import { pdfSample } from "../tests/support/file-samples";
import { expectNoSeriousViolations, signIn, signOut } from "./support";

const MUNICIPAL_BLANK = "Бланк соответствия критериям оценки деятельности работы муниципального координатора";
const ORDER_TEXT =
  "Приказ управления образования администрации МО Славянский район от 30.08.2022 № 512-од «Об организации работы базовых школ»";

test("a municipal coordinator files an order, takes it into a blank item, and the auditor downloads it", async ({ page }) => {
  test.setTimeout(180_000);
  // A campaign with a blank for Славянский район to fill.
  await signIn(page, "auditor@demo.local");
  await page.goto("/region/campaigns/new", { waitUntil: "networkidle" });
  await page.getByLabel("Название кампании").fill("Проверка реестра документов");
  await page.getByLabel("Дата аудита").fill("2026-12-15");
  await page.getByLabel("Срок сдачи бланков").fill("2026-12-10");
  await page.getByRole("checkbox", { name: new RegExp(`${MUNICIPAL_BLANK}, версия 1`) }).check();
  await page.getByRole("checkbox", { name: "Славянский район", exact: true }).check();
  await page.getByRole("button", { name: "Создать кампанию" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Проверка реестра документов" })).toBeVisible();
  await signOut(page);

  // The order goes into the registry: requisites read from pasted text, the scan checked by content.
  await signIn(page, "mo.slavyansky@demo.local");
  await page.goto("/documents/new", { waitUntil: "networkidle" });
  await page.getByLabel(/Реквизиты текстом/).fill(ORDER_TEXT);
  await page.getByRole("button", { name: "Заполнить реквизиты из текста" }).click();
  await expect(page.getByLabel("Номер")).toHaveValue("512-од");
  await expect(page.getByLabel("Дата")).toHaveValue("2022-08-30");
  await expect(page.getByLabel("Наименование")).toHaveValue("Об организации работы базовых школ");
  // A scan over the limit is refused in the browser, in the words of the field's label, and never sent.
  const uploads: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/files") uploads.push(request.url());
  });
  const fileField = page.getByLabel("Файл (PDF, DOCX, XLSX, JPG, PNG до 20 МБ)");
  await fileField.setInputFiles({ name: "Скан 25 МБ.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(25 * 1024 * 1024, 0x25) });
  await expect(
    page.getByText("Файл «Скан 25 МБ.pdf» весит 25 МБ, а можно не больше 20 МБ. Допустимы файлы PDF, DOCX, XLSX, JPG, PNG до 20 МБ."),
  ).toBeVisible();
  expect(uploads).toEqual([]);
  await fileField.setInputFiles({ name: "Приказ 512-од.pdf", mimeType: "application/pdf", buffer: pdfSample("Приказ № 512-од") });
  await expect(page.getByText("Загружен: Приказ 512-од.pdf")).toBeVisible();
  expect(uploads).toHaveLength(1);
  await expectNoSeriousViolations(page, "/documents/new");
  await page.getByRole("button", { name: "Сохранить в реестре" }).click();
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: /Приказ управления образования администрации МО Славянский район от 30\.08\.2022 № 512-од/,
    }),
  ).toBeVisible();
  const documentUrl = page.url();

  // Filing it twice is refused with a link to the one already there.
  await page.goto("/documents/new", { waitUntil: "networkidle" });
  await page.getByLabel(/Реквизиты текстом/).fill(ORDER_TEXT);
  await page.getByRole("button", { name: "Заполнить реквизиты из текста" }).click();
  await page.getByRole("button", { name: "Сохранить в реестре" }).click();
  await expect(page.getByText(/Такой документ уже есть в реестре/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Открыть существующий документ" })).toHaveAttribute("href", new URL(documentUrl).pathname);

  // The blank item takes its requisites and file from the registry.
  await page.goto("/municipality", { waitUntil: "networkidle" });
  await page
    .getByRole("list", { name: "Бланки к заполнению и исправлению" })
    .getByRole("link", { name: new RegExp(`Славянский район: ${MUNICIPAL_BLANK}`) })
    .first()
    .click();
  await page.waitForLoadState("networkidle");
  const item = page.getByRole("group", { name: "1.1.1 -об организации работы БШ", exact: true });
  await item.getByLabel("Документ есть").check();
  await item.getByLabel("Документ из реестра (заполнит реквизиты)").selectOption({ label: ORDER_TEXT });
  await expect(item.getByLabel("Номер")).toHaveValue("512-од");
  await expect(item.getByRole("link", { name: "Приказ 512-од.pdf" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Сохранено в" })).toBeVisible();
  await page.getByRole("button", { name: "Отправить на проверку" }).click();
  await page.getByRole("button", { name: "Отправить с незаполненными пунктами" }).click();
  await expect(page.getByText("на проверке").first()).toBeVisible();
  const blankUrl = page.url();
  await signOut(page);

  // The auditor sees where the document is used and downloads it.
  await signIn(page, "auditor@demo.local");
  await page.goto(documentUrl, { waitUntil: "networkidle" });
  await expect(page.getByRole("list", { name: "Где используется" })).toContainText("Проверка реестра документов");
  await expectNoSeriousViolations(page, documentUrl);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Приказ 512-од.pdf" }).click();
  expect((await download).suggestedFilename()).toBe("Приказ 512-од.pdf");
  await page.goto(blankUrl, { waitUntil: "networkidle" });
  await expect(page.getByText(/Приказ .* от 30\.08\.2022 №512-од/)).toBeVisible();
});
