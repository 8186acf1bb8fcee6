import { expect, test } from "./fixtures";
import { tr } from "./i18n";
import { checkWatchedPages, inDays, signedIn, soonOnPlatformClock } from "./people";
import { proposalUnderDiscussion } from "./steps";

const PLATFORM = "/platforms/putumayo-aguarico";
const t = (ns: string, key: string, values?: Record<string, string | number>) =>
  tr("es", ns, key, values);

test.afterEach(checkWatchedPages);

test("without JavaScript: a walk-in keeps unsaved marks, a published draft comes back, a refused count keeps its numbers", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const stamp = Date.now() % 100000;
  const assembly = `Asamblea de registros ${stamp}`;
  const when = soonOnPlatformClock();

  // The facilitator schedules an assembly.
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

  // On a phone without JavaScript: a mark made and not saved, then a walk-in added.
  const phone = await signedIn(browser, "facilitador@minga.example", {
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  await phone.goto(`${meetingUrl}/attendance`);
  const tupak = phone.getByRole("group", { name: /^Tupak Grefa/ });
  await tupak.getByLabel(t("meetings", "attendance.statuses.present")).check();
  await phone.getByLabel(t("attendance", "walkIn.name"), { exact: true }).fill(`Visita ${stamp}`);
  await phone.getByRole("button", { name: t("attendance", "walkIn.add") }).click();
  await expect(
    phone.getByRole("status").filter({ hasText: t("common", "notices.walkInAdded") }),
  ).toBeVisible();
  await expect(phone.getByText(`Visita ${stamp}`, { exact: true })).toBeVisible();
  // The mark was saved with it, not dropped.
  await expect(tupak.getByLabel(t("meetings", "attendance.statuses.present"))).toBeChecked();

  // The facilitator writes the minutes; meanwhile the coordinator publishes them.
  await phone.goto(`${meetingUrl}/minutes/edit`);
  const typed = `Texto escrito en el teléfono ${stamp}`;
  await phone
    .getByRole("textbox", { name: t("meetings", "minutes.text"), exact: true })
    .fill(typed);
  const coordinator = await signedIn(browser, "coordinadora@minga.example");
  await coordinator.goto(`${meetingUrl}/minutes/edit`);
  await coordinator
    .getByRole("textbox", { name: t("meetings", "minutes.text"), exact: true })
    .fill("Acta publicada por la coordinación.");
  await coordinator.getByRole("button", { name: t("meetings", "minutes.publish") }).click();
  await expect(
    coordinator.getByRole("status").filter({ hasText: t("common", "notices.minutesPublished") }),
  ).toBeVisible();
  await phone.getByRole("button", { name: t("meetings", "minutes.saveDraft") }).click();
  await expect(phone.getByText(t("meetings", "errors.publishedMeanwhile"))).toBeVisible();
  await expect(phone.getByLabel(t("meetings", "minutes.unsavedText"))).toHaveValue(typed);

  // Attendance is now frozen: the page says why instead of offering the form.
  await phone.goto(`${meetingUrl}/attendance`);
  await expect(phone.getByText(t("meetings", "errors.attendancePublished"))).toBeVisible();
  await expect(phone.getByRole("button", { name: t("attendance", "attendance.save") })).toHaveCount(
    0,
  );

  // A proposal put to a vote now; the show of hands at the assembly, on the phone.
  const author = await signedIn(browser, "miembro@minga.example");
  const title = `Propuesta de registros ${stamp}`;
  // Saved in discussion before the coordinator looks at the proposal.
  const proposalUrl = await proposalUnderDiscussion(
    author,
    "es",
    title,
    "Para contar a mano alzada.",
  );
  await coordinator.goto(proposalUrl);
  await coordinator.getByRole("link", { name: t("votes", "open") }).click();
  await coordinator.getByLabel(t("votes", "form.closeDate")).fill(inDays(7));
  await coordinator.getByLabel(t("votes", "form.closeTime")).fill("18:00");
  await coordinator.getByLabel(t("votes", "form.secretChoice"), { exact: true }).check();
  await coordinator.getByRole("button", { name: t("votes", "form.submit") }).click();
  await expect(
    coordinator.getByText(t("proposals", "states.voting"), { exact: true }),
  ).toBeVisible();

  await phone.goto(`${proposalUrl}/tally`);
  // Each assembly is named in full: title, date and time.
  await phone.getByRole("radio", { name: new RegExp(assembly) }).check();
  await phone.getByRole("button", { name: t("votes", "useMeeting") }).click();
  await expect(phone.getByRole("heading", { level: 2 })).toContainText(assembly);
  const yes = phone.getByLabel(t("votes", "options.yes"), { exact: true });
  const no = phone.getByLabel(t("votes", "options.no"), { exact: true });
  await yes.fill("9");
  await no.fill("1");
  await phone.getByRole("button", { name: t("votes", "saveTally") }).click();
  await expect(phone.getByText(t("votes", "errors.tallyTooLarge", { present: 2 }))).toBeVisible();
  // The numbers typed stay, and the page still says which assembly it is for.
  await expect(yes).toHaveValue("9");
  await expect(no).toHaveValue("1");
  await expect(phone.getByRole("heading", { level: 2 })).toContainText(assembly);
});
