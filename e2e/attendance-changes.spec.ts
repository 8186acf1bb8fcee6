import type { Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";
import { scheduleMeeting } from "./steps";

const t = (ns: string, key: string) => tr("es", ns, key);
const status = (s: string) => t("meetings", `attendance.statuses.${s}`);

test.afterEach(checkWatchedPages);

function row(page: Page, person: string) {
  return page.getByRole("group", { name: new RegExp(`^${person}`) });
}

async function save(page: Page) {
  await page.getByRole("button", { name: t("attendance", "attendance.save") }).click();
  await expect(
    page.getByRole("status").filter({ hasText: t("common", "notices.attendanceSaved") }),
  ).toBeVisible();
}

/** The fields of a saved attendance form, by kind: the marks sent and the "shown" fields. */
function sent(request: Request) {
  const names = [...new URLSearchParams(request.postData() ?? "").keys()];
  return {
    marks: names.filter((n) => n.startsWith("status.")).length,
    shown: names.filter((n) => n.startsWith("shown.")).length,
  };
}

test("attendance sends only the marks changed, and a stale screen does not undo another facilitator's correction", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const desk = await signedIn(browser, "facilitador@minga.example");
  const phone = await signedIn(browser, "facilitador@minga.example", {
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
  });
  const meeting = await scheduleMeeting(
    desk,
    "es",
    `Asamblea de dos puertas ${Date.now() % 100000}`,
  );
  const attendance = `${meeting}/attendance`;
  const posted = () =>
    desk.waitForRequest((r) => r.method() === "POST" && r.url().includes("/attendance"));

  // With JavaScript, the first save sends the two marks made, nothing else of the page.
  await desk.goto(attendance);
  await row(desk, "María Yumbo").getByLabel(status("present")).check();
  await row(desk, "Jorge Quenamá").getByLabel(status("excused")).check();
  let request = posted();
  await save(desk);
  expect(sent(await request)).toEqual({ marks: 2, shown: 0 });

  // A phone without JavaScript at the other door draws the page now: María present.
  await phone.goto(attendance);
  await expect(row(phone, "María Yumbo").getByLabel(status("present"))).toBeChecked();

  // At the desk María's mark is corrected: only that row is sent.
  await row(desk, "María Yumbo").getByLabel(status("absent")).check();
  request = posted();
  await save(desk);
  expect(sent(await request)).toEqual({ marks: 1, shown: 0 });

  // The phone, still showing María present, marks Tupak and saves its whole page.
  await row(phone, "Tupak Grefa").getByLabel(status("present")).check();
  await save(phone);

  // The correction stays; the phone's new mark is saved; the rest as they were.
  await desk.reload();
  await expect(row(desk, "María Yumbo").getByLabel(status("absent"))).toBeChecked();
  await expect(row(desk, "Tupak Grefa").getByLabel(status("present"))).toBeChecked();
  await expect(row(desk, "Jorge Quenamá").getByLabel(status("excused"))).toBeChecked();
});
