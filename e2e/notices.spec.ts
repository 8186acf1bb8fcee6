import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, PASSWORD, uniqueEmail } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";
import { saveAttendance, scheduleMeeting } from "./steps";

test.afterEach(checkWatchedPages);

test("a notice is shown once, for what just happened, never from the address (no JavaScript)", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, "facilitador@minga.example", { javaScriptEnabled: false });
  const saved = tr("es", "common", "notices.attendanceSaved");
  const meeting = await scheduleMeeting(page, "es", "Asamblea de los avisos sin JavaScript");
  await expect(
    page.getByRole("status").filter({ hasText: tr("es", "common", "notices.scheduled") }),
  ).toBeVisible();
  const attendance = `${meeting}/attendance`;

  await page.goto(attendance);
  await expect(page.locator(".notice")).toHaveCount(0);
  await saveAttendance(page, "es");
  await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible();
  // The address does not carry it, and reloading does not repeat it.
  expect(new URL(page.url()).search).not.toContain("done");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(saved)).toHaveCount(0);

  // A link cannot announce something that did not happen.
  await page.goto(`${attendance}?done=attendanceSaved`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(saved)).toHaveCount(0);

  // The session ends; logging in again comes back without the old "done".
  await page.context().clearCookies();
  await page.goto(`${attendance}?done=attendanceSaved`);
  await expect(page).toHaveURL(/\/login\?/);
  expect(new URL(page.url()).searchParams.get("redirectTo")).toBe(attendance);
  await page.getByLabel(tr("es", "auth", "fields.email")).fill("facilitador@minga.example");
  await page.getByLabel(tr("es", "auth", "fields.password")).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: tr("es", "auth", "login.submit") }).click();
  await expect(page).toHaveURL(attendance);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(saved)).toHaveCount(0);
});

test("a notice does not follow the person to the next page (JavaScript, English)", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, "facilitador@minga.example", { locale: "en-US" });
  const saved = tr("en", "common", "notices.attendanceSaved");
  const meeting = await scheduleMeeting(page, "en", "Assembly of the notices with JavaScript");
  await page.goto(`${meeting}/attendance`);
  await saveAttendance(page, "en");
  await expect(page.getByRole("status").filter({ hasText: saved })).toBeVisible();
  await page.getByRole("link", { name: "Assembly of the notices with JavaScript" }).first().click();
  await expect(page).toHaveURL(meeting);
  await expect(page.getByText(saved)).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(`${meeting}/attendance`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(saved)).toHaveCount(0);
});

test("the notice cookie is HttpOnly, SameSite=Lax and short-lived", async ({ browser }) => {
  // A new account: saving a profile also saves its language, which demo accounts must keep.
  const context = await browser.newContext({ locale: "es-EC", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel(tr("es", "auth", "fields.email")).fill(uniqueEmail("aviso"));
  await page.getByLabel(tr("es", "auth", "fields.password"), { exact: true }).fill(PASSWORD);
  await page.getByLabel(tr("es", "auth", "fields.confirmPassword")).fill(PASSWORD);
  await page.getByLabel(tr("es", "auth", "fields.name")).fill("Lucía Payaguaje");
  await page.getByRole("button", { name: tr("es", "auth", "signup.submit") }).click();
  await expect(
    page.getByRole("button", { name: tr("es", "common", "layout.logout") }),
  ).toBeVisible();
  await page.goto("/account");
  const response = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: tr("es", "auth", "account.saveProfile") }).click();
  const setCookie = (await (await response).headerValue("set-cookie")) ?? "";
  expect(setCookie).toMatch(/minga_notice=[^;]+;[^\n]*HttpOnly/i);
  expect(setCookie).toMatch(/minga_notice=[^\n]*SameSite=Lax/i);
  expect(setCookie).toMatch(/minga_notice=[^\n]*Max-Age=60/i);
  await expect(page.getByRole("status")).toHaveText(tr("es", "common", "notices.profileSaved"));
  await context.close();
});
