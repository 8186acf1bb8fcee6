import { expect, test } from "./fixtures";
import { tr } from "./i18n";
import { PLATFORM } from "./steps";

for (const [lang, locale, ogLocale] of [
  ["es", "es-EC", "es_EC"],
  ["en", "en-US", "en_US"],
] as const) {
  test(`[${lang}] every public page carries a description and Open Graph tags`, async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(`${PLATFORM}/meetings`);
    const meeting = await page
      .getByRole("link", { name: "Asamblea ordinaria del corredor" })
      .getAttribute("href");
    await page.goto(`${PLATFORM}/proposals`);
    const proposal = await page
      .getByRole("link", { name: "Patrullajes comunitarios cada quince días" })
      .getAttribute("href");

    const tags = async () =>
      page.evaluate(() => {
        const get = (selector: string) =>
          document.head.querySelector(selector)?.getAttribute("content") ?? null;
        return {
          description: get('meta[name="description"]'),
          title: get('meta[property="og:title"]'),
          ogDescription: get('meta[property="og:description"]'),
          type: get('meta[property="og:type"]'),
          url: get('meta[property="og:url"]'),
          siteName: get('meta[property="og:site_name"]'),
          locale: get('meta[property="og:locale"]'),
        };
      });

    const expected: Record<string, (t: Awaited<ReturnType<typeof tags>>) => Promise<void>> = {
      "/": async (t) => expect(t.description).toBe(tr(lang, "common", "home.lead")),
      "/platforms": async (t) =>
        expect(t.description).toBe(tr(lang, "platforms", "directory.intro")),
      [PLATFORM]: async (t) => {
        expect(t.title).toBe("Corredor de conectividad Putumayo–Aguarico");
        // The platform's description as the page shows it, in the reader's language.
        const shown = (await page.locator("main h1 ~ p").nth(1).textContent())!.trim();
        expect(shown.startsWith(t.description!.replace(/…$/, ""))).toBe(true);
      },
      [meeting!]: async (t) => {
        expect(t.title).toBe("Asamblea ordinaria del corredor");
        expect(t.description).toContain("Casa comunal de Sani Isla");
      },
      [proposal!]: async (t) => {
        expect(t.title).toBe("Patrullajes comunitarios cada quince días");
        expect(t.type).toBe("article");
      },
      [`${proposal}/result`]: async (t) => {
        expect(t.title).toContain("Patrullajes comunitarios cada quince días");
        expect(t.description).toContain(tr(lang, "votes", "outcomes.accepted"));
      },
    };
    for (const [path, check] of Object.entries(expected)) {
      await page.goto(path);
      const t = await tags();
      expect(t.description, path).toBeTruthy();
      expect(t.description!.length, path).toBeLessThanOrEqual(200);
      expect(t.ogDescription, path).toBe(t.description);
      expect(t.title, path).toBeTruthy();
      expect(t.type, path).toMatch(/^(website|article)$/);
      expect(t.url, path).toBe(new URL(path, page.url()).toString());
      expect(t.siteName, path).toBe("Minga");
      expect(t.locale, path).toBe(ogLocale);
      await check(t);
    }
    await context.close();
  });
}
