import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, inDays, signedIn } from "./people";
import { PLATFORM, scheduleMeeting } from "./steps";

const t = (ns: string, key: string, values?: Record<string, string | number>) =>
  tr("es", ns, key, values);
const optional = (label: string) => new RegExp(`^${label}`);

test.afterEach(checkWatchedPages);

test("without JavaScript on a phone: a coordinator adds a member without an account, marks her at an assembly, records her raised hand and finds her in the directory", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 100000;
  const person = `Juana Payaguaje ${stamp}`;
  const phone = await signedIn(browser, "coordinadora@minga.example", {
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });

  // From the directory to the form.
  await phone.goto(`${PLATFORM}/members`);
  await phone.getByRole("link", { name: t("platforms", "members.addWithoutAccount") }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(
    t("platforms", "addMember.title"),
  );

  // Bad input: the message beside the field, what was typed stays, nothing is written.
  const community = phone.getByRole("textbox", { name: optional(t("auth", "fields.community")) });
  await community.fill("Dureno");
  await phone
    .getByRole("textbox", { name: optional(t("platforms", "addMember.phone")) })
    .fill("llamar");
  await phone.getByRole("button", { name: t("platforms", "addMember.submit") }).click();
  await expect(phone.getByText(t("common", "validation.required"))).toBeVisible();
  await expect(phone.getByText(t("participants", "errors.phone"))).toBeVisible();
  await expect(community).toHaveValue("Dureno");

  await phone.getByLabel(t("auth", "fields.name"), { exact: true }).fill(person);
  await phone
    .getByRole("combobox", { name: optional(t("auth", "fields.gender")) })
    .selectOption("woman");
  await phone
    .getByRole("combobox", { name: optional(t("platforms", "addMember.ageGroup")) })
    .selectOption("adult");
  await phone
    .getByRole("textbox", { name: optional(t("platforms", "addMember.phone")) })
    .fill("+593 99 555 0101");
  await phone.getByRole("button", { name: t("platforms", "addMember.submit") }).click();
  await expect(
    phone.getByRole("status").filter({ hasText: t("common", "notices.memberAdded") }),
  ).toBeVisible();

  // In the directory, marked "no account" for the coordinator.
  await phone.goto(`${PLATFORM}/members?q=${stamp}`);
  const row = phone.getByRole("row").filter({ hasText: person });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(t("platforms", "members.noAccount"));
  await expect(row).toContainText("Dureno");

  // On the roster of an assembly, marked present, and the mark is kept.
  const meeting = await scheduleMeeting(phone, "es", `Asamblea de la comunidad ${stamp}`);
  await phone.goto(`${meeting}/attendance?q=${stamp}`);
  const her = phone.getByRole("group", { name: new RegExp(`^${person}`) });
  await her.getByLabel(t("meetings", "attendance.statuses.present")).check();
  await phone.getByRole("button", { name: t("attendance", "attendance.save") }).click();
  await expect(
    phone.getByRole("status").filter({ hasText: t("common", "notices.attendanceSaved") }),
  ).toBeVisible();
  await phone.goto(`${meeting}/attendance?q=${stamp}`);
  await expect(
    phone
      .getByRole("group", { name: new RegExp(`^${person}`) })
      .getByLabel(t("meetings", "attendance.statuses.present")),
  ).toBeChecked();
  const extra = await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(extra).toBe(0);

  // She raises her hand at that assembly: a proposal put to a vote, and the facilitator's
  // count marks her by name, without an account, as having voted by hand.
  const title = `Vivero comunitario ${stamp}`;
  await phone.goto(`${PLATFORM}/proposals/new`);
  await phone.getByLabel(t("proposals", "form.title")).fill(title);
  await phone.getByLabel(t("proposals", "form.summary")).fill("Plantas nativas para las chacras.");
  await phone.getByRole("button", { name: t("proposals", "form.create") }).click();
  await phone.getByRole("button", { name: t("proposals", "actions.toDiscussion") }).click();
  await expect(phone.getByText(t("proposals", "states.discussion"), { exact: true })).toBeVisible();
  const proposal = new URL(phone.url()).pathname;
  await phone.getByRole("link", { name: t("votes", "open") }).click();
  await phone.getByLabel(t("votes", "form.closeDate")).fill(inDays(7));
  await phone.getByLabel(t("votes", "form.closeTime")).fill("18:00");
  await phone.getByLabel(t("votes", "form.publicChoice"), { exact: true }).check();
  await phone.getByRole("button", { name: t("votes", "form.submit") }).click();
  await expect(phone.getByText(t("proposals", "states.voting"), { exact: true })).toBeVisible();
  await phone.goto(`${proposal}/tally`);
  await phone.getByRole("radio", { name: new RegExp(`Asamblea de la comunidad ${stamp}`) }).check();
  await phone.getByRole("button", { name: t("votes", "useMeeting") }).click();
  await phone.getByLabel(t("votes", "options.yes"), { exact: true }).fill("1");
  await phone.getByRole("checkbox", { name: person }).check();
  await phone.getByRole("button", { name: t("votes", "saveTally") }).click();
  await expect(
    phone.getByRole("status").filter({ hasText: t("common", "notices.tallyRecorded") }),
  ).toBeVisible();
  // The count kept her mark: the form shows her ticked when opened again.
  await phone.goto(`${proposal}/tally`);
  await phone.getByRole("radio", { name: new RegExp(`Asamblea de la comunidad ${stamp}`) }).check();
  await phone.getByRole("button", { name: t("votes", "useMeeting") }).click();
  await expect(phone.getByRole("checkbox", { name: person })).toBeChecked();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBe(0);

  // Her record says she is a member without an account, with the phone given.
  await phone.goto(`${PLATFORM}/members?q=${stamp}`);
  await phone.getByRole("link", { name: person }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(person);
  await expect(phone.getByText(t("participants", "person.member"), { exact: false })).toBeVisible();
  await expect(phone.getByText("+593 99 555 0101")).toBeVisible();

  // The pages as a coordinator with JavaScript sees them pass axe (axe needs scripts).
  const js = await signedIn(browser, "coordinadora@minga.example");
  await js.goto(`${PLATFORM}/members/new`);
  await expectNoAxeViolations(js);
  await js.goto(`${PLATFORM}/members?q=${stamp}`);
  await expectNoAxeViolations(js);
});
