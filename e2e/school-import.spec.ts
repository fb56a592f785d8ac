import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations, municipalityIdByName, signIn } from "./support";

const KALTAN = "Калтанский городской округ";
const NAME = "Наименование общеобразовательной организации";
const NEW_SCHOOL = 'МБОУ "Основная общеобразовательная школа № 99"';

const importForm = (page: Page) => page.getByRole("form", { name: "Импорт школ" });

async function upload(page: Page, name: string, text: string) {
  await importForm(page)
    .getByLabel("Таблица школ (XLSX или CSV)")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  await importForm(page).getByRole("button", { name: "Проверить файл" }).click();
}

test("a region admin exports the municipality's schools, is shown a broken file's errors, then imports an edited list", async ({
  page,
}) => {
  await signIn(page, "admin42@demo.local");
  const id = await municipalityIdByName(page, KALTAN);
  await page.goto(`/municipalities/${id}`, { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: KALTAN })).toBeVisible();

  // The list downloads in seed 001's columns; CSV opens in Excel with Cyrillic intact.
  const csvLink = page.getByRole("link", { name: "Скачать список школ в CSV" });
  await expect(page.getByRole("link", { name: "Скачать список школ в XLSX" })).toHaveAttribute(
    "href",
    `/api/municipalities/${id}/schools?format=xlsx`,
  );
  const exported = await page.request.get((await csvLink.getAttribute("href"))!);
  expect(exported.status()).toBe(200);
  const csv = (await exported.body()).toString("utf8");
  expect(csv.startsWith(`\uFEFF№;${NAME};Юридический адрес;ФИО руководителя;Контактный телефон\r\n`)).toBe(true);
  expect(csv).toContain("Петухова Лариса Анатольевна;3-18-39");

  // A broken file: every error by row and column, nothing imported.
  await upload(
    page,
    "школы.csv",
    `№;${NAME};Юридический адрес;ФИО руководителя;Контактный телефон\n1;Школа;ул. Мира, 1;;\n2;;ул. Мира, 2;;\n3;Школа 3;;;звонить\n`,
  );
  await expect(page.getByRole("alert").filter({ hasText: "Файл не импортирован: ошибок — 2" })).toBeVisible();
  // Focus moves to the answer, so that a screen reader reads it.
  await expect(page.locator(":focus")).toContainText("Файл не импортирован: ошибок — 2");
  const errors = page.getByRole("table", { name: "Ошибки в файле" });
  await expect(
    errors.getByRole("row", { name: /^3 Наименование общеобразовательной организации Укажите наименование организации\./ }),
  ).toBeVisible();
  await expect(errors.getByRole("row", { name: /^4 Контактный телефон «звонить» не похоже на номер телефона/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Школа 3" })).toHaveCount(0);

  // The export with one phone changed and a new school: a preview first, then the import.
  const edited = `${csv.replace("Петухова Лариса Анатольевна;3-18-39", "Петухова Лариса Анатольевна;3-18-40")}6;"${NEW_SCHOOL.replaceAll('"', '""')}";"652740, г. Калтан, ул. Новая, 1";Новикова Нина Ивановна;3-99-99\r\n`;
  await upload(page, "школы.csv", edited);
  const preview = page.getByRole("region", { name: "Предварительный просмотр импорта" });
  await expect(preview.getByRole("status")).toHaveText("Будет добавлено школ: 1, обновлено: 1, без изменений: 4.");
  await expect(page.locator(":focus")).toContainText("Будет добавлено школ: 1");
  await expect(preview.getByRole("row", { name: `7 ${NEW_SCHOOL} Новая школа` })).toBeVisible();
  await expect(preview.getByRole("row", { name: /Средняя общеобразовательная школа № 1" Обновится \(телефон\)$/ })).toBeVisible();
  await expectNoSeriousViolations(page, "school import preview");
  await expect(page.getByRole("link", { name: NEW_SCHOOL })).toHaveCount(0);

  await preview.getByRole("button", { name: "Импортировать" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Импорт выполнен: новых школ — 1, обновлено — 1, без изменений — 4." }),
  ).toBeVisible();
  await expect(page.locator(":focus")).toContainText("Импорт выполнен");
  await expect(page.getByRole("link", { name: NEW_SCHOOL })).toBeVisible();

  // Importing the same file again changes nothing.
  await upload(page, "школы.csv", edited);
  await expect(page.getByRole("region", { name: "Предварительный просмотр импорта" }).getByRole("status")).toHaveText(
    "Файл совпадает со справочником, менять нечего (строк без изменений: 6).",
  );
  await expect(page.getByRole("button", { name: "Импортировать" })).toHaveCount(0);
});

test("a workbook with the table on two sheets asks which, then previews it with the sheet and the rows left out", async ({ page }) => {
  await signIn(page, "admin42@demo.local");
  const id = await municipalityIdByName(page, KALTAN);
  await page.goto(`/municipalities/${id}`, { waitUntil: "networkidle" });
  // Made by openpyxl: «Инструкция», then the table on «Организации» and on «Архив».
  await importForm(page)
    .getByLabel("Таблица школ (XLSX или CSV)")
    .setInputFiles(path.join(process.cwd(), "tests", "fixtures", "real-files", "schools-two-tables.xlsx"));
  await importForm(page).getByRole("button", { name: "Проверить файл" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Файл не импортирован" })).toBeVisible();
  await expect(page.getByText("Таблица есть на нескольких листах книги: «Организации», «Архив».")).toBeVisible();
  const choice = page.getByRole("group", { name: "Из какого листа импортировать?" });
  await expect(choice.getByRole("radio", { name: "Организации" })).toBeChecked();
  await expectNoSeriousViolations(page, "school import sheet choice");
  await choice.getByRole("button", { name: "Проверить лист «Организации»" }).click();

  const preview = page.getByRole("region", { name: "Предварительный просмотр импорта" });
  await expect(preview.getByText("Лист: Организации")).toBeVisible();
  const leftOut = preview.getByRole("list", { name: "Строки, которые не импортируются" });
  await expect(leftOut).toContainText("Строка 3: «1 2 3 4 5» — не импортировано: пояснение под строкой заголовков");
  await expect(leftOut).toContainText(
    "Строка 9: «Исполнитель: Петрова Т.А., тел. 2-31-80» — не импортировано: подпись/примечание под таблицей",
  );
  // The phones typed as numbers with the mask 0-00-00 are read as the sheet shows them.
  await expect(preview.getByRole("row", { name: /^5 МБОУ "Основная общеобразовательная школа № 15" Обновится/ })).toBeVisible();
  await expectNoSeriousViolations(page, "school import preview of a two-sheet workbook");
  await preview.getByRole("button", { name: "Отмена" }).click();
});

test("a school coordinator cannot use the schools API", async ({ page }) => {
  await signIn(page, "auditor@demo.local");
  const id = await municipalityIdByName(page, "Славянский район");
  await page.context().clearCookies();
  await signIn(page, "school.slavyansky@demo.local");
  expect((await page.request.get(`/api/municipalities/${id}/schools?format=csv`)).status()).toBe(403);
});
