import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, PASSWORD, uniqueEmail } from "./helpers";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`sign-up errors (JavaScript ${javaScriptEnabled ? "on" : "off"})`, () => {
    test.use({ javaScriptEnabled });

    test("shows each problem beside its field and keeps what was typed, except passwords", async ({
      page,
    }) => {
      await page.goto("/signup");
      await page.getByLabel("Correo electrónico").fill("no-es-un-correo");
      await page.getByLabel("Contraseña", { exact: true }).fill("corta");
      await page.getByLabel("Repite la contraseña").fill("distinta");
      await page.getByLabel("Nombre y apellido").fill("n".repeat(101));
      await page.getByLabel("Comunidad (opcional)").fill("Sani Isla");
      await page.getByRole("button", { name: "Crear mi cuenta" }).click();

      const email = page.getByLabel("Correo electrónico");
      await expect(email).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText("Escribe un correo electrónico válido")).toBeVisible();
      await expect(
        page.getByText("La contraseña debe tener al menos 10 caracteres."),
      ).toBeVisible();
      await expect(page.getByText("Escribe como máximo 100 caracteres.")).toBeVisible();
      await expect(email).toHaveValue("no-es-un-correo");
      await expect(page.getByLabel("Comunidad (opcional)")).toHaveValue("Sani Isla");
    });

    test("a taken email and mismatched passwords are explained after sending", async ({ page }) => {
      await page.goto("/signup");
      await page.getByLabel("Correo electrónico").fill("MIEMBRO@minga.example");
      await page.getByLabel("Contraseña", { exact: true }).fill(PASSWORD);
      await page.getByLabel("Repite la contraseña").fill(PASSWORD);
      await page.getByLabel("Nombre y apellido").fill("Otra Persona");
      await page.getByRole("button", { name: "Crear mi cuenta" }).click();
      await expect(page.getByText("Ya existe una cuenta con este correo.")).toBeVisible();
      await expect(page.getByLabel("Nombre y apellido")).toHaveValue("Otra Persona");
      // The server never sends a password back.
      if (!javaScriptEnabled) {
        await expect(page.getByLabel("Contraseña", { exact: true })).toHaveValue("");
      }
    });

    test("a common password is refused in the reader's language", async ({ page }) => {
      await page.goto("/signup");
      await page.getByRole("button", { name: "English" }).click();
      await page.getByLabel("Email").fill(uniqueEmail());
      await page.getByLabel("Password", { exact: true }).fill("1234567890");
      await page.getByLabel("Repeat the password").fill("1234567890");
      await page.getByLabel("Full name").fill("Common Password");
      await page.getByRole("button", { name: "Create my account" }).click();
      await expect(page.getByText("That password is too common")).toBeVisible();
      await expect(page.getByLabel("Full name")).toHaveValue("Common Password");
    });
  });
}

test("a wrong login says so without telling whether the email exists", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Correo electrónico").fill("miembro@minga.example");
  await page.getByLabel("Contraseña").fill("not the password");
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("alert")).toHaveText("El correo o la contraseña no son correctos.");
  await expect(page.getByLabel("Correo electrónico")).toHaveValue("miembro@minga.example");

  await page.getByLabel("Correo electrónico").fill("nadie@minga.example");
  await page.getByLabel("Contraseña").fill("not the password");
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("alert")).toHaveText("El correo o la contraseña no son correctos.");
});

test("after five failures the login is throttled with a time to try again", async ({ page }) => {
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Correo electrónico").fill("comunidad7@minga.example");
    await page.getByLabel("Contraseña").fill(`wrong password ${i}`);
    // Wait for each answer, so no attempt is cut short by the next one.
    const answered = page.waitForResponse(
      (r) => r.url().includes("/login") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Entrar" }).click();
    expect((await answered).status()).toBe(400);
    await expect(page.getByRole("alert")).toHaveText("El correo o la contraseña no son correctos.");
  }
  await page.getByLabel("Correo electrónico").fill("comunidad7@minga.example");
  await page.getByLabel("Contraseña").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("alert")).toContainText("Inténtalo de nuevo en 15 minutos");
});

test("an off-site redirectTo falls back to a page of the portal", async ({ page }) => {
  await page.goto("/login?redirectTo=https://evil.example/steal");
  await page.getByLabel("Correo electrónico").fill("usuario@minga.example");
  await page.getByLabel("Contraseña").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/$/);
});

test("a forged language value is ignored", async ({ page, request, baseURL }) => {
  const response = await request.post("/language", {
    form: { lng: "xx-forged", redirectTo: "/platforms" },
    headers: { Origin: new URL(baseURL!).origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toBe("/platforms");
  expect(response.headers()["set-cookie"]).toBeUndefined();
  await page.goto("/platforms");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
});
