import { expect, test } from "./fixtures";
import { tr } from "./i18n";
import { checkWatchedPages, inDays, signedIn } from "./people";
import { PLATFORM } from "./steps";

test.afterEach(checkWatchedPages);

for (const [lang, locale] of [
  ["es", "es-EC"],
  ["en", "en-US"],
] as const) {
  test(`[${lang}] the open-vote form shows each box only when it applies and asks for secret or public, without JavaScript`, async ({
    browser,
  }) => {
    const t = (ns: string, key: string) => tr(lang, ns, key);
    const page = await signedIn(browser, "coordinadora@minga.example", {
      javaScriptEnabled: false,
      locale,
    });
    await page.goto(`${PLATFORM}/proposals/new`);
    await page
      .getByLabel(t("proposals", "form.title"))
      .fill(`Cacao ${lang} ${Date.now() % 100000}`);
    await page.getByLabel(t("proposals", "form.summary")).fill("Secado solar del cacao.");
    await page.getByRole("button", { name: t("proposals", "form.create") }).click();
    // A draft never shows in sharing tags, even to its author.
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Cacao");
    await expect(page.locator('meta[property^="og:"]')).toHaveCount(0);
    await expect(page.locator('meta[name="description"]')).toHaveCount(0);
    await page.getByRole("button", { name: t("proposals", "actions.toDiscussion") }).click();
    await page.getByRole("link", { name: t("votes", "open") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("votes", "openTitle"));

    const options = page.getByLabel(t("votes", "form.options"), { exact: true });
    const openDate = page.getByLabel(t("votes", "form.openDate"));
    await expect(options).toBeHidden();
    await expect(openDate).toBeHidden();
    await page.getByLabel(t("votes", "kinds.custom")).check();
    await expect(options).toBeVisible();
    await page.getByLabel(t("votes", "form.opensLater")).check();
    await expect(openDate).toBeVisible();
    await page.getByLabel(t("votes", "form.opensNow")).check();
    await expect(openDate).toBeHidden();

    // Secret or public: both explained, neither chosen in advance.
    const secret = page.getByLabel(t("votes", "form.secretChoice"), { exact: true });
    const open = page.getByLabel(t("votes", "form.publicChoice"), { exact: true });
    await expect(secret).not.toBeChecked();
    await expect(open).not.toBeChecked();
    await expect(page.getByText(t("votes", "form.secretChoiceHint"))).toBeVisible();
    await expect(page.getByText(t("votes", "form.publicChoiceHint"))).toBeVisible();

    await options.fill("Secadora solar\nTendales");
    await page.getByLabel(t("votes", "form.closeDate")).fill(inDays(5));
    await page.getByLabel(t("votes", "form.closeTime")).fill("18:00");
    await page.getByRole("button", { name: t("votes", "form.submit") }).click();
    const group = page.getByRole("group", { name: t("votes", "form.secrecy") });
    await expect(group.getByText(t("votes", "errors.chooseSecrecy"))).toBeVisible();
    // What was typed and chosen stays.
    await expect(options).toHaveValue("Secadora solar\nTendales");
    await expect(page.getByLabel(t("votes", "kinds.custom"))).toBeChecked();
    await expect(page.getByLabel(t("votes", "form.closeDate"))).toHaveValue(inDays(5));

    await page.getByLabel(t("votes", "form.secretChoice"), { exact: true }).check();
    await page.getByRole("button", { name: t("votes", "form.submit") }).click();
    await expect(
      page.getByRole("status").filter({ hasText: t("common", "notices.voteOpened") }),
    ).toBeVisible();
    await expect(page.getByText(t("votes", "secret"), { exact: true })).toBeVisible();
  });
}
