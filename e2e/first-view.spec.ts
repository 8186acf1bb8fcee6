import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { tr } from "./i18n";
import { checkWatchedPages, signedIn } from "./people";
import { PLATFORM } from "./steps";

test.afterEach(checkWatchedPages);

/** Every request a page makes after its HTML that is code or data: scripts, fetches. */
function watchScriptsAndFetches(page: Page) {
  const requests: string[] = [];
  page.on("request", (request) => {
    const type = request.resourceType();
    if (type === "script" || type === "fetch" || type === "xhr")
      requests.push(`${type} ${new URL(request.url()).pathname}`);
  });
  return requests;
}

for (const lang of ["es", "en"]) {
  test.describe(lang, () => {
    test.use({ locale: lang === "en" ? "en-US" : "es-EC" });
    test(`[${lang}] a page is whole as it arrives: no script to download, no translations to fetch`, async ({
      page,
    }) => {
      const fetched = watchScriptsAndFetches(page);
      const documents: string[] = [];
      page.on("request", (request) => {
        if (request.resourceType() === "document") documents.push(request.url());
      });

      await page.goto(PLATFORM);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      // The one script is the small one inside the page (decision 040).
      await expect(page.locator("script[src]")).toHaveCount(0);
      await expect(page.locator("script")).toHaveCount(1);
      expect(((await page.locator("script").textContent()) ?? "").length).toBeLessThan(4_000);

      // Moving on is a new page from the server, in the same language, just as light.
      await page.locator(`main a[href="${PLATFORM}/proposals"]`).first().click();
      await expect(page).toHaveURL(new RegExp(`${PLATFORM}/proposals$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        tr(lang, "proposals", "listTitle"),
      );
      expect(documents).toHaveLength(2);
      expect(fetched).toEqual([]);
    });
  });
}

test("no page loads a script file: not the pages with the most forms, as a coordinator sees them", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const page = await signedIn(browser, "coordinadora@minga.example");
  const fetched = watchScriptsAndFetches(page);
  const firstLink = async (prefix: string) =>
    page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
  for (const path of [
    PLATFORM,
    `${PLATFORM}/proposals`,
    `${PLATFORM}/proposals/new`,
    `${PLATFORM}/meetings`,
    `${PLATFORM}/meetings/new`,
    `${PLATFORM}/members`,
    "/courses",
    "/account",
  ]) {
    await page.goto(path);
    if (
      path === `${PLATFORM}/proposals` ||
      path === `${PLATFORM}/meetings` ||
      path === "/courses"
    ) {
      const href = await firstLink(path === "/courses" ? "/courses/" : `${path}/`);
      if (href) await page.goto(href);
    }
    await expect(page.locator("script[src]")).toHaveCount(0);
  }
  expect(fetched).toEqual([]);
});

test("a comment tapped again and again on a slow signal is posted once", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedIn(browser, "miembro@minga.example");
  await page.goto(`${PLATFORM}/proposals`);
  await page.getByRole("link", { name: /Turismo comunitario en la laguna/ }).click();
  await expect(page).toHaveURL(/\/proposals\/[^/]+$/);
  const words = `Una sola vez ${Date.now() % 100000}`;
  await page.getByLabel(tr("es", "discussions", "new")).fill(words);

  // A slow signal: every request takes a while, and the person taps again meanwhile.
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 1_500,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  // Three taps, 300 ms apart, while the first is still on its way (Playwright's own clicks
  // would wait for the page to change between them).
  const label = tr("es", "discussions", "send");
  await page
    .evaluate(async (label) => {
      const button = [...document.querySelectorAll("button")].find(
        (b) => b.textContent?.trim() === label,
      )!;
      for (let tap = 0; tap < 3; tap++) {
        button.click();
        if (tap === 0 && !button.form?.matches("[aria-busy=true]")) throw new Error("not busy");
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }, label)
    // The page may change while the taps go on.
    .catch((error: Error) => {
      if (/not busy/.test(error.message)) throw error;
    });
  await expect(
    page.getByRole("status").filter({ hasText: tr("es", "common", "notices.postAdded") }),
  ).toBeVisible();
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  expect(posts).toHaveLength(1);
  await page.reload();
  await expect(page.locator("article.comment", { hasText: words })).toHaveCount(1);
});
