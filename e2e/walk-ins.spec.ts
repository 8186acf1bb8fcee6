import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn, soonOnPlatformClock } from "./people";
import { scheduleMeeting, sendForm } from "./steps";

const PLATFORM = "/platforms/putumayo-aguarico";
const t = (ns: string, key: string, values?: Record<string, string | number>) =>
  tr("es", ns, key, values);

test.afterEach(checkWatchedPages);

test("without JavaScript on a phone: a walk-in who came before is found again, not recorded twice", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 100000;
  const person = `Rosa Tanguila ${stamp}`;
  const facilitator = await signedIn(browser, "facilitador@minga.example");
  const phone = await signedIn(browser, "facilitador@minga.example", {
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });

  async function schedule(title: string) {
    const when = soonOnPlatformClock();
    await facilitator.goto(`${PLATFORM}/meetings/new`);
    await facilitator.getByLabel(t("meetings", "form.title")).fill(title);
    await facilitator.getByLabel(t("meetings", "form.date"), { exact: true }).fill(when.date);
    await facilitator.getByLabel(t("meetings", "form.startTime")).fill(when.start);
    await facilitator.getByLabel(t("meetings", "form.endTime")).fill(when.end);
    await facilitator.getByLabel(t("meetings", "form.place"), { exact: true }).fill("Dureno");
    await facilitator.getByRole("button", { name: t("meetings", "form.schedule") }).click();
    await expect(facilitator.getByRole("heading", { level: 1 })).toHaveText(title);
    return new URL(facilitator.url()).pathname;
  }

  // Rosa comes to a first assembly without an account.
  const first = await schedule(`Asamblea de la mañana ${stamp}`);
  await phone.goto(`${first}/attendance`);
  await phone.getByLabel(t("attendance", "walkIn.name"), { exact: true }).fill(person);
  await phone
    .getByRole("textbox", { name: new RegExp(`^${t("attendance", "walkIn.community")}`) })
    .fill("Pañacocha");
  await phone.getByRole("button", { name: t("attendance", "walkIn.add") }).click();
  await expect(
    phone.getByRole("status").filter({ hasText: t("common", "notices.walkInAdded") }),
  ).toBeVisible();

  // At the next assembly she is found again; accents and case do not matter.
  const second = await schedule(`Asamblea de la tarde ${stamp}`);
  await phone.goto(`${second}/attendance`);
  // A mark not yet saved survives the search.
  const tupak = phone.getByRole("group", { name: /^Tupak Grefa/ });
  await tupak.getByLabel(t("meetings", "attendance.statuses.present")).check();
  await phone.getByLabel(t("attendance", "walkIn.findLabel")).fill(`ROSA ${stamp} panacocha`);
  await phone.getByRole("button", { name: t("attendance", "walkIn.find"), exact: true }).click();
  const found = phone.getByRole("list", { name: t("attendance", "walkIn.foundLabel") });
  await expect(found.getByRole("listitem")).toHaveCount(1);
  await expect(found.getByRole("listitem")).toContainText(`${person} · Pañacocha`);
  await expect(tupak.getByLabel(t("meetings", "attendance.statuses.present"))).toBeChecked();
  await found
    .getByRole("button", { name: t("attendance", "walkIn.markFound", { name: person }) })
    .click();
  await expect(
    phone.getByRole("status").filter({ hasText: t("common", "notices.walkInAdded") }),
  ).toBeVisible();
  await expect(
    phone.getByRole("button", { name: t("attendance", "walkIn.remove", { name: person }) }),
  ).toBeVisible();

  // Found again, she is not offered twice, and she is one person with two attendances.
  await phone.getByLabel(t("attendance", "walkIn.findLabel")).fill(`rosa ${stamp}`);
  await phone.getByRole("button", { name: t("attendance", "walkIn.find"), exact: true }).click();
  await expect(
    phone.getByText(t("attendance", "walkIn.noneFound", { who: `rosa ${stamp}` })),
  ).toBeVisible();
  await phone.goto(`${PLATFORM}/people?q=${stamp}`);
  await expect(phone.getByRole("link", { name: person })).toHaveCount(1);
  await expect(phone.getByText(t("participants", "list.events_other", { count: 2 }))).toBeVisible();
  const extra = await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(extra).toBe(0);

  // The pages as a facilitator with JavaScript sees them pass axe (axe needs scripts).
  await facilitator.goto(`${first}/attendance?who=${encodeURIComponent(`rosa ${stamp}`)}`);
  await expectNoAxeViolations(facilitator);
  await facilitator.goto(`${PLATFORM}/people?q=${stamp}`);
  await facilitator.getByRole("link", { name: person }).click();
  await expect(facilitator.getByRole("heading", { level: 1 })).toHaveText(person);
  await expectNoAxeViolations(facilitator);
});

test("without JavaScript on a phone: many walk-ins are listed a page at a time, the latest first, and turning the page keeps a mark", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 100000;
  const phone = await signedIn(browser, "facilitador@minga.example", {
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  const meeting = await scheduleMeeting(phone, "es", `Asamblea abierta ${stamp}`);
  const form = `${meeting}/attendance`;
  // Thirty-one people without an account, written down as the form sends them.
  for (let i = 0; i < 31; i++) {
    const name = `Visita ${String(i).padStart(2, "0")}`;
    await sendForm(phone, form, { _form: "attendance", intent: "walkIn", name });
  }

  await phone.goto(form);
  const walkIns = phone.getByRole("region", {
    name: t("attendance", "walkIn.heading_other", { count: 31 }),
  });
  await expect(walkIns.locator(".walkin-row")).toHaveCount(30);
  await expect(walkIns.locator(".walkin-row").first()).toContainText("Visita 30");
  // A mark on screen, then the walk-ins' next page: the mark is saved on the way.
  const tupak = phone.getByRole("group", { name: /^Tupak Grefa/ });
  await tupak.getByLabel(t("meetings", "attendance.statuses.present")).check();
  const pager = phone.getByRole("navigation", { name: t("attendance", "walkIn.pages") });
  await pager.getByRole("button", { name: t("common", "pager.next") }).click();
  await expect(phone).toHaveURL(/\?walkins=2$/);
  await expect(walkIns.locator(".walkin-row")).toHaveCount(1);
  await expect(walkIns.locator(".walkin-row")).toContainText("Visita 00");
  await expect(tupak.getByLabel(t("meetings", "attendance.statuses.present"))).toBeChecked();
  const extra = await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(extra).toBe(0);
});
