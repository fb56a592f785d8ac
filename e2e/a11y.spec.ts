import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations, municipalityIdByName, signIn, signOut } from "./support";

test("every page passes axe without serious violations", async ({ page }) => {
  await page.goto("/login", { waitUntil: "networkidle" });
  await expectNoSeriousViolations(page, "/login");

  await signIn(page, "admin@demo.local");
  await expect(page).toHaveURL(/\/region$/);
  const slav = await municipalityIdByName(page, "Славянский район");
  for (const path of ["/region", "/region/users", "/region/users/new", `/municipalities/${slav}`, "/school", "/no-such-page"]) {
    await page.goto(path, { waitUntil: "networkidle" });
    await expectNoSeriousViolations(page, path);
  }
  await page.goto(`/municipalities/${slav}`, { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "МБОУ СОШ № 1" }).click();
  await expect(page.getByText("Юридический адрес")).toBeVisible();
  await expectNoSeriousViolations(page, "organisation card");
  await page.goto("/region/users", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "Приходько Марина Николаевна" }).click();
  await expectNoSeriousViolations(page, "user card");
  await signOut(page);

  await signIn(page, "mo.slavyansky@demo.local");
  await expect(page).toHaveURL(/\/municipality$/);
  await expectNoSeriousViolations(page, "/municipality");
  await signOut(page);

  await signIn(page, "school.slavyansky@demo.local");
  await expect(page).toHaveURL(/\/school$/);
  await expectNoSeriousViolations(page, "/school");
});
