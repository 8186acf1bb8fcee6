import { expect, test } from "./fixtures";
import { tr } from "./i18n";
import { signedIn } from "./people";
import { PLATFORM } from "./steps";

for (const lang of ["es", "en"]) {
  test.describe(lang, () => {
    test.use({ locale: lang === "en" ? "en-US" : "es-EC" });
    test(`[${lang}] a page hydrates with the strings it carries; moving on fetches the rest once`, async ({
      page,
    }) => {
      const translationRequests: string[] = [];
      const documents: string[] = [];
      page.on("request", (request) => {
        if (new URL(request.url()).pathname.startsWith("/locales/"))
          translationRequests.push(request.url());
        if (request.resourceType() === "document") documents.push(request.url());
      });

      await page.goto(PLATFORM);
      // Hydrated: Remix's router exists only once the client code has run.
      await page.waitForFunction(() => "__remixRouter" in window);
      expect(translationRequests).toEqual([]);
      const carried = JSON.parse((await page.locator("#i18n-data").textContent()) ?? "{}") as {
        lng: string;
        resources: Record<string, unknown>;
      };
      expect(carried.lng).toBe(lang);
      expect(Object.keys(carried.resources)).toContain("common");
      // Only what the page used, not the whole language.
      expect(Object.keys(carried.resources)).not.toContain("certificates");

      // A move inside the browser (no new document) to a page of another namespace.
      await page.locator(`main a[href="${PLATFORM}/proposals"]`).first().click();
      await expect(page).toHaveURL(new RegExp(`${PLATFORM}/proposals$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        tr(lang, "proposals", "listTitle"),
      );
      expect(documents).toHaveLength(1);
      expect(translationRequests).toHaveLength(1);
      expect(translationRequests[0]).toContain(`/locales/${lang}?v=`);
    });
  });
}

test("no page ships a validation library: forms are checked on the server, in the reader's language", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const page = await signedIn(browser, "coordinadora@minga.example");
  const withValidation: string[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const body = await response.text().catch(() => "");
    if (body.includes("ZodError")) withValidation.push(new URL(response.url()).pathname);
  });
  // Pages with forms of every kind, as a coordinator sees them (the most forms).
  const visit = async (path: string) => {
    await page.goto(path);
    await page.waitForFunction(() => "__remixRouter" in window);
  };
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
    await visit(path);
    if (
      path === `${PLATFORM}/proposals` ||
      path === `${PLATFORM}/meetings` ||
      path === "/courses"
    ) {
      const prefix = path === "/courses" ? "/courses/" : `${path}/`;
      const href = await firstLink(prefix);
      if (href) await visit(href);
    }
  }
  expect(withValidation).toEqual([]);
});
