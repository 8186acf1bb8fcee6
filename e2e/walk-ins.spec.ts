import { expect, test } from "./fixtures";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn, soonOnPlatformClock } from "./people";

const PLATFORM = "/platforms/putumayo-aguarico";
const t = (ns: string, key: string, values?: Record<string, string | number>) =>
  tr("es", ns, key, values);

test.afterEach(checkWatchedPages);

test("without JavaScript on a phone: a walk-in who came before is found again, not recorded twice", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 100000;
  const assembly = `Asamblea de reencuentro ${stamp}`;
  const when = soonOnPlatformClock();

  const facilitator = await signedIn(browser, "facilitador@minga.example");
  await facilitator.goto(`${PLATFORM}/meetings/new`);
  await facilitator.getByLabel(t("meetings", "form.title")).fill(assembly);
  await facilitator.getByLabel(t("meetings", "form.date"), { exact: true }).fill(when.date);
  await facilitator.getByLabel(t("meetings", "form.startTime")).fill(when.start);
  await facilitator.getByLabel(t("meetings", "form.endTime")).fill(when.end);
  await facilitator.getByLabel(t("meetings", "form.place"), { exact: true }).fill("Dureno");
  await facilitator.getByRole("button", { name: t("meetings", "form.schedule") }).click();
  await expect(facilitator.getByRole("heading", { level: 1 })).toHaveText(assembly);
  const meetingUrl = new URL(facilitator.url()).pathname;

  const phone = await signedIn(browser, "facilitador@minga.example", {
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  await phone.goto(`${meetingUrl}/attendance`);
  // A mark not yet saved survives the search.
  const tupak = phone.getByRole("group", { name: /^Tupak Grefa/ });
  await tupak.getByLabel(t("meetings", "attendance.statuses.present")).check();
  // Segundo Andi came to the demo assembly without an account; accents and case do not matter.
  await phone.getByLabel(t("meetings", "walkIn.findLabel")).fill("SEGUNDO limóncocha");
  await phone.getByRole("button", { name: t("meetings", "walkIn.find"), exact: true }).click();
  const found = phone.getByRole("list", { name: t("meetings", "walkIn.foundLabel") });
  await expect(found.getByRole("listitem")).toHaveCount(1);
  await expect(found.getByRole("listitem")).toContainText("Segundo Andi · Limoncocha");
  await expect(tupak.getByLabel(t("meetings", "attendance.statuses.present"))).toBeChecked();
  await found
    .getByRole("button", { name: t("meetings", "walkIn.markFound", { name: "Segundo Andi" }) })
    .click();
  await expect(
    phone.getByRole("status").filter({ hasText: t("common", "notices.walkInAdded") }),
  ).toBeVisible();
  await expect(
    phone.getByRole("button", { name: t("meetings", "walkIn.remove", { name: "Segundo Andi" }) }),
  ).toBeVisible();

  // Found again, he is not offered twice, and he is one person with two attendances.
  await phone.getByLabel(t("meetings", "walkIn.findLabel")).fill("segundo");
  await phone.getByRole("button", { name: t("meetings", "walkIn.find"), exact: true }).click();
  await expect(
    phone.getByText(t("meetings", "walkIn.noneFound", { who: "segundo" })),
  ).toBeVisible();
  await phone.goto(`${PLATFORM}/people?q=segundo`);
  await expect(phone.getByRole("link", { name: "Segundo Andi" })).toHaveCount(1);
  await expect(phone.getByText(t("participants", "list.events_other", { count: 2 }))).toBeVisible();
  const extra = await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(extra).toBe(0);
});
