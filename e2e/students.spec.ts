import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations, signIn, signOut } from "./support";

const AUDITOR_NAME = "Приходько Марина Николаевна";

test("ДОТ records: the school coordinator adds a student, the auditor reads the card read-only, others get 404", async ({ page }) => {
  test.setTimeout(180_000);
  const name = `Проверочный П. ${Date.now().toString(36)}`;

  // The school coordinator adds a student and opens the card.
  await signIn(page, "school.slavyansky@demo.local");
  await page.goto("/school/students", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: "Учёт детей-инвалидов, обучающихся с ДОТ" })).toBeVisible();
  await expectNoSeriousViolations(page, "/school/students");
  const form = page.getByRole("form", { name: "Новый обучающийся" });
  await form.getByLabel("ФИО или инициалы", { exact: true }).fill(name);
  await form.getByLabel("Дата рождения").fill("2012-05-10");
  await form.getByLabel("Класс", { exact: true }).fill("5");
  await form.getByLabel("Есть индивидуальный учебный план (ИУП)").check();
  await form.getByRole("button", { name: "Добавить обучающегося" }).click();
  await page.waitForURL(/\/students\/[0-9a-f-]{36}$/);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("form", { name: "Изменение карточки" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Удалить по запросу" })).toBeVisible();
  await expectNoSeriousViolations(page, "/students/[id] (coordinator)");
  const cardPath = new URL(page.url()).pathname;

  // The list links to the card.
  await page.goto(`/school/students?q=${encodeURIComponent(name)}`, { waitUntil: "networkidle" });
  await expect(page.getByRole("link", { name })).toHaveAttribute("href", cardPath);
  await signOut(page);

  // The auditor finds it in the region's list and reads it, read-only, and appears in «Кто открывал карточку».
  await signIn(page, "auditor@demo.local");
  await page.goto("/region/students", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "Список обучающихся (только просмотр)" }).click();
  await page.waitForURL(/\/region\/students\/list/);
  await page.goto(`/region/students/list?q=${encodeURIComponent(name)}`, { waitUntil: "networkidle" });
  await expect(page.getByRole("link", { name })).toHaveAttribute("href", cardPath);
  await expectNoSeriousViolations(page, "/region/students/list");
  await page.goto(cardPath, { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("только просмотр")).toBeVisible();
  await expect(page.getByRole("form", { name: "Изменение карточки" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Удалить по запросу" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Кто открывал карточку" })).toContainText(AUDITOR_NAME);
  await expectNoSeriousViolations(page, "/students/[id] (auditor)");
  await signOut(page);

  // The municipal coordinator and the region's admin get the 404 page, without the name.
  for (const email of ["mo.slavyansky@demo.local", "admin@demo.local"]) {
    await signIn(page, email);
    const response = await page.goto(cardPath, { waitUntil: "networkidle" });
    expect(response?.status(), email).toBe(404);
    await expect(page.getByRole("heading", { name: "404 — страница не найдена" })).toBeVisible();
    await expect(page.getByText(name)).toHaveCount(0);
    expect(await page.content()).not.toContain(name);
    // Counts only, on their own page.
    await page.goto("/region/students", { waitUntil: "networkidle" });
    await expect(page.getByRole("heading", { level: 1, name: /численность/ })).toBeVisible();
    await expect(page.getByText(name)).toHaveCount(0);
    await signOut(page);
  }
});

test("the school coordinator imports students from a table, refused row by row when broken, and exports them", async ({ page }) => {
  await signIn(page, "school.slavyansky@demo.local");
  await page.goto("/school/students", { waitUntil: "networkidle" });
  const form = page.getByRole("form", { name: "Импорт обучающихся" });
  const header = "ФИО (или инициалы);Дата рождения;Класс;Инвалидность подтверждена до;ИУП есть;Расписание;Статус;Продолжает обучение";
  await form.getByLabel("Таблица обучающихся (XLSX или CSV)").setInputFiles({
    name: "broken.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${header}\nГорбунова Е. А.;31.02.2012;5;;да;;обучается;\n`, "utf8"),
  });
  await form.getByRole("button", { name: "Проверить файл" }).click();
  const errors = page.getByRole("table", { name: "Ошибки в файле" });
  await expect(errors.getByRole("row", { name: "2 Дата рождения Такой даты не бывает: укажите дату в виде ДД.ММ.ГГГГ." })).toBeVisible();
  await expect(page.getByText("Горбунова")).toHaveCount(0);

  await form.getByLabel("Таблица обучающихся (XLSX или CSV)").setInputFiles({
    name: "students.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${header}\nГорбунова Е. А.;12.03.2012;5;31.08.2027;да;пн, ср, пт;обучается;\n`, "utf8"),
  });
  await form.getByRole("button", { name: "Проверить файл" }).click();
  const preview = page.getByRole("region", { name: "Предварительный просмотр импорта" });
  await expect(preview).toBeVisible();
  await preview.getByRole("button", { name: /Импортировать/ }).click();
  // Leaving before the answer would cancel the import.
  await expect(page.getByText(/^Импорт выполнен: новых записей — 1/)).toBeVisible();
  await page.goto("/school/students", { waitUntil: "networkidle" });
  await expect(page.getByRole("link", { name: "Горбунова Е. А." })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Скачать список обучающихся в XLSX" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});

test("the school coordinator previews a workbook made in another program: its sheet, and the rows left out named by number only", async ({
  page,
}) => {
  await signIn(page, "school.slavyansky@demo.local");
  await page.goto("/school/students", { waitUntil: "networkidle" });
  const form = page.getByRole("form", { name: "Импорт обучающихся" });
  // Made by openpyxl: «Инструкция» first; a merged title, column numbers, date cells, «14.10.09», serial numbers, signatures.
  await form
    .getByLabel("Таблица обучающихся (XLSX или CSV)")
    .setInputFiles(path.join(process.cwd(), "tests", "fixtures", "real-files", "students-instructions-first.xlsx"));
  await form.getByRole("button", { name: "Проверить файл" }).click();
  const preview = page.getByRole("region", { name: "Предварительный просмотр импорта" });
  await expect(preview.getByRole("status")).toContainText("Будет добавлено записей: 3");
  await expect(preview.getByText("Лист: Обучающиеся")).toBeVisible();
  const leftOut = preview.getByRole("list", { name: "Строки, которые не импортируются" });
  await expect(leftOut.getByRole("listitem")).toHaveText([
    "Строка 3: не импортировано: пояснение под строкой заголовков",
    "Строка 8: не импортировано: подпись/примечание под таблицей",
    "Строка 9: не импортировано: подпись/примечание под таблицей",
  ]);
  await expectNoSeriousViolations(page, "ДОТ records import preview of a workbook");
  await preview.getByRole("button", { name: "Отмена" }).click();
});
