import { expect, test } from "./fixtures";
import { PASSWORD, uniqueEmail } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";
import { PLATFORM } from "./steps";

test.afterEach(checkWatchedPages);

for (const [lang, locale] of [
  ["es", "es-EC"],
  ["en", "en-US"],
] as const) {
  test(`[${lang}] every back link names the page it goes to`, async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await signedIn(browser, "coordinadora@minga.example", { locale });
    await page.goto(`${PLATFORM}/meetings`);
    const meeting = await page
      .getByRole("link", { name: "Asamblea extraordinaria: vigilancia del territorio" })
      .getAttribute("href");
    await page.goto(`${PLATFORM}/proposals`);
    const proposal = await page
      .getByRole("link", { name: "Patrullajes comunitarios cada quince días" })
      .getAttribute("href");
    const paths = [
      `${PLATFORM}/members`,
      `${PLATFORM}/meetings`,
      `${PLATFORM}/meetings/new`,
      meeting!,
      `${meeting}/attendance`,
      `${meeting}/minutes`,
      `${meeting}/minutes/edit`,
      `${meeting}/sheet`,
      `${PLATFORM}/proposals`,
      `${PLATFORM}/proposals/new`,
      proposal!,
      `${proposal}/result`,
    ];
    const wrong: string[] = [];
    let checked = 0;
    for (const path of paths) {
      await page.goto(path);
      const links = await page
        .locator("main a")
        .evaluateAll((as) =>
          as
            .map((a) => ({ text: (a.textContent ?? "").trim(), href: a.getAttribute("href") }))
            .filter((l) => l.text.startsWith("←")),
        );
      for (const link of links) {
        const said = link.text.replace("←", "").trim();
        await page.goto(link.href!);
        const heading = ((await page.locator("h1").first().textContent()) ?? "").trim();
        checked += 1;
        // The link says where it goes: the page's heading, or the heading with its context.
        if (!said.includes(heading) && !heading.includes(said)) {
          wrong.push(`${path}: "← ${said}" leads to "${heading}"`);
        }
      }
    }
    expect(checked).toBeGreaterThan(8);
    expect(wrong).toEqual([]);
  });
}

test("the coordinator's link to members shows the pending requests; a member's does not", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // Someone new asks to join.
  const context = await browser.newContext({ locale: "es-EC" });
  const applicant = await context.newPage();
  await applicant.goto("/signup");
  await applicant.getByLabel(tr("es", "auth", "fields.email")).fill(uniqueEmail("solicita"));
  await applicant.getByLabel(tr("es", "auth", "fields.password"), { exact: true }).fill(PASSWORD);
  await applicant.getByLabel(tr("es", "auth", "fields.confirmPassword")).fill(PASSWORD);
  await applicant.getByLabel(tr("es", "auth", "fields.name")).fill("Rosa Aguinda");
  await applicant.getByRole("button", { name: tr("es", "auth", "signup.submit") }).click();
  await expect(
    applicant.getByRole("button", { name: tr("es", "common", "layout.logout") }),
  ).toBeVisible();
  await applicant.goto(PLATFORM);
  await applicant
    .getByRole("button", { name: tr("es", "platforms", "membership.requestToJoin") })
    .click();
  await expect(
    applicant.getByRole("button", { name: tr("es", "platforms", "membership.requestToJoin") }),
  ).toHaveCount(0);
  await context.close();

  const coordinator = await signedIn(browser, "coordinadora@minga.example");
  await coordinator.goto(PLATFORM);
  const link = coordinator.getByRole("link", {
    name: /^Miembros y solicitudes \(\d+ pendientes?\)$/,
  });
  await expect(link).toBeVisible();
  await link.click();
  await expect(coordinator.getByText("Rosa Aguinda").first()).toBeVisible();

  const member = await signedIn(browser, "miembro@minga.example");
  await member.goto(PLATFORM);
  await expect(
    member.getByRole("link", { name: tr("es", "platforms", "memberDirectory") }),
  ).toBeVisible();
  await expect(member.getByText(/pendientes?\)/)).toHaveCount(0);
});
