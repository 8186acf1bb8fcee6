import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { expect, test, watchErrors } from "./fixtures";
import { PASSWORD, expectNoAxeViolations, uniqueEmail } from "./helpers";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";
import { PLATFORM } from "./steps";

test.afterEach(checkWatchedPages);

const PHONE = { viewport: { width: 360, height: 800 }, locale: "es-EC" } as const;
const es = (ns: string, key: string, v?: Record<string, string | number>) => tr("es", ns, key, v);

/** A fresh account (never a demo person other journeys rely on), signed in. */
async function signUp(browser: Browser, name: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const email = uniqueEmail("borrar");
  await page.goto("/signup");
  await page.getByLabel(es("auth", "fields.email")).fill(email);
  await page.getByLabel(es("auth", "fields.password"), { exact: true }).fill(PASSWORD);
  await page.getByLabel(es("auth", "fields.confirmPassword")).fill(PASSWORD);
  await page.getByLabel(es("auth", "fields.name")).fill(name);
  await page.getByRole("button", { name: es("auth", "signup.submit") }).click();
  await expect(page.getByRole("button", { name: es("common", "layout.logout") })).toBeVisible();
  return { page, email, errors };
}

async function approve(coordinator: Page, name: string) {
  const button = coordinator.getByRole("button", {
    name: es("platforms", "members.approve", { name }),
  });
  // Requests are listed oldest first: the new one may be on a later page.
  for (let n = 1; n <= 20; n++) {
    await coordinator.goto(`${PLATFORM}/members?requests=${n}`);
    if (await button.count()) {
      await button.click();
      return;
    }
  }
  throw new Error(`no request from ${name}`);
}

test("without JavaScript on a phone: a member downloads their data, then deletes their account", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now() % 1_000_000;
  const name = `Zoila Quishpe ${stamp}`;
  const words = `Propongo sembrar chontaduro ${stamp}`;
  const { page, email, errors } = await signUp(browser, name, false);

  // They join the demo platform and comment on a proposal.
  await page.goto(PLATFORM);
  await page.getByRole("button", { name: es("platforms", "membership.requestToJoin") }).click();
  await expect(page.getByText(es("common", "notices.joinRequested"))).toBeVisible();
  const coordinator = await signedIn(browser, "coordinadora@minga.example", {
    javaScriptEnabled: false,
  });
  await approve(coordinator, name);
  await page.goto(`${PLATFORM}/proposals`);
  await page.getByRole("link", { name: /Turismo comunitario en la laguna/ }).click();
  await expect(page).toHaveURL(/\/proposals\/[^/]+$/);
  const proposal = new URL(page.url()).pathname;
  await page.getByLabel(es("discussions", "new")).fill(words);
  await page.getByRole("button", { name: es("discussions", "send"), exact: true }).click();
  await expect(page.locator("article.comment", { hasText: words })).toContainText(name);

  // "Download my data": a JSON file with their profile and their comment.
  await page.goto("/account");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: es("auth", "account.downloadData") }).click(),
  ]);
  const data = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(data.account).toMatchObject({ email, name });
  expect(data.profile).toMatchObject({ name });
  expect(data.posts).toEqual([expect.objectContaining({ body: words })]);

  // "Delete my account": a wrong password is refused beside the field; nothing goes.
  await page.getByRole("link", { name: es("auth", "account.deleteLink") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es("auth", "erase.title"));
  await page.getByLabel(es("auth", "erase.password")).fill("no es mi contraseña");
  await page.getByRole("button", { name: es("auth", "erase.confirm") }).click();
  await expect(page.getByText(es("auth", "errors.currentPasswordWrong"))).toBeVisible();
  await page.getByLabel(es("auth", "erase.password")).fill(PASSWORD);
  await page.getByRole("button", { name: es("auth", "erase.confirm") }).click();

  // Logged out, told what happened; the account no longer opens.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("status")).toHaveText(es("common", "notices.accountDeleted"));
  await expect(page.getByRole("link", { name: es("common", "layout.login") })).toBeVisible();
  await page.goto("/login");
  await page.getByLabel(es("auth", "fields.email")).fill(email);
  await page.getByLabel(es("auth", "fields.password")).fill(PASSWORD);
  await page.getByRole("button", { name: es("auth", "login.submit") }).click();
  await expect(page.getByText(es("auth", "errors.invalidLogin"))).toBeVisible();

  // Their comment stays, by a former member; their name is gone from the page.
  await page.goto(proposal);
  const comment = page.locator("article.comment", { hasText: words });
  await expect(comment).toContainText(es("common", "formerMember"));
  await expect(page.getByText(name)).toHaveCount(0);
  expect(errors).toEqual([]);

  // axe needs JavaScript: a second person, in a browser with it, reads the same pages.
  const other = await signUp(browser, `Persona de prueba ${stamp}`, true);
  await other.page.goto("/account/delete");
  await expect(other.page.getByLabel(es("auth", "erase.password"))).toBeVisible();
  await expectNoAxeViolations(other.page);
  await other.page.goto(proposal);
  await expect(other.page.locator("article.comment", { hasText: words })).toContainText(
    es("common", "formerMember"),
  );
  await expectNoAxeViolations(other.page);
  expect(other.errors).toEqual([]);
});
