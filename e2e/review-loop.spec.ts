import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations, signIn, signOut } from "./support";

const MUNICIPAL_BLANK = "Бланк соответствия критериям оценки деятельности работы муниципального координатора";
const COORDINATOR = "mo.slavyansky@demo.local";
const AUDITOR = "auditor@demo.local";

const item = (page: Page, legend: string) => page.getByRole("group", { name: legend, exact: true });
const remarks = (page: Page) => page.getByRole("region", { name: "Замечания аудитора" });
const notice = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });

/** The auditor's mark on an item, saved on click; the comment saved when the field is left. */
async function mark(page: Page, legend: string, label: string, comment: string) {
  const group = item(page, legend);
  await group.getByLabel(label, { exact: true }).check();
  await expect(group.getByText("сохранено")).toBeVisible();
  await group.getByLabel("Комментарий аудитора").fill(comment);
  await group.getByLabel("Комментарий аудитора").press("Tab");
  await expect(group.getByText("сохранено")).toBeVisible();
}

test("the review loop: remarks at their items, errors where the user is, decisions confirmed and acknowledged", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);

  // A campaign of one municipality.
  await signIn(page, AUDITOR);
  await page.goto("/region/campaigns/new", { waitUntil: "networkidle" });
  await page.getByLabel("Название кампании").fill("Проверка замечаний МЦДО 2026");
  await page.getByLabel("Цель").fill("проверка исправления замечаний аудитора");
  await page.getByLabel("Дата аудита").fill("2026-12-10");
  await page.getByLabel("Срок сдачи бланков").fill("2026-12-01");
  await page.getByRole("checkbox", { name: new RegExp(`${MUNICIPAL_BLANK}, версия 1`) }).check();
  await page.getByRole("checkbox", { name: "Славянский район", exact: true }).check();
  await page.getByRole("button", { name: "Создать кампанию" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Проверка замечаний МЦДО 2026" })).toBeVisible();
  const href = await page
    .getByRole("table", { name: "Участники кампании и статусы бланков" })
    .getByRole("link", { name: MUNICIPAL_BLANK })
    .getAttribute("href");
  const blankUrl = href!;
  await signOut(page);

  // The coordinator's invalid answer stops the submit at the button and at the item, which gets the focus.
  await signIn(page, COORDINATOR);
  await page.goto(blankUrl, { waitUntil: "networkidle" });
  const schools = item(page, "2.1 Количество базовых школ в муниципалитете");
  await schools.getByLabel("Численность").fill("2,5");
  await item(page, "2.3.1 Личные дела обучающихся").getByLabel("Есть").check();
  await page.getByRole("button", { name: "Отправить на проверку" }).click();
  const refused = page.getByRole("alert").filter({ hasText: "Бланк не отправлен: исправьте ошибки в пунктах." });
  await expect(refused).toBeVisible();
  await expect(refused.getByRole("link", { name: "2.1", exact: true })).toBeVisible();
  await expect(schools.getByText("Исправьте ошибки в полях пункта.")).toBeVisible();
  await expect(schools.getByLabel("Численность")).toBeFocused();
  await expect(page.getByRole("button", { name: "Повторить сохранение" })).toHaveCount(0);
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await schools.getByLabel("Численность").fill("2");
  await expect(notice(page, "Сохранено в")).toBeVisible();

  // The submit asks first, saying what follows, and is acknowledged.
  await page.getByRole("button", { name: "Отправить на проверку" }).click();
  const submit = page.getByRole("alertdialog", { name: "Отправить бланк на проверку?" });
  await expect(submit).toContainText("Бланки, ожидающие проверки");
  await expect(submit).toContainText("только для чтения");
  await expect(submit).toContainText("Не заполнено пунктов: 7.");
  await expectNoSeriousViolations(page, "submit dialog");
  await submit.getByRole("button", { name: "Отправить с незаполненными пунктами" }).click();
  await expect(notice(page, "Бланк отправлен на проверку.")).toBeVisible();
  await expect(notice(page, "Бланк отправлен на проверку.")).toBeFocused();
  await expect(page.getByText("(предварительная оценка, до проверки аудитором)")).toBeVisible();
  await signOut(page);

  // The auditor accepts too early: the unmarked items are named unambiguously (seed 000 prints «1.1.1» twice).
  await signIn(page, AUDITOR);
  await page.goto(blankUrl, { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Принять бланк" }).click();
  const unmarked = page.getByRole("alert").filter({ hasText: "Бланк не принят: не все пункты отмечены." });
  await expect(unmarked.getByRole("link", { name: "1.1.1 «-об организации работы БШ»" })).toBeVisible();
  await expect(unmarked.getByRole("link", { name: "1.1.1 «- о назначении муниципального координатора»" })).toBeVisible();
  await expect(item(page, "1.1.1 -об организации работы БШ").getByLabel("соответствует", { exact: true })).toBeFocused();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expectNoSeriousViolations(page, "refused acceptance");
  await page.setViewportSize({ width: 390, height: 844 });
  const refusedShot = testInfo.outputPath("refused-acceptance-390.png");
  await page.screenshot({ path: refusedShot });
  await testInfo.attach("refused acceptance at 390 px", { path: refusedShot, contentType: "image/png" });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Three remarks, each saved as it is made; no separate «Сохранить отметку».
  await mark(page, "1.2.2 Отчет о выполнении", "не соответствует", "Отчёт не приложен");
  await mark(page, "2.2 База данных кандидатов", "не соответствует", "База не обновлялась с 2020 года");
  await mark(page, "2.3.1 Личные дела обучающихся", "частично", "Личные дела не на всех обучающихся");
  await expect(page.getByRole("button", { name: /Сохранить отметку/ })).toHaveCount(0);
  await expect(remarks(page)).toContainText("3 замечания: 1.2.2, 2.2, 2.3.1");
  await page.getByRole("button", { name: "Вернуть на доработку" }).click();
  await page.getByLabel("Что исправить").fill("Исправьте пункты с замечаниями.");
  await page.getByRole("button", { name: "Вернуть бланк участнику" }).click();
  const giveBack = page.getByRole("alertdialog", { name: "Вернуть бланк участнику?" });
  await expect(giveBack).toContainText("получат уведомление");
  await giveBack.getByRole("button", { name: "Вернуть бланк" }).click();
  await expect(notice(page, "Бланк возвращён участнику.")).toBeVisible();
  await signOut(page);

  // The coordinator sees each remark at its item and the summary with links, and filters by it.
  await signIn(page, COORDINATOR);
  await page.goto(blankUrl, { waitUntil: "networkidle" });
  await expect(remarks(page).getByText("3 замечания: 1.2.2, 2.2, 2.3.1")).toBeVisible();
  await expect(item(page, "1.2.2 Отчет о выполнении")).toContainText("Замечание аудитора: не соответствует");
  await expect(item(page, "1.2.2 Отчет о выполнении")).toContainText("Отчёт не приложен");
  await expect(item(page, "2.2 База данных кандидатов")).toContainText("База не обновлялась с 2020 года");
  await expect(item(page, "2.3.1 Личные дела обучающихся")).toContainText("Замечание аудитора: частично");
  await expect(item(page, "2.1 Количество базовых школ в муниципалитете")).not.toContainText("Замечание аудитора");
  await expectNoSeriousViolations(page, "returned blank");
  for (const [name, size] of [
    ["1440", { width: 1440, height: 900 }],
    ["390", { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(size);
    const path = testInfo.outputPath(`returned-blank-${name}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`returned blank at ${name} px`, { path, contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  await remarks(page).getByRole("link", { name: "2.2", exact: true }).click();
  await expect(page).toHaveURL(/#item-/);
  await expect(item(page, "2.2 База данных кандидатов")).toBeInViewport();
  await remarks(page).getByLabel("только пункты с замечаниями").check();
  await expect(item(page, "2.1 Количество базовых школ в муниципалитете")).toHaveCount(0);
  await expect(page.getByRole("group", { name: /^\d/ })).toHaveCount(3);
  await remarks(page).getByLabel("только пункты с замечаниями").uncheck();
  await expect(item(page, "2.1 Количество базовых школ в муниципалитете")).toBeVisible();

  const candidates = item(page, "2.2 База данных кандидатов");
  await candidates.getByLabel("Документ есть").check();
  await candidates.getByLabel("Вид документа (приказ, положение, соглашение…)").fill("База данных");
  await candidates.getByLabel("Дата").fill("2022-09-01");
  await expect(notice(page, "Сохранено в")).toBeVisible();
  await page.getByRole("button", { name: "Отправить на проверку" }).click();
  await page
    .getByRole("alertdialog", { name: "Отправить бланк на проверку?" })
    .getByRole("button", { name: "Отправить с незаполненными пунктами" })
    .click();
  await expect(notice(page, "Бланк отправлен на проверку.")).toBeVisible();
  await signOut(page);

  // The auditor sees the remarks still standing (a corrected answer lost its mark: it is looked at again),
  // marks the rest at once — every radio, the real count — and accepts.
  await signIn(page, AUDITOR);
  await page.goto(blankUrl, { waitUntil: "networkidle" });
  await expect(remarks(page)).toContainText("2 замечания: 1.2.2, 2.3.1");
  await expect(item(page, "2.3.1 Личные дела обучающихся")).toContainText("Замечание аудитора: частично");
  await expect(item(page, "2.2 База данных кандидатов")).not.toContainText("Замечание аудитора");
  await page.getByRole("button", { name: "Отметить все неотмеченные пункты как «соответствует»" }).click();
  await expect(notice(page, "Отмечено пунктов: 7")).toBeVisible();
  await expect(page.getByRole("radio", { name: "соответствует", exact: true, checked: true })).toHaveCount(7);
  await expect(item(page, "2.2 База данных кандидатов").getByLabel("соответствует", { exact: true })).toBeChecked();

  await page.getByRole("button", { name: "Принять бланк" }).click();
  const accept = page.getByRole("alertdialog", { name: "Принять бланк?" });
  await expect(accept).toContainText("только для чтения");
  await expect(accept).toContainText("уведомление «Бланк принят»");
  await expectNoSeriousViolations(page, "accept dialog");
  await accept.getByRole("button", { name: "Принять бланк" }).click();
  await expect(notice(page, "Бланк принят.")).toBeVisible();
  await expect(notice(page, "Бланк принят.")).toBeFocused();
  await expect(page.getByText("принят", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("(предварительная оценка, до проверки аудитором)")).toHaveCount(0);
  // The acknowledgement is not repeated on a reload.
  await page.reload({ waitUntil: "networkidle" });
  await expect(notice(page, "Бланк принят.")).toHaveCount(0);
  await signOut(page);

  // The coordinator follows what stood at acceptance in the findings list: campaign, remark and basis.
  await signIn(page, COORDINATOR);
  await page.goto("/findings", { waitUntil: "networkidle" });
  await page.getByLabel("Кампания", { exact: true }).selectOption({ label: "Проверка замечаний МЦДО 2026" });
  await page.getByRole("button", { name: "Найти" }).click();
  await page.waitForURL(/campaignId=/);
  const findings = page.getByRole("table", { name: "Замечания и их устранение" });
  const rows = findings.getByRole("row").filter({ has: page.getByRole("link") });
  // The items left unanswered are findings too («не заполнено»); every row is of this campaign.
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText("Проверка замечаний МЦДО 2026");
  const byItem = (number: string) => rows.filter({ has: page.getByRole("link", { name: new RegExp(`^${number} `) }) });
  await expect(byItem("1.2.2")).toContainText("Замечание аудитора: Отчёт не приложен");
  await expect(byItem("1.2.2")).toContainText("Основание: в бланке не указано");
  await expect(byItem("2.3.1")).toContainText("Замечание аудитора: Личные дела не на всех обучающихся");
  await expectNoSeriousViolations(page, "findings of the campaign");
});
