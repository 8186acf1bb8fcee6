import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PASSWORD, uniqueEmail } from "./helpers";

async function accountJourney(page: Page) {
  const email = uniqueEmail("viaje");

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.getByRole("link", { name: "Crear cuenta" }).click();
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Repite la contraseña").fill(PASSWORD);
  await page.getByLabel("Nombre y apellido").fill("Nina Grefa");
  await page.getByLabel("Género (opcional)").selectOption("woman");
  await page.getByLabel("Año de nacimiento (opcional)").fill("2001");
  await page.getByLabel("Comunidad (opcional)").fill("Sarayaku");
  await page.getByRole("button", { name: "Crear mi cuenta" }).click();

  // Signed in: the header offers the account and logging out.
  await expect(page.getByRole("link", { name: "Mi cuenta" })).toBeVisible();
  await page.getByRole("button", { name: "Salir" }).click();
  await expect(page.getByRole("link", { name: "Entrar" })).toBeVisible();

  await page.getByRole("link", { name: "Entrar" }).click();
  await page.getByLabel("Correo electrónico").fill(email.toUpperCase());
  await page.getByLabel("Contraseña").fill(PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("link", { name: "Mi cuenta" })).toBeVisible();

  await page.getByRole("link", { name: "Mi cuenta" }).click();
  await expect(page.getByLabel("Comunidad (opcional)")).toHaveValue("Sarayaku");

  // Switch to English on the account page: same page, still signed in, in English.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out", exact: true })).toBeVisible();

  // The preference is saved with the account and follows the person.
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Minga: deciding and learning together",
  );

  await page.getByRole("button", { name: "Log out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
}

test.describe("account journey", () => {
  test("sign up, log out, log in, switch to English, log out", async ({ page }) => {
    await accountJourney(page);
  });
});

test.describe("account journey without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the same journey works with plain HTML forms", async ({ page }) => {
    await accountJourney(page);
  });
});
