import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu"] });
const base = "http://localhost:3200";
async function as(email) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: "ru-RU" });
  await page.goto(base + "/login");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill("demo-password-2026");
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(u => u.pathname !== "/login", { timeout: 60000 });
  await page.waitForLoadState("networkidle");
  return page;
}
const [email, path, out] = process.argv.slice(2);
const page = await as(email);
await page.goto(base + path); await page.waitForLoadState("networkidle"); await page.waitForTimeout(1000);
await page.screenshot({ path: out, fullPage: true });
console.log(page.url());
await browser.close();
