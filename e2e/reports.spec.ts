import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./helpers";
import { tr } from "./i18n";
import { pdfPagesText } from "./pdf-text";
import { checkWatchedPages, signedIn } from "./people";
import { PLATFORM } from "./steps";

test.afterEach(checkWatchedPages);

for (const lang of ["es", "en"] as const) {
  test(`a coordinator reads, filters, downloads and prints the participation report (${lang}, 360 px, no JavaScript)`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const page = await signedIn(browser, "coordinadora@minga.example", {
      javaScriptEnabled: false,
      viewport: { width: 360, height: 800 },
      locale: lang === "es" ? "es-EC" : "en-US",
    });
    const r = (key: string) => tr(lang, "reports", key);
    await page.goto(PLATFORM);
    await page.getByRole("link", { name: r("link") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(r("title"));
    await expect(page.getByRole("heading", { name: r("headline.title") })).toBeVisible();
    // axe runs in the page: a second browser, with JavaScript, reads the same report.
    const withScripts = await signedIn(browser, "coordinadora@minga.example", {
      viewport: { width: 360, height: 800 },
      locale: lang === "es" ? "es-EC" : "en-US",
    });
    await withScripts.goto(`${PLATFORM}/reports`);
    await expectNoAxeViolations(withScripts);

    // A period that ends before it starts is refused beside the field, the dates kept.
    await page.getByLabel(r("period.from")).fill("2026-05-01");
    await page.getByLabel(r("period.to")).fill("2026-04-01");
    await page.getByRole("button", { name: r("period.show") }).click();
    await expect(page.getByText(r("errors.toBeforeFrom"))).toBeVisible();
    await expect(page.getByLabel(r("period.to"))).toHaveValue("2026-04-01");

    // The demo's year of activity: the participants' row shows the same figure as the CSV.
    const from = new Date(Date.now() - 330 * 86400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    await page.getByLabel(r("period.from")).fill(from);
    await page.getByLabel(r("period.to")).fill(to);
    await page.getByRole("button", { name: r("period.show") }).click();
    const row = page.getByRole("row", { name: new RegExp(`^${r("headline.participants")}`) });
    const shown = (await row.getByRole("cell").first().innerText()).trim();
    expect(shown).toMatch(/^(\d+|< 5)$/);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: r("csv") }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`participation-putumayo-aguarico-${from}-${to}.csv`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = Papa.parse<string[]>(bytes.toString("utf8").slice(1), {
      skipEmptyLines: true,
    }).data;
    expect(rows[0][0]).toBe(r("title"));
    const csvParticipants = rows.find((x) => x[0] === r("headline.participants"));
    expect(csvParticipants?.[2]).toBe(shown);
    // No exact figure under five anywhere in the file.
    for (const cell of rows.flat())
      if (/^\d+$/.test(cell)) expect(Number(cell)).not.toBeLessThan(5);

    // The print view drops the controls; printed, it keeps the title and the tables.
    await page.getByRole("link", { name: r("printView") }).click();
    await expect(page.getByRole("button", { name: r("period.show") })).toHaveCount(0);
    // The new page may still be arriving: print it once its tables are there.
    await expect(page.getByRole("heading", { name: r("headline.title") })).toBeVisible();
    await page.waitForLoadState("load");
    await page.emulateMedia({ media: "print" });
    const printed = pdfPagesText(await page.pdf({ format: "A4" })).join(" ");
    expect(printed).toContain(r("headline.title"));
  });
}

test("members and other platforms' coordinators cannot read the report", async ({ browser }) => {
  const member = await signedIn(browser, "miembro@minga.example");
  const response = await member.goto(`${PLATFORM}/reports`);
  expect(response?.status()).toBe(403);
  const csv = await member.request.get(`${PLATFORM}/reports.csv`);
  expect(csv.status()).toBe(403);
  const admin = await member.goto("/admin/reports");
  expect(admin?.status()).toBe(403);
});

test("an administrator reads the report across every platform", async ({ browser }) => {
  const admin = await signedIn(browser, "admin@minga.example");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: tr("es", "reports", "link") }).click();
  await expect(
    admin.getByRole("heading", { name: tr("es", "reports", "platforms.title") }),
  ).toBeVisible();
  await expect(admin.getByRole("row", { name: /Putumayo/ })).toBeVisible();
  await expectNoAxeViolations(admin);
});
