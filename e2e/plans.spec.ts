import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ROADMAP_002_PATH } from "../lib/seed-data/roadmap-002";
import { expectNoSeriousViolations, signIn, signOut } from "./support";

const SLAVYANSKY_PLAN = "Муниципальная система методической работы Славянского района";
const ROADMAP = /^Муниципальная дорожная карта на 2020-2021 учебный год/;
const NEW_EVENT = "Методический семинар «Наставничество в школе: первые итоги»";

async function openPlan(page: Page, title: string | RegExp) {
  await page.goto("/plans", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test("a municipal coordinator adds an event, sees how its timing is read, marks it held and enters an indicator value", async ({
  page,
}) => {
  await signIn(page, "mo.slavyansky@demo.local");
  await openPlan(page, SLAVYANSKY_PLAN);
  // Seed 004's sections and recurring timing, with the due dates they give this school year.
  const table = page.getByRole("table", { name: "Мероприятия плана" });
  await expect(
    table.getByRole("row", { name: /^1\. Мероприятия по повышению квалификации и профессиональной переподготовки педагогов$/ }),
  ).toBeVisible();
  await expect(table.getByRole("row", { name: /^1\.1 Формирование банка данных педагогов/ })).toContainText("Ежегодно август");
  await expectNoSeriousViolations(page, "plan table");

  await page.getByRole("link", { name: "Добавить мероприятие" }).click();
  const form = page.getByRole("form", { name: "Новое мероприятие" });
  await expect(form).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(async () => {
    await form.getByLabel("Мероприятие", { exact: true }).fill(NEW_EVENT);
    await form.getByLabel("Сроки").fill("до 15 декабря 2026 года");
    await expect(form.getByText("Прочитано как: до 15.12.2026")).toBeVisible({ timeout: 2000 });
  }).toPass();
  await form.getByLabel("Раздел").selectOption({ label: "3. Мероприятия по организации работы с молодыми педагогами" });
  await form.getByLabel("Ответственный", { exact: true }).fill("Петрова Т.А. Ваховский Ф.И.");
  await expect(form.getByText("Распознаны: Петрова Т.А., Ваховский Ф.И.")).toBeVisible();
  await expectNoSeriousViolations(page, "event form");
  await form.getByRole("button", { name: "Добавить мероприятие" }).click();

  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}(\?[^#]*)?#event-[0-9a-f-]{36}$/);
  const row = page.getByRole("row", { name: new RegExp(NEW_EVENT) });
  await expect(row).toContainText("до 15 декабря 2026 года");
  await expect(row).toContainText("Запланировано");
  await row.getByRole("button", { name: "Проведено…" }).click();
  // No date is filled in for the user: it is the day the event was held, asked for explicitly.
  await expect(row.getByLabel("Дата проведения")).toHaveValue("");
  await expect(row.getByRole("button", { name: "Отметить проведённым" })).toBeDisabled();
  await expect(row.getByRole("button", { name: "Отменить мероприятие" })).toHaveCount(0);
  await row.getByLabel("Дата проведения").fill("2026-11-20");
  await row.getByRole("button", { name: "Отметить проведённым" }).click();
  await expect(row).toContainText("Проведено 20.11.2026");

  // Cancelling asks first; «Отмена» leaves the event as it was.
  await row.getByRole("button", { name: "Вернуть в план" }).click();
  await expect(row).toContainText("Запланировано");
  await row.getByRole("button", { name: "Отменить мероприятие" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Отменить мероприятие?" });
  await expect(confirm).toBeVisible();
  await expectNoSeriousViolations(page, "cancel confirmation");
  await confirm.getByRole("button", { name: "Отмена" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toContainText("Запланировано");
  await row.getByRole("button", { name: "Отменить мероприятие" }).click();
  await confirm.getByRole("button", { name: "Отменить мероприятие" }).click();
  await expect(row).toContainText("Отменено");

  // The same plan by month, with the current month marked.
  await page.getByRole("link", { name: "По месяцам" }).click();
  const timeline = page.getByRole("table", { name: /^Мероприятия по месяцам/ });
  await expect(timeline.getByRole("columnheader", { name: "сен 2026" })).toBeVisible();
  await expect(timeline.getByRole("rowheader", { name: new RegExp(NEW_EVENT) })).toBeVisible();
  await expectNoSeriousViolations(page, "plan timeline");

  // Target indicators: seed 004's rules read, a value entered for a period.
  await page.getByRole("link", { name: "Показатели", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Целевые показатели" })).toBeVisible();
  const indicators = page.getByRole("table", { name: "Целевые показатели, методы сбора информации и выполнение по периодам" });
  await expect(indicators.getByRole("row", { name: /^3\. Доля педагогических работников, прошедших курсы/ })).toContainText("Достигнуто");
  await expect(indicators.getByRole("row", { name: /^1\. Доля педагогических работников/ })).toContainText("Не достигнуто");
  await page.waitForLoadState("networkidle");
  const valueForm = page.getByRole("form", { name: "Значение показателя 2." });
  await expect(async () => {
    await valueForm.getByLabel("Период").fill("2026");
    await valueForm.getByLabel("Значение", { exact: true }).fill("36");
    await valueForm.getByLabel("База (необязательно)").fill("36");
    await valueForm.getByRole("button", { name: "Сохранить значение" }).click();
    await expect(valueForm.getByText("Значение сохранено.")).toBeVisible({ timeout: 3000 });
  }).toPass();
  await expect(indicators.getByRole("row", { name: /^2\. Выявление кадровых потребностей/ })).toContainText(
    /2026:\s*Достигнуто\s*— 100 % при цели 100 %/,
  );
  await expectNoSeriousViolations(page, "indicators");
});

test("a region admin previews a roadmap report, is shown a broken file's errors, imports, and exports it in seed 002's columns", async ({
  page,
}) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/plans/import", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: "Импорт дорожной карты" })).toBeVisible();
  await expectNoSeriousViolations(page, "roadmap import");
  const form = page.getByRole("form", { name: "Импорт дорожной карты" });
  const file = form.getByLabel("Файл отчёта (Word, XLSX, CSV или Markdown)");
  const seed = readFileSync(ROADMAP_002_PATH, "utf8");

  // A row without its date: the error names the row and the column; nothing is imported.
  await file.setInputFiles({
    name: "отчет.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(seed.replace("| 22 сентября 2020 года |", "|  |")),
  });
  await form.getByRole("button", { name: "Проверить" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Файл не импортирован: ошибок — 1." })).toBeVisible();
  await expect(page.getByRole("list", { name: "Ошибки в файле" })).toContainText("Строка 8, «Дата проведения мероприятия»");

  // The seed itself: the demo already holds it, so every row updates and nothing is duplicated.
  await file.setInputFiles({ name: "отчет.md", mimeType: "text/markdown", buffer: Buffer.from(seed) });
  await form.getByRole("button", { name: "Проверить" }).click();
  const preview = page.getByRole("region", { name: "Предварительный просмотр импорта" });
  await expect(preview.getByRole("status")).toContainText("Добавится: 0, обновится: 15.");
  await expect(preview.getByRole("row", { name: /^9 город Краснодар Проведение выездной проверки/ })).toContainText(
    "Петрова Т.А., Ваховский Ф.И.",
  );
  await expectNoSeriousViolations(page, "roadmap import preview");
  await preview.getByRole("button", { name: "Импортировать" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Импорт выполнен: добавлено мероприятий — 0, обновлено — 15" })).toBeVisible();

  await page.getByRole("link", { name: "Дорожная карта: город Краснодар" }).click();
  await expect(page.getByRole("heading", { level: 1, name: ROADMAP })).toBeVisible();
  const table = page.getByRole("table", { name: "Мероприятия плана" });
  await expect(table.getByRole("row", { name: /Организация семинаров-практикумов/ })).toContainText("Просрочено");
  const xlsx = await page.request.get((await page.getByRole("link", { name: "Экспорт XLSX" }).getAttribute("href"))!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  const csv = (
    await (await page.request.get((await page.getByRole("link", { name: "Экспорт CSV" }).getAttribute("href"))!)).body()
  ).toString("utf8");
  expect(csv).toContain(
    "Код региона;Муниципалитет;Все мероприятия, запланированные в муниципальной дорожной карте;Краткое описание мероприятий;Дата проведения мероприятия",
  );
  expect(csv).toContain("До 2 ноября 2020 года;Петрова Т.А. Ваховский Ф.И.;");
});

test("a region admin previews seed 002 typed as a Word table: the table read, the hints and signatures left out", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/plans/import", { waitUntil: "networkidle" });
  const form = page.getByRole("form", { name: "Импорт дорожной карты" });
  const file = form.getByLabel("Файл отчёта (Word, XLSX, CSV или Markdown)");
  // The browser's file picker offers Word documents.
  expect((await file.getAttribute("accept"))?.split(",")).toContain(".docx");
  // Made by LibreOffice from seed 002 (tests/fixtures/docx/make-fixtures.py).
  await file.setInputFiles(path.join(process.cwd(), "tests", "fixtures", "docx", "roadmap-002.docx"));
  await form.getByRole("button", { name: "Проверить" }).click();
  const preview = page.getByRole("region", { name: "Предварительный просмотр импорта" });
  // The demo holds seed 002 already: the Word table is the same fifteen events.
  await expect(preview.getByRole("status")).toContainText("Добавится: 0, обновится: 15.");
  await expect(preview.getByText("Документ Word: Таблица 1")).toBeVisible();
  const leftOut = preview.getByRole("list", { name: "Строки, которые не импортируются" });
  await expect(leftOut).toContainText("Строка 2: «перечислить муниципальные мероприятия");
  await expect(leftOut).toContainText("Строка 19: «О.А.Саркисян» — не импортировано: подпись/примечание под таблицей");
  await expect(preview.getByRole("row", { name: /^4 город Краснодар Проведение выездной проверки/ })).toContainText(
    "Петрова Т.А., Ваховский Ф.И.",
  );
  await expectNoSeriousViolations(page, "roadmap import preview of a Word table");
  await preview.getByRole("button", { name: "Отмена" }).click();
  await expect(preview).toHaveCount(0);
});

test("a municipal coordinator previews a report Russian Excel saved as CSV: the encoding read, the signature lines left out", async ({
  page,
}) => {
  await signIn(page, "mo.slavyansky@demo.local");
  await page.goto("/plans/import", { waitUntil: "networkidle" });
  const form = page.getByRole("form", { name: "Импорт дорожной карты" });
  // Windows-1251, «;», CRLF, a title line, column numbers under the header, multi-line cells, two signature lines.
  await form
    .getByLabel("Файл отчёта (Word, XLSX, CSV или Markdown)")
    .setInputFiles(path.join(process.cwd(), "tests", "fixtures", "real-files", "roadmap-windows-1251.csv"));
  await form.getByRole("button", { name: "Проверить" }).click();
  const preview = page.getByRole("region", { name: "Предварительный просмотр импорта" });
  await expect(preview.getByRole("status")).toContainText("Добавится: 4, обновится: 0.");
  await expect(preview.getByText("Кодировка: Windows-1251, разделитель «;»")).toBeVisible();
  const leftOut = preview.getByRole("list", { name: "Строки, которые не импортируются" });
  await expect(leftOut).toContainText("Строка 3: «1 2 3 4 5 6 7 8» — не импортировано: пояснение под строкой заголовков");
  await expect(leftOut).toContainText(
    "Строка 9: «Начальник управления образования ____________ /ФИО/» — не импортировано: подпись/примечание под таблицей",
  );
  await expect(leftOut).toContainText("Строка 10: «Исполнитель: Петрова Т.А., тел. 2-31-80»");
  await expect(preview.getByRole("row", { name: /^4 Славянский район Совещание "О плане работы с ШНОР"/ })).toContainText(
    "Петрова Т.А., Иванов И.И.",
  );
  await expectNoSeriousViolations(page, "roadmap import preview of a Windows-1251 file");
  await preview.getByRole("button", { name: "Отмена" }).click();
  await expect(preview).toHaveCount(0);
});

test("the region sees every municipality's overdue events; an auditor reads plans but cannot change them", async ({ page }) => {
  await signIn(page, "auditor@demo.local");
  await page.goto("/plans", { waitUntil: "networkidle" });
  const overview = page.getByRole("table", { name: "Планы муниципалитетов: мероприятия проведённые и просроченные" });
  await expect(overview.getByRole("row", { name: /^город Краснодар 1 15 10 5 — просрочено$/ })).toBeVisible();
  await expect(overview.getByRole("row", { name: /^Абинский район 0 0 0 0$/ })).toBeVisible();
  await expectNoSeriousViolations(page, "/plans");
  await expect(page.getByRole("link", { name: "Создать план" })).toHaveCount(0);

  await openPlan(page, ROADMAP);
  await expect(page.getByRole("link", { name: "Добавить мероприятие" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Проведено…" })).toHaveCount(0);
  const roadmapPath = new URL(page.url()).pathname;
  expect((await page.goto("/plans/new"))?.status()).toBe(403);
  await signOut(page);

  // A coordinator of another municipality: the same plan does not exist for them.
  await signIn(page, "mo.slavyansky@demo.local");
  expect((await page.goto(roadmapPath))?.status()).toBe(404);
  await signOut(page);

  // Seed 001's programme, by stages.
  await signIn(page, "admin42@demo.local");
  await openPlan(
    page,
    "Программа деятельности муниципальных пилотных площадок по теме «Создание муниципальной образовательной сети дистанционного обучения»",
  );
  await expect(page.getByRole("row", { name: /^I этап \(сентябрь – декабрь 2013 г\.\)/ })).toBeVisible();
  // The event, its status beside it, then its timing.
  await expect(
    page.getByRole("row", {
      name: /^1\. Назначить ответственного за реализацию направления в ОУ .*Проведено 30\.09\.2013.*до 30 сентября 2013 г\./,
    }),
  ).toBeVisible();
  await expectNoSeriousViolations(page, "programme");
});

test("the region lists the events of every plan, keeps only the overdue ones, and downloads them as filtered", async ({ page }) => {
  await signIn(page, "auditor@demo.local");
  await page.goto("/plans", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "Мероприятия планов" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Мероприятия планов" })).toBeVisible();
  const table = page.getByRole("table", { name: "Мероприятия планов" });
  // Seed 002's roadmap, seed 001's programme and seed 004's plan: events of several plans in one list.
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByText(/^Всего: \d+\./)).toBeVisible();
  await expectNoSeriousViolations(page, "events list");

  await page.getByLabel("Только просроченные").check();
  await page.getByRole("button", { name: "Найти" }).click();
  await expect(page).toHaveURL(/overdue=1/);
  await page.waitForLoadState("networkidle");
  const statuses = table
    .getByRole("row")
    .locator("td")
    .filter({ hasText: /^(Запланировано|Проведено|Отменено|Просрочено)/ });
  await expect(statuses.first()).toHaveText("Просрочено");
  await expect(statuses.filter({ hasNotText: "Просрочено" })).toHaveCount(0);

  const link = page.getByRole("link", { name: "Скачать XLSX: Мероприятия планов" });
  await expect(link).toHaveAttribute("href", /\/api\/exports\/events\?.*overdue=1/);
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("spreadsheetml");
});
