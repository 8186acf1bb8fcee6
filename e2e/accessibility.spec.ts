import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";

for (const path of ["/", "/login", "/signup", "/platforms"]) {
  test(`axe finds no violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("main h1")).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test("the sign-up form with errors shown has no violations either", async ({ page }) => {
  await page.goto("/signup");
  await page.getByRole("button", { name: "Crear mi cuenta" }).click();
  await expect(page.getByText("Este campo es obligatorio.").first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test("the home page does not scroll sideways", async ({ page }) => {
    await page.goto("/");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
