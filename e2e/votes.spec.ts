import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { checkWatchedPages, inDays, signedIn } from "./people";

const PLATFORM = "/platforms/putumayo-aguarico";
test.afterEach(checkWatchedPages);

async function vote(page: Page, proposalUrl: string, option: string) {
  await page.goto(proposalUrl);
  await page.getByRole("group", { name: "Tu voto" }).getByLabel(option, { exact: true }).check();
  await page.getByRole("button", { name: /^(Votar|Cambiar mi voto)$/ }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Tu voto quedó registrado." }),
  ).toBeVisible();
}

async function expectResult(page: Page, rows: Record<string, [number, number, number]>) {
  const table = page.getByRole("table");
  for (const [option, [online, inPerson, total]] of Object.entries(rows)) {
    await expect(table.getByRole("row", { name: new RegExp(`^${option} `) })).toHaveText(
      new RegExp(`${option}\\s*${online}\\s*${inPerson}\\s*${total}`),
    );
  }
}

test("propose, open a vote, vote online and by show of hands, close, and everyone sees the same result", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const title = `Turismo comunitario en la laguna ${Date.now() % 100000}`;

  // A member proposes and sends the draft to discussion.
  const member = await signedIn(browser, "miembro@minga.example");
  await member.goto(`${PLATFORM}/proposals/new`);
  await member.getByLabel("Título").fill(title);
  await member
    .getByLabel("Resumen")
    .fill("Recibir visitantes en la laguna con guías de la comunidad.");
  await member
    .getByLabel("Texto completo (opcional)")
    .fill("## Por qué\n\nIngresos para las familias sin talar el bosque.");
  await member.getByRole("button", { name: "Crear la propuesta" }).click();
  await expect(member.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(member.getByText("Borrador", { exact: true })).toBeVisible();
  await member.getByRole("button", { name: "Enviar a discusión" }).click();
  await expect(member.getByText("En discusión", { exact: true })).toBeVisible();
  const proposalUrl = new URL(member.url()).pathname;
  await member.getByLabel("Tu comentario").fill("Propongo empezar en la temporada seca.");
  await member.getByRole("button", { name: "Comentar" }).click();
  await expect(
    member.locator(".comment p", { hasText: "Propongo empezar en la temporada seca." }),
  ).toBeVisible();
  await expectNoAxeViolations(member);

  // The coordinator opens a public yes/no vote.
  const coordinator = await signedIn(browser, "coordinadora@minga.example");
  await coordinator.goto(proposalUrl);
  await coordinator.getByRole("link", { name: "Abrir una votación" }).click();
  await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText("Abrir una votación");
  await expectNoAxeViolations(coordinator);
  await coordinator.getByLabel("Fecha de cierre").fill(inDays(7));
  await coordinator.getByLabel("Hora de cierre").fill("18:00");
  await coordinator.getByRole("button", { name: "Abrir la votación" }).click();
  await expect(coordinator.getByText("En votación", { exact: true })).toBeVisible();

  // Two members vote online; one changes their mind, with JavaScript off.
  await vote(member, proposalUrl, "Sí");
  const tupak = await signedIn(browser, "comunidad1@minga.example", { javaScriptEnabled: false });
  await vote(tupak, proposalUrl, "No");
  await expect(tupak.getByText("Votaste: No.")).toBeVisible();
  await vote(tupak, proposalUrl, "Sí");
  await expect(tupak.getByText("Votaste: Sí.")).toBeVisible();
  // Results stay hidden while the vote is open.
  await expect(tupak.getByText("Los resultados se muestran al cierre.")).toBeVisible();

  // The facilitator records the show of hands at the assembly that was held.
  const facilitator = await signedIn(browser, "facilitador@minga.example");
  await facilitator.goto(proposalUrl);
  await facilitator.getByRole("link", { name: /Registrar el conteo a mano alzada/ }).click();
  const held = await facilitator
    .locator("#tally-meeting option", { hasText: "vigilancia del territorio" })
    .getAttribute("value");
  await facilitator.getByLabel("Asamblea").selectOption(held!);
  await facilitator.getByRole("button", { name: "Usar esta asamblea" }).click();
  await expect(facilitator.getByText(/estuvieron presentes 6 personas/)).toBeVisible();
  await facilitator.getByLabel("Sí", { exact: true }).fill("9");
  await facilitator.getByRole("button", { name: "Guardar el conteo" }).click();
  await expect(
    facilitator.getByText("El conteo supera a las 6 personas presentes en la asamblea."),
  ).toBeVisible();
  await facilitator.getByLabel("Sí", { exact: true }).fill("3");
  await facilitator.getByLabel("No", { exact: true }).fill("1");
  await facilitator.getByLabel("Abstención", { exact: true }).fill("1");
  await facilitator.getByLabel("Alicia Criollo").check();
  await facilitator.getByLabel("Rebeca Piaguaje").check();
  await expectNoAxeViolations(facilitator);
  await facilitator.getByRole("button", { name: "Guardar el conteo" }).click();
  await expect(
    facilitator.getByRole("status").filter({ hasText: "Conteo a mano alzada guardado." }),
  ).toBeVisible();

  // Alicia voted by hand: she cannot also vote online.
  const alicia = await signedIn(browser, "comunidad2@minga.example");
  await alicia.goto(proposalUrl);
  await expect(
    alicia.getByText("Votaste a mano alzada en la asamblea; tu voto ya está contado."),
  ).toBeVisible();

  // The coordinator closes the vote early, with a reason.
  await coordinator.goto(proposalUrl);
  await coordinator.getByText("Cerrar la votación antes de tiempo").click();
  await coordinator
    .getByLabel("Motivo del cierre anticipado")
    .fill("La asamblea decidió cerrar hoy");
  await coordinator.getByRole("button", { name: "Cerrar ahora" }).click();
  await expect(coordinator.getByText("Aprobada", { exact: true }).first()).toBeVisible();

  // Everyone sees the same counts and outcome: the member, someone signed out, in English too.
  const expected = { Sí: [2, 3, 5], No: [0, 1, 1], Abstención: [0, 1, 1] } as Record<
    string,
    [number, number, number]
  >;
  for (const page of [member, tupak, coordinator]) {
    await page.goto(`${proposalUrl}/result`);
    await expect(page.getByText("Aprobada —")).toBeVisible();
    await expectResult(page, expected);
  }
  // Public ballot: members see who voted what after the close.
  await expect(member.getByText("María Yumbo: Sí")).toBeVisible();
  await expect(member.getByText("Tupak Grefa: Sí")).toBeVisible();
  await expect(member.getByText("Alicia Criollo: a mano alzada")).toBeVisible();
  await expectNoAxeViolations(member);

  const visitor = await browser.newContext({ locale: "en-US" });
  const anonymous = await visitor.newPage();
  await anonymous.goto(`${proposalUrl}/result`);
  await expect(anonymous.locator("html")).toHaveAttribute("lang", "en");
  await expect(anonymous.getByText("Accepted —")).toBeVisible();
  await expectResult(anonymous, { Yes: [2, 3, 5], No: [0, 1, 1], Abstain: [0, 1, 1] });
  await expect(anonymous.getByText("Who voted what")).toHaveCount(0);
  await expect(anonymous.locator("svg.bar-chart")).toBeVisible();
  const csv = await anonymous.request.get(`${proposalUrl}/result.csv`, {
    headers: { "Accept-Language": "en-US" },
  });
  expect(await csv.text()).toContain("Yes,2,3,5");
  await expectNoAxeViolations(anonymous);
  await visitor.close();

  // A ballot after the close is refused with a clear message.
  await tupak.goto(proposalUrl);
  await expect(tupak.getByRole("group", { name: "Tu voto" })).toHaveCount(0);
  const late = await tupak.request.post(proposalUrl, {
    form: { intent: "ballot", optionId: "x", _form: "ballot" },
    headers: { Origin: new URL(tupak.url()).origin },
  });
  expect(late.status()).toBe(400);
  expect(await late.text()).toContain("La votación ya cerró; no se aceptan más votos.");
});

test("the proposal list filters by state and finds text without accents", async ({ page }) => {
  await page.goto(`${PLATFORM}/proposals?state=accepted`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Propuestas");
  await page.getByLabel("Buscar").fill("zzz-nada");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page.getByText("No hay propuestas con esos criterios.")).toBeVisible();
  await expectNoAxeViolations(page);
});
