import { expect, test } from "./fixtures";
import { tr } from "./i18n";
import { checkWatchedPages, inDays, signedIn } from "./people";
import { PLATFORM, saveAttendance, scheduleMeeting } from "./steps";

test.afterEach(checkWatchedPages);

/** A translated sentence with any numbers in its placeholders. */
function shape(lang: string, key: string): RegExp {
  const any = { required: "§", eligible: "§", percent: "§", present: "§" };
  const text = tr(lang, "meetings", key, any).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(text.replaceAll("§", "\\d+"));
}

for (const [lang, locale] of [
  ["es", "es-EC"],
  ["en", "en-US"],
] as const) {
  test(`[${lang}] ten days ahead the quorum is what is needed, not a failure`, async ({
    browser,
  }) => {
    const page = await signedIn(browser, "facilitador@minga.example", { locale });
    const title = `Asamblea lejana ${lang}`;
    const meeting = await scheduleMeeting(page, lang, title, inDays(10));
    await page.goto(meeting);
    const quorum = page.locator(".quorum");
    await expect(quorum).toContainText(shape(lang, "quorum.needs"));
    expect(await quorum.textContent()).not.toMatch(shape(lang, "quorum.notReached"));
    await expect(
      page.getByRole("button", { name: tr(lang, "meetings", "rsvp.answers.yes") }),
    ).toBeVisible();
  });
}

test("a meeting whose attendance was taken before its start is past, and takes no RSVP", async ({
  browser,
}) => {
  const page = await signedIn(browser, "facilitador@minga.example");
  const title = "Asamblea con asistencia adelantada";
  const meeting = await scheduleMeeting(page, "es", title);
  // Before attendance: upcoming, with the RSVP buttons.
  await page.goto(`${PLATFORM}/meetings`);
  const upcoming = page.getByRole("region", { name: tr("es", "meetings", "upcoming") });
  await expect(upcoming.getByRole("link", { name: title })).toBeVisible();

  await page.goto(`${meeting}/attendance`);
  await saveAttendance(page, "es");
  await expect(
    page.getByRole("status").filter({ hasText: tr("es", "common", "notices.attendanceSaved") }),
  ).toBeVisible();

  await page.goto(`${PLATFORM}/meetings`);
  await expect(upcoming.getByRole("link", { name: title })).toHaveCount(0);
  const past = page.getByRole("region", { name: tr("es", "meetings", "past") });
  await expect(past.getByRole("link", { name: title })).toBeVisible();

  await page.goto(PLATFORM);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);

  await page.goto(meeting);
  await expect(
    page.getByRole("heading", { name: tr("es", "meetings", "rsvp.heading") }),
  ).toHaveCount(0);
  await expect(
    page.getByRole("button", { name: tr("es", "meetings", "rsvp.answers.yes") }),
  ).toHaveCount(0);
});
