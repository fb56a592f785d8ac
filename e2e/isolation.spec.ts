import { expect, test } from "@playwright/test";
import { municipalityIdByName, signIn, signOut } from "./support";

test("a municipal coordinator who types another municipality's URL gets no data", async ({ page }) => {
  await signIn(page, "auditor@demo.local");
  await expect(page).toHaveURL(/\/region$/);
  const foreign = await municipalityIdByName(page, "Белоглинский район");
  const own = await municipalityIdByName(page, "Славянский район");
  await signOut(page);

  await signIn(page, "mo.slavyansky@demo.local");
  await expect(page).toHaveURL(/\/municipality$/);

  const response = await page.goto(`/municipalities/${foreign}`, { waitUntil: "networkidle" });
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "404 — страница не найдена" })).toBeVisible();
  await expect(page.getByText("Белоглинский")).toHaveCount(0);

  const api = await page.request.get(`/api/municipalities/${foreign}`);
  expect(api.status()).toBe(404);
  expect(await api.text()).not.toContain("Белоглинский");

  const mine = await page.goto(`/municipalities/${own}`, { waitUntil: "networkidle" });
  expect(mine?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Славянский район" })).toBeVisible();
});

test("another role's page answers 403, in pages and in the API", async ({ page }) => {
  await signIn(page, "school.slavyansky@demo.local");
  await expect(page).toHaveURL(/\/school$/);
  for (const path of ["/region", "/region/users", "/municipality"]) {
    const response = await page.goto(path, { waitUntil: "networkidle" });
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "403 — доступ запрещён" })).toBeVisible();
  }
  const api = await page.request.get("/api/users");
  expect(api.status()).toBe(403);
});

test("a region's admin cannot reach the other region's municipality", async ({ page }) => {
  await signIn(page, "auditor@demo.local");
  const krasnodarMunicipality = await municipalityIdByName(page, "Славянский район");
  await signOut(page);
  await signIn(page, "admin42@demo.local");
  await expect(page).toHaveURL(/\/region$/);
  const response = await page.goto(`/municipalities/${krasnodarMunicipality}`, { waitUntil: "networkidle" });
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Славянский")).toHaveCount(0);
});

test("an API call without a session is refused", async ({ request }) => {
  const response = await request.get("/api/users");
  expect(response.status()).toBe(401);
});
