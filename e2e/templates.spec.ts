import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations, signIn, signOut } from "./support";

const SCHOOL = "Бланк соответствия критериям оценки деятельности работы школьного координатора";
const MUNICIPAL = "Бланк соответствия критериям оценки деятельности работы муниципального координатора";

/** The school coordinator's blank of seed 000, row by row: number and title with its footnote mark. */
const SCHOOL_ROWS = [
  ["1.", "Соглашения"],
  ["1.1", "- между БШ и школами по месту жительства ¹"],
  ["1.2", "- между МЦДО и ГБОУ ИРО КК"],
  ["2", "Положения регламентирующие деятельность по организации обучения детей-инвалидов на дому с использованием ДОТ"],
  ["2.1", "- о центре дистанционного образования базовой общеобразовательной организации"],
  ["3", "Приказы (иной документ, указать) БШ"],
  ["3.1", "- об организации обучения детей-инвалидов"],
  ["3.2", "- о назначении школьного координатора"],
  ["3.3", "- об организации работы МЦДО"],
  ["4", "Педагоги, осуществляющие образовательную деятельность с использованием"],
  ["4.1", "Численность педагогов"],
  ["4.2", "Численность педагогов, нуждающихся в прохождении курсов повышения квалификации"],
  ["4.3", "Список педагогов с указанием курсов повышения квалификации"],
  ["5", "Дети-инвалиды"],
  ["5.1", "Численность детей-инвалидов, обучающихся с применением дистанционных технологий, всего"],
  ["5.2", "Индивидуальные учебные планы (недельный) ¹"],
  ["6", "Расписание занятий дистанционного обучения"],
];

/** The rows that carry a legal basis, and the reference printed in their last column. */
const SCHOOL_REFERENCES: [title: string, reference: string][] = [
  ["Соглашения", "Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.6"],
  [SCHOOL_ROWS[3]![1]!, "Приказ МОНМТ КК от 22.07.2021 №2378 п. 3.4"],
  ["Приказы (иной документ, указать) БШ", "Приказ МОНМТ КК от 22.07.2021 №2378 п. 5.5 п. 5.8 п. 5.7"],
  [SCHOOL_ROWS[9]![1]!, "Приказ МОНМТ КК от 22.07.2021 №2378 п. 5.9 п. 5.11"],
  ["Дети-инвалиды", "Приказ МОНМТ КК от 22.07.2021 №2378 п. 5.3, п. 5.8, п. 5.13, п. 5.14"],
  ["Расписание занятий дистанционного обучения", "Приказ МОНМТ КК от 22.07.2021 №2378 п. 5.3, п. 5.7"],
];

const NEW_TITLE = "Журнал консультаций родителей";

const templateCard = (page: Page, name: string) => page.getByRole("region", { name });
const blank = (page: Page) => page.getByRole("table", { name: /БЛАНК СООТВЕТВИЯ/ });
const item = (page: Page, label: string) => page.getByRole("group", { name: `Пункт ${label}`, exact: true });

/** The printed item rows as [number, title], in order. */
const printedRows = (page: Page) =>
  blank(page)
    .locator("tbody tr:has(th[scope=row])")
    .evaluateAll((rows) => rows.map((row) => [...(row as HTMLTableRowElement).cells].slice(0, 2).map((c) => c.textContent)));

test("a region admin edits the school blank in a new version and publishes it", async ({ page, browser }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/region/templates", { waitUntil: "networkidle" });
  await expect(page.getByRole("heading", { level: 1, name: "Шаблоны бланков" })).toBeVisible();
  const school = templateCard(page, SCHOOL);
  await expect(school).toContainText("Школьный координатор");
  await expect(school.getByRole("row", { name: /Версия 1/ })).toContainText("опубликована");
  await expect(school.getByRole("link", { name: "Скачать версию 1 в JSON" })).toHaveAttribute(
    "href",
    /^\/api\/templates\/[0-9a-f-]{36}\/export\?version=1&format=json$/,
  );
  await expect(school.getByRole("link", { name: "Скачать версию 1 в XLSX" })).toHaveAttribute("href", /format=xlsx$/);
  await expectNoSeriousViolations(page, "template list");

  // A file that is not a template is refused, with the reason in Russian.
  const importForm = page.getByRole("form", { name: "Импорт шаблона" });
  await importForm.getByRole("button", { name: "Импортировать" }).click();
  await expect(importForm.getByText("Выберите файл шаблона: JSON или XLSX.")).toBeVisible();
  await importForm.getByLabel("Файл шаблона").setInputFiles({
    name: "not-a-template.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ format: "something-else" })),
  });
  await importForm.getByRole("button", { name: "Импортировать" }).click();
  await expect(importForm.getByRole("alert").first()).toContainText("«not-a-template.json»");

  // Version 1 prints as in seed 000.
  await school.getByRole("link", { name: "Версия 1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: SCHOOL })).toBeVisible();
  const version1 = page.url();
  await expect(blank(page)).toContainText("критериям оценки деятельности работы школьного координатора _____");
  await expect(blank(page)).toContainText("(наименование МО и БШ)");
  for (const header of ["№ п/п", "Нормативная документация БШ", "Реквизиты документа / численность", "Соответствие официальным данным"]) {
    await expect(blank(page).getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  }
  expect(await printedRows(page)).toEqual(SCHOOL_ROWS);
  for (const [title, reference] of SCHOOL_REFERENCES) {
    const row = blank(page)
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: title, exact: true }) });
    await expect(row.getByRole("cell").last()).toHaveText(reference);
  }
  await expect(page.getByRole("button", { name: "Сохранить черновик" })).toHaveCount(0);
  await expectNoSeriousViolations(page, "printed blank");

  // Editing starts the next version as a draft.
  await page.getByRole("button", { name: "Создать новую версию" }).click();
  await page.getByRole("alertdialog", { name: "Создать новую версию?" }).getByRole("button", { name: "Создать черновик" }).click();
  await expect(page.getByRole("form", { name: "Черновик версии 2" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Черновик версии 2 открыт для правки" })).toBeVisible();
  const draft = page.url();
  expect(draft).not.toBe(version1);
  await expectNoSeriousViolations(page, "template editor");
  // The fields hold their values in the server's HTML: never empty while the scripts load.
  const scriptless = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const firstPaint = await scriptless.newPage();
  await firstPaint.goto(draft);
  await expect(firstPaint.getByLabel("Название шаблона")).toHaveValue(SCHOOL);
  await expect(firstPaint.getByLabel("Заголовок бланка")).not.toHaveValue("");
  await expect(firstPaint.getByLabel("«Соответствует» — от")).not.toHaveValue("");
  await scriptless.close();

  await page.getByRole("button", { name: "Добавить пункт после пункта 6" }).click();
  const added = item(page, "без номера").getByLabel("Номер", { exact: true });
  await expect(added).toBeFocused();
  await added.fill("7");

  // A missing title is refused next to the field, and nothing typed is lost.
  await page.getByRole("button", { name: "Сохранить черновик" }).click();
  await expect(item(page, "7").getByText("Укажите наименование пункта.")).toBeVisible();
  await expect(page.getByText("Проверьте заполнение полей: ошибки отмечены рядом с ними.")).toBeVisible();
  await expect(item(page, "7").getByLabel("Номер", { exact: true })).toHaveValue("7");

  await item(page, "7").getByLabel("Наименование", { exact: true }).fill(NEW_TITLE);
  await item(page, "7").getByLabel("Вид ответа").selectOption({ label: "Наличие (✓)" });
  await expect(item(page, "7").getByText("Укажите наименование пункта.")).toHaveCount(0);
  await page.getByRole("button", { name: "Переместить выше пункт 7" }).click();
  await page.getByRole("button", { name: "Сделать вложенным пункт 7" }).click();
  const nested = page.getByRole("list", { name: "Подпункты пункта 5" }).getByRole("group", { name: "Пункт 7", exact: true });
  await expect(nested).toBeVisible();
  const edited = [...SCHOOL_ROWS.slice(0, 16), ["7", NEW_TITLE], SCHOOL_ROWS[16]];
  await expect.poll(() => printedRows(page)).toEqual(edited);

  await page.getByRole("button", { name: "Сохранить черновик" }).click();
  await expect(page.getByText("Черновик сохранён.")).toBeVisible();
  await expect(page.getByText("Все изменения сохранены.")).toBeVisible();
  await page.reload();
  await expect(nested).toBeVisible();
  await expect(item(page, "7").getByLabel("Наименование", { exact: true })).toHaveValue(NEW_TITLE);
  await expect(page.getByRole("button", { name: "Вынести на уровень выше пункт 7" })).toBeEnabled();
  await expect.poll(() => printedRows(page)).toEqual(edited);

  // Someone else saves the same draft meanwhile: this editor's save is refused, its edits stay.
  const other = await page.context().newPage();
  await other.goto(draft, { waitUntil: "networkidle" });
  await other.getByRole("button", { name: "Сохранить черновик" }).click();
  await expect(other.getByText("Черновик сохранён.")).toBeVisible();
  await other.close();
  await item(page, "7").getByLabel("Наименование", { exact: true }).fill(`${NEW_TITLE} (уточнено)`);
  await page.getByRole("button", { name: "Сохранить черновик" }).click();
  await expect(page.getByText(/Черновик изменён другим пользователем/)).toBeVisible();
  await expect(item(page, "7").getByLabel("Наименование", { exact: true })).toHaveValue(`${NEW_TITLE} (уточнено)`);

  // Reloading asks first (unsaved edits), then shows the saved draft.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await expect(item(page, "7").getByLabel("Наименование", { exact: true })).toHaveValue(NEW_TITLE);

  await page.getByRole("button", { name: "Опубликовать", exact: true }).click();
  const confirm = page.getByRole("alertdialog", { name: "Опубликовать версию 2?" });
  await confirm.getByRole("button", { name: "Сохранить и опубликовать" }).click();
  await expect(page.getByText(/версия 2 · опубликована/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Сохранить черновик" })).toHaveCount(0);
  await expect.poll(() => printedRows(page)).toEqual(edited);

  await page.goto("/region/templates", { waitUntil: "networkidle" });
  await expect(school.getByRole("row", { name: /Версия 2/ })).toContainText("опубликована");
  await expect(school.getByRole("row", { name: /Версия 1/ })).toContainText("опубликована");
  await school.getByRole("link", { name: "Версия 1" }).click();
  await expect(page.getByText(/версия 1 · опубликована/)).toBeVisible();
  expect(await printedRows(page)).toEqual(SCHOOL_ROWS);
  await expect(blank(page)).not.toContainText(NEW_TITLE);
});

test("a region auditor views templates, published and draft, without edit controls", async ({ page }) => {
  // The admin opens a draft of the municipal blank, for the auditor to look at.
  await signIn(page, "admin@demo.local");
  await page.goto("/region/templates", { waitUntil: "networkidle" });
  await templateCard(page, MUNICIPAL).getByRole("link", { name: "Версия 1" }).click();
  await page.getByRole("button", { name: "Создать новую версию" }).click();
  await page.getByRole("alertdialog", { name: "Создать новую версию?" }).getByRole("button", { name: "Создать черновик" }).click();
  await expect(page.getByRole("form", { name: "Черновик версии 2" })).toBeVisible();
  await signOut(page);

  await signIn(page, "auditor@demo.local");
  await page.goto("/region/templates", { waitUntil: "networkidle" });
  const municipal = templateCard(page, MUNICIPAL);
  await expect(municipal.getByRole("row", { name: /Версия 2/ })).toContainText("черновик");
  await expect(page.getByRole("link", { name: "Новый шаблон" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Импорт шаблона" })).toHaveCount(0);

  await municipal.getByRole("link", { name: "Версия 1" }).click();
  await expect(blank(page)).toContainText("- о назначении муниципального координатора");
  await expect(blank(page).getByRole("row").filter({ hasText: "База данных кандидатов" })).toContainText("ежегодное обновление");
  await expect(page.getByRole("button", { name: "Создать новую версию" })).toHaveCount(0);

  await page.goto("/region/templates", { waitUntil: "networkidle" });
  await municipal.getByRole("link", { name: "Версия 2" }).click();
  await expect(page.getByText("Это черновик версии 2")).toBeVisible();
  await expect(blank(page)).toContainText("Эффективность организации деятельности");
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Сохранить черновик" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Опубликовать/ })).toHaveCount(0);
  await expectNoSeriousViolations(page, "draft preview");

  expect((await page.goto("/region/templates/new", { waitUntil: "networkidle" }))?.status()).toBe(403);
});

test("a malformed id, or another region's version, answers 404", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/region/templates", { waitUntil: "networkidle" });
  const href = await templateCard(page, SCHOOL).getByRole("link", { name: "Версия 1" }).getAttribute("href");
  await signOut(page);

  await signIn(page, "admin42@demo.local");
  expect((await page.goto(href!, { waitUntil: "networkidle" }))?.status()).toBe(404);
  await expect(page.getByText(SCHOOL)).toHaveCount(0);
  expect((await page.goto("/region/templates/not-a-version", { waitUntil: "networkidle" }))?.status()).toBe(404);
});
