import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { checkWatchedPages, signedIn } from "./people";

test.afterEach(checkWatchedPages);

test("an administrator creates a platform, and the change is in the audit log", async ({
  browser,
}) => {
  const admin = await signedIn(browser, "admin@minga.example");
  await admin.getByRole("link", { name: "Administración" }).click();
  await admin.getByRole("link", { name: "Nueva plataforma" }).click();
  await expectNoAxeViolations(admin);
  const slug = `alto-nanay-${Date.now() % 100000}`;
  await admin.getByLabel("Nombre").fill("Concesión Alto Nanay");
  await admin.getByLabel("Dirección web").fill("Alto Nanay!");
  await admin
    .getByLabel("Descripción en español")
    .fill("Concesión comunal para conservación en Loreto.");
  await admin
    .getByLabel("Descripción en inglés")
    .fill("Community conservation concession in Loreto.");
  await admin.getByLabel("País").selectOption("PE");
  await admin.getByLabel("Provincia o región").fill("Loreto");
  await admin.getByLabel("Zona horaria").selectOption("America/Lima");
  await admin.getByLabel("Quórum (%)").fill("150");
  await admin.getByRole("button", { name: "Crear la plataforma" }).click();
  await expect(admin.getByText("Usa solo letras minúsculas sin tildes")).toBeVisible();
  await expect(admin.getByText("Escribe un número entre 1 y 100.")).toBeVisible();
  await expect(admin.getByLabel("Nombre")).toHaveValue("Concesión Alto Nanay");

  await admin.getByLabel("Dirección web").fill(slug);
  await admin.getByLabel("Quórum (%)").fill("60");
  await admin.getByRole("button", { name: "Crear la plataforma" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Concesión Alto Nanay");
  await expect(admin.getByText("Loreto · Perú")).toBeVisible();
  await expect(admin.getByText("60 % de los miembros activos presentes")).toBeVisible();

  await admin.goto("/admin/audit");
  await expect(admin.getByRole("cell", { name: /Plataforma creada/ }).first()).toBeVisible();
  await expectNoAxeViolations(admin);
});

test("meeting pages can be shared: Open Graph tags and a WhatsApp link", async ({ page }) => {
  await page.goto("/platforms/putumayo-aguarico/meetings");
  await page.getByRole("link", { name: "Asamblea ordinaria del corredor" }).click();
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    "Asamblea ordinaria del corredor",
  );
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute(
    "content",
    /\/platforms\/putumayo-aguarico\/meetings\//,
  );
  const share = await page
    .getByRole("link", { name: "Compartir por WhatsApp" })
    .getAttribute("href");
  expect(share).toMatch(/^https:\/\/wa\.me\/\?text=/);
  expect(decodeURIComponent(share!)).toContain("Asamblea ordinaria del corredor");
  expect(decodeURIComponent(share!)).toContain("Casa comunal de Sani Isla");
});
