import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, inDays, signedIn, soonOnPlatformClock } from "./people";

const PLATFORM = "/platforms/putumayo-aguarico";
test.afterEach(checkWatchedPages);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Each run uses its own accounts, so the two languages can run side by side. */
const RUNS = [
  {
    lang: "es",
    locale: "es-EC",
    author: "miembro@minga.example",
    authorName: "María Yumbo",
    changer: "comunidad1@minga.example",
    changerName: "Tupak Grefa",
  },
  {
    lang: "en",
    locale: "en-US",
    author: "comunidad5@minga.example",
    authorName: "Luz Mamallacta",
    changer: "comunidad6@minga.example",
    changerName: "Jorge Quenamá",
  },
];

for (const run of RUNS) {
  const { lang, locale } = run;
  const t = (ns: string, key: string, values?: Record<string, string | number>) =>
    tr(lang, ns, key, values);
  const option = (code: string) => t("votes", `options.${code}`);

  async function vote(page: Page, proposalUrl: string, code: string) {
    await page.goto(proposalUrl);
    await page
      .getByRole("group", { name: t("votes", "yourBallot") })
      .getByLabel(option(code), { exact: true })
      .check();
    await page
      .getByRole("button", {
        name: new RegExp(
          `^(${escape(t("votes", "castBallot"))}|${escape(t("votes", "changeBallot"))})$`,
        ),
      })
      .click();
    await expect(
      page.getByRole("status").filter({ hasText: t("common", "notices.ballotCast") }),
    ).toBeVisible();
  }

  async function expectResult(page: Page, lng: string) {
    const label = (code: string) => tr(lng, "votes", `options.${code}`);
    const table = page.getByRole("table");
    for (const [code, online, inPerson, total] of [
      ["yes", 2, 3, 5],
      ["no", 0, 1, 1],
      ["abstain", 0, 1, 1],
    ] as const) {
      await expect(table.getByRole("row", { name: new RegExp(`^${label(code)} `) })).toHaveText(
        new RegExp(`${label(code)}\\s*${online}\\s*${inPerson}\\s*${total}`),
      );
    }
    await expect(page.getByText(`${tr(lng, "votes", "outcomes.accepted")} —`)).toBeVisible();
  }

  test(`[${lang}] propose, open a vote, vote online and by show of hands, close: everyone sees the same result`, async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const title = `${lang === "es" ? "Turismo comunitario en la laguna" : "Community tourism at the lagoon"} ${Date.now() % 100000}`;

    // A member proposes and sends the draft to discussion.
    const author = await signedIn(browser, run.author, { locale });
    await author.goto(`${PLATFORM}/proposals/new`);
    await author.getByLabel(t("proposals", "form.title")).fill(title);
    await author
      .getByLabel(t("proposals", "form.summary"))
      .fill("Guías de la comunidad / community guides.");
    await author
      .getByRole("textbox", { name: new RegExp(`^${t("proposals", "form.body")}`) })
      .fill("## Why\n\nIncome without cutting the forest.");
    await author.getByRole("button", { name: t("proposals", "form.create") }).click();
    await expect(author.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(author.getByText(t("proposals", "states.draft"), { exact: true })).toBeVisible();
    await author.getByRole("button", { name: t("proposals", "actions.toDiscussion") }).click();
    await expect(
      author.getByText(t("proposals", "states.discussion"), { exact: true }),
    ).toBeVisible();
    const proposalUrl = new URL(author.url()).pathname;
    await author.getByLabel(t("discussions", "new")).fill("Start in the dry season.");
    await author.getByRole("button", { name: t("discussions", "send"), exact: true }).click();
    await expect(
      author.locator(".comment p", { hasText: "Start in the dry season." }),
    ).toBeVisible();
    await expectNoAxeViolations(author);

    // The coordinator opens a public yes/no vote.
    const coordinator = await signedIn(browser, "coordinadora@minga.example", { locale });
    await coordinator.goto(proposalUrl);
    await coordinator.getByRole("link", { name: t("votes", "open") }).click();
    await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText(
      t("votes", "openTitle"),
    );
    await expectNoAxeViolations(coordinator);
    await coordinator.getByLabel(t("votes", "form.closeDate")).fill(inDays(7));
    await coordinator.getByLabel(t("votes", "form.closeTime")).fill("18:00");
    await coordinator.getByLabel(t("votes", "form.publicChoice"), { exact: true }).check();
    await coordinator.getByRole("button", { name: t("votes", "form.submit") }).click();
    await expect(
      coordinator.getByText(t("proposals", "states.voting"), { exact: true }),
    ).toBeVisible();

    // Two members vote online; one changes their mind, with JavaScript off.
    await vote(author, proposalUrl, "yes");
    const changer = await signedIn(browser, run.changer, { javaScriptEnabled: false, locale });
    await vote(changer, proposalUrl, "no");
    await expect(changer.getByText(t("votes", "youChose", { option: option("no") }))).toBeVisible();
    await vote(changer, proposalUrl, "yes");
    await expect(
      changer.getByText(t("votes", "youChose", { option: option("yes") })),
    ).toBeVisible();
    // Results stay hidden while the vote is open.
    await expect(changer.getByText(t("votes", "resultsHidden"))).toBeVisible();

    // The facilitator records the show of hands at the assembly that was held.
    const facilitator = await signedIn(browser, "facilitador@minga.example", { locale });
    // The assembly where hands are counted takes place while the vote is open.
    const assembly = `${t("votes", "tallyTitle")} ${lang} ${Date.now() % 100000}`;
    const when = soonOnPlatformClock();
    await facilitator.goto(`${PLATFORM}/meetings/new`);
    await facilitator.getByLabel(t("meetings", "form.title")).fill(assembly);
    await facilitator.getByLabel(t("meetings", "form.date"), { exact: true }).fill(when.date);
    await facilitator.getByLabel(t("meetings", "form.startTime")).fill(when.start);
    await facilitator.getByLabel(t("meetings", "form.endTime")).fill(when.end);
    await facilitator.getByLabel(t("meetings", "form.place"), { exact: true }).fill("Pañacocha");
    await facilitator.getByRole("button", { name: t("meetings", "form.schedule") }).click();
    await facilitator.getByRole("link", { name: t("meetings", "attendance.link") }).click();
    for (const name of [
      "Alicia Criollo",
      "Rebeca Piaguaje",
      "Humberto Yiyoguaje",
      "Fernanda Ortiz",
    ]) {
      await facilitator
        .getByRole("group", { name: new RegExp(`^${name}`) })
        .getByLabel(t("meetings", "attendance.statuses.present"))
        .check();
    }
    await facilitator.getByRole("button", { name: t("attendance", "attendance.save") }).click();
    await facilitator
      .getByLabel(t("attendance", "walkIn.name"), { exact: true })
      .fill("Segundo Andi");
    await facilitator.getByRole("button", { name: t("attendance", "walkIn.add") }).click();
    await expect(
      facilitator.getByRole("status").filter({ hasText: t("common", "notices.walkInAdded") }),
    ).toBeVisible();

    await facilitator.goto(proposalUrl);
    await facilitator.getByRole("link", { name: t("votes", "recordTally") }).click();
    await facilitator.getByRole("radio", { name: new RegExp(assembly) }).check();
    await facilitator.getByRole("button", { name: t("votes", "useMeeting") }).click();
    await expect(
      facilitator.getByText(t("votes", "presentAt", { count: 5, meeting: assembly })),
    ).toBeVisible();
    await facilitator.getByLabel(option("yes"), { exact: true }).fill("9");
    await facilitator.getByRole("button", { name: t("votes", "saveTally") }).click();
    await expect(
      facilitator.getByText(t("votes", "errors.tallyTooLarge", { present: 5 })),
    ).toBeVisible();
    await facilitator.getByLabel(option("yes"), { exact: true }).fill("3");
    await facilitator.getByLabel(option("no"), { exact: true }).fill("1");
    await facilitator.getByLabel(option("abstain"), { exact: true }).fill("1");
    await facilitator.getByLabel("Alicia Criollo").check();
    await facilitator.getByLabel("Rebeca Piaguaje").check();
    await expectNoAxeViolations(facilitator);
    await facilitator.getByRole("button", { name: t("votes", "saveTally") }).click();
    await expect(
      facilitator.getByRole("status").filter({ hasText: t("common", "notices.tallyRecorded") }),
    ).toBeVisible();

    // Alicia voted by hand: she cannot also vote online.
    const alicia = await signedIn(browser, "comunidad2@minga.example", { locale });
    await alicia.goto(proposalUrl);
    await expect(alicia.getByText(t("votes", "votedInPerson"))).toBeVisible();

    // The coordinator closes the vote early, with a reason.
    await coordinator.goto(proposalUrl);
    await coordinator.getByText(t("votes", "closeEarly")).click();
    await coordinator.getByLabel(t("votes", "closeReason")).fill("Assembly agreement");
    await coordinator.getByRole("button", { name: t("votes", "closeNow") }).click();
    await expect(
      coordinator.getByText(t("votes", "outcomes.accepted"), { exact: true }).first(),
    ).toBeVisible();
    // Closed early: the planned closing time shows only as planned, with the reason.
    const early = new RegExp(
      escape(t("votes", "closedEarlyOn", { when: "§", planned: "§" })).replaceAll("§", ".+"),
    );
    const banner = coordinator.locator(".result-banner");
    await expect(banner).toContainText(early);
    await expect(banner).toContainText("Assembly agreement");
    const facts = coordinator.locator("dl.facts");
    await expect(facts.getByText(t("votes", "closes"), { exact: true })).toHaveCount(0);
    await expect(facts).toContainText(early);

    // Everyone sees the same counts and outcome.
    for (const page of [author, changer, coordinator, facilitator]) {
      await page.goto(`${proposalUrl}/result`);
      await expectResult(page, lang);
      await expect(page.getByText(early)).toBeVisible();
    }
    // Public ballot: members see who voted what after the close.
    await expect(author.getByText(`${run.authorName}: ${option("yes")}`)).toBeVisible();
    await expect(author.getByText(`${run.changerName}: ${option("yes")}`)).toBeVisible();
    await expect(author.getByText(`Alicia Criollo: ${t("votes", "votedByHand")}`)).toBeVisible();
    // Two lists, each with its count (and its own pages when a platform votes in thousands).
    await expect(
      author.getByRole("heading", { name: t("votes", "votersInPerson", { count: 2 }) }),
    ).toBeVisible();
    await expect(
      author.getByRole("heading", { name: t("votes", "votersOnline", { count: 2 }) }),
    ).toBeVisible();
    await expectNoAxeViolations(author);

    // Someone signed out, in the other language, sees the same numbers but not the names.
    const other = lang === "es" ? "en" : "es";
    const visitor = await browser.newContext({ locale: other === "en" ? "en-US" : "es-EC" });
    const anonymous = await visitor.newPage();
    await anonymous.goto(`${proposalUrl}/result`);
    await expect(anonymous.locator("html")).toHaveAttribute("lang", other);
    await expectResult(anonymous, other);
    await expect(anonymous.getByText(tr(other, "votes", "votersHeading"))).toHaveCount(0);
    await expect(anonymous.locator("svg.bar-chart")).toBeVisible();
    const csv = await anonymous.request.get(`${proposalUrl}/result.csv`, {
      headers: { "Accept-Language": other },
    });
    expect(await csv.text()).toContain(`${tr(other, "votes", "options.yes")},2,3,5`);
    await expectNoAxeViolations(anonymous);
    await visitor.close();

    // A ballot after the close is refused with a clear message.
    await changer.goto(proposalUrl);
    await expect(changer.getByRole("group", { name: t("votes", "yourBallot") })).toHaveCount(0);
    const late = await changer.request.post(proposalUrl, {
      form: { intent: "ballot", optionId: "x", _form: "ballot" },
      headers: { Origin: new URL(changer.url()).origin, "Accept-Language": locale },
    });
    expect(late.status()).toBe(400);
    expect(await late.text()).toContain(t("votes", "errors.closed"));
  });
}

test("the proposal list filters by state and search", async ({ page }) => {
  await page.goto(`${PLATFORM}/proposals?state=accepted`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Propuestas");
  await page.getByLabel("Buscar").fill("zzz-nada");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page.getByText("No hay propuestas con esos criterios.")).toBeVisible();
  await expectNoAxeViolations(page);
});
