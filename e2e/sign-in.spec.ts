import { expect, test } from "@playwright/test";
import { regionIdOf, signIn, signInError, signOut, submitSignIn } from "./support";

const ACCOUNTS = [
  { email: "admin@demo.local", home: "/region", heading: "Регион: Краснодарский край" },
  { email: "auditor@demo.local", home: "/region", heading: "Регион: Краснодарский край" },
  { email: "mo.slavyansky@demo.local", home: "/municipality", heading: "Муниципалитет: Славянский район" },
  { email: "school.slavyansky@demo.local", home: "/school", heading: "Школа: МБОУ СОШ № 1" },
  { email: "admin42@demo.local", home: "/region", heading: "Регион: Кемеровская область — Кузбасс" },
];

for (const account of ACCOUNTS) {
  test(`${account.email} signs in and lands on a home that names its scope`, async ({ page }) => {
    await signIn(page, account.email);
    await expect(page).toHaveURL(new RegExp(`${account.home}$`));
    await expect(page.getByRole("heading", { level: 1, name: account.heading })).toBeVisible();
    await signOut(page);
    await page.goto(account.home, { waitUntil: "networkidle" });
    await expect(page).toHaveURL(/\/login$/);
  });
}

test("a wrong password and an unknown e-mail get the same Russian message", async ({ page }) => {
  await submitSignIn(page, "auditor@demo.local", "not-the-password");
  await expect(signInError(page)).toHaveText("Неверный адрес электронной почты или пароль.");
  await submitSignIn(page, "nobody@demo.local", "not-the-password");
  await expect(signInError(page)).toHaveText("Неверный адрес электронной почты или пароль.");
  await expect(page).toHaveURL(/\/login$/);
});

test("an empty form is answered next to the fields", async ({ page }) => {
  await page.goto("/login", { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByText("Введите адрес электронной почты.")).toBeVisible();
  await expect(page.getByText("Введите пароль.")).toBeVisible();
});

test("without a session every page sends to /login", async ({ page }) => {
  for (const path of ["/", "/region", "/region/users", "/municipality", "/school"]) {
    await page.goto(path, { waitUntil: "networkidle" });
    await expect(page).toHaveURL(/\/login$/);
  }
});

test("after 5 failed attempts in a row the sign-in waits, with a message that says how long", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  // An API client sends no Origin of its own; the app refuses cross-site writes without one.
  const created = await page.request.post("/api/users", {
    headers: { origin: new URL(page.url()).origin },
    data: {
      email: "throttle.e2e@demo.test",
      name: "Проверка задержки входа",
      password: "throttle-password-2026",
      memberships: [{ role: "REGION_AUDITOR", scopeId: await regionIdOf(page) }],
    },
  });
  expect(created.status()).toBe(201);
  await signOut(page);

  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitSignIn(page, "throttle.e2e@demo.test", `wrong-${attempt}`);
    await expect(signInError(page)).toHaveText("Неверный адрес электронной почты или пароль.");
  }
  // The right password waits too; an unknown e-mail would read exactly the same.
  await submitSignIn(page, "throttle.e2e@demo.test", "throttle-password-2026");
  await expect(signInError(page)).toHaveText(/^Слишком много попыток входа\. Повторите попытку через \d+ с\.$/);
  await expect(page).toHaveURL(/\/login$/);
});

test("after «Выйти» a copy of the old session cookie opens nothing", async ({ page, context }) => {
  await signIn(page, "auditor@demo.local");
  const before = await context.cookies();
  await signOut(page);
  // Someone who copied the cookie before the sign-out puts it back.
  await context.addCookies(before);
  await page.goto("/region", { waitUntil: "networkidle" });
  await expect(page).toHaveURL(/\/login$/);
  const exported = await page.request.get("/api/exports/region-students?format=csv");
  expect(exported.status()).toBe(401);
});
