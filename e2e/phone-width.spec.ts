import { expect, test } from "./fixtures";
import { checkWatchedPages, signedIn } from "./people";

test.afterEach(checkWatchedPages);

const PLATFORM = "/platforms/putumayo-aguarico";

test("every kind of page fits a 360 px phone without scrolling sideways", async ({ browser }) => {
  const page = await signedIn(browser, "coordinadora@minga.example", {
    viewport: { width: 360, height: 740 },
  });
  await page.goto(`${PLATFORM}/meetings`);
  const meeting = await page
    .getByRole("link", { name: "Asamblea extraordinaria: vigilancia del territorio" })
    .getAttribute("href");
  await page.goto(`${PLATFORM}/proposals`);
  const proposal = await page
    .getByRole("link", { name: "Patrullajes comunitarios cada quince días" })
    .getAttribute("href");
  const paths = [
    "/",
    "/platforms",
    PLATFORM,
    `${PLATFORM}/members`,
    `${PLATFORM}/meetings`,
    `${PLATFORM}/meetings/new`,
    meeting!,
    `${meeting}/attendance`,
    `${meeting}/minutes`,
    `${meeting}/sheet`,
    `${PLATFORM}/proposals`,
    `${PLATFORM}/proposals/new`,
    proposal!,
    `${proposal}/result`,
    "/account",
    "/admin/audit",
  ];
  const overflowing: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    // The coordinator is not an administrator: the audit log is refused, and still fits.
    expect(response!.status(), path).toBeLessThan(path === "/admin/audit" ? 500 : 400);
    const extra = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    if (extra > 0) overflowing.push(`${path}: ${extra}px`);
  }
  expect(overflowing).toEqual([]);
});
