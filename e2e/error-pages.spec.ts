import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations, openUserMenu, signIn } from "./support";

test("an unknown address shows the Russian 404 inside the app's shell, and it passes axe", async ({ page }) => {
  await signIn(page, "mo.slavyansky@demo.local");
  for (const path of ["/no-such-page", "/blanks/00000000-0000-4000-8000-000000000000"]) {
    const response = await page.goto(path, { waitUntil: "networkidle" });
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "404 — страница не найдена" })).toBeVisible();
    await expect(page.locator("main")).toHaveCount(1);
    // The shell: the sections and the sign-out stay, so the way on is one click away.
    await expect(page.getByRole("navigation", { name: "Разделы" })).toBeVisible();
    await expectNoSeriousViolations(page, path);
    await expect((await openUserMenu(page)).getByRole("menuitem", { name: "Выйти" })).toBeVisible();
    await page.keyboard.press("Escape");
  }
  await expect(page).toHaveTitle(/Методаудит/);
  // Under /api/ the answer is the API's JSON, not a page.
  const api = await page.request.get("/api/no-such-address");
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  await page.getByRole("link", { name: "На главную страницу" }).click();
  await expect(page).toHaveURL(/\/municipality$/);
});

test("without a session an unknown address leads to the sign-in page, and the API answers 401", async ({ page, request }) => {
  await page.goto("/no-such-page", { waitUntil: "networkidle" });
  await expect(page).toHaveURL(/\/login$/);
  expect((await request.get("/api/no-such-address")).status()).toBe(401);
});

test("the app's icon and web manifest are linked from every page and served as files", async ({ page, request }) => {
  await page.goto("/login", { waitUntil: "networkidle" });
  const href = (selector: string) => page.locator(selector).first().getAttribute("href");
  expect(await href('link[rel="manifest"]')).toBe("/manifest.webmanifest");
  expect(await href('link[rel="icon"][type="image/svg+xml"]')).toBe("/icons/icon.svg");
  expect(await href('link[rel="apple-touch-icon"]')).toBe("/icons/apple-touch-icon.png");

  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(await manifest.json()).toMatchObject({ name: "Методаудит", lang: "ru", start_url: "/", display: "standalone" });
  for (const { src, type } of (await manifest.json()).icons as Array<{ src: string; type: string }>) {
    const icon = await request.get(src);
    expect(icon.status(), src).toBe(200);
    expect(icon.headers()["content-type"], src).toContain(type);
  }
  expect((await request.get("/favicon.ico")).status()).toBe(200);
  // Safari asks the root for these whatever the page links.
  for (const path of ["/apple-touch-icon.png", "/apple-touch-icon-precomposed.png"]) {
    const icon = await request.get(path, { maxRedirects: 0 });
    expect(icon.status(), path).toBe(200);
    expect(icon.headers()["content-type"], path).toContain("image/png");
  }
});

test("no page asks for a file that is not there: icons, manifest, scripts", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404 && response.request().resourceType() !== "document") missing.push(response.url());
  });
  await page.goto("/login", { waitUntil: "networkidle" });
  await signIn(page, "admin@demo.local");
  for (const path of ["/region", "/region/audit", "/documents", "/plans"]) await page.goto(path, { waitUntil: "networkidle" });
  expect(missing).toEqual([]);
});
