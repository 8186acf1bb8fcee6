import { expect, test } from "./fixtures";
import { PLATFORM } from "./steps";

test("the result chart keeps its hatched show-of-hands series and legend when printed", async ({
  page,
}) => {
  await page.goto(`${PLATFORM}/proposals`);
  const proposal = await page
    .getByRole("link", { name: "Patrullajes comunitarios cada quince días" })
    .getAttribute("href");
  await page.goto(`${proposal}/result`);
  await page.emulateMedia({ media: "print" });
  const chart = page.locator("svg.bar-chart");
  await expect(chart).toBeVisible();
  const fills = await chart.evaluate((svg) => {
    const fillOf = (selector: string) => svg.querySelector(selector)?.getAttribute("fill") ?? "";
    return {
      online: fillOf(".legend-online"),
      inPerson: fillOf(".legend-in-person"),
      printAdjust: getComputedStyle(svg).getPropertyValue("print-color-adjust"),
    };
  });
  expect(fills.online).toMatch(/^#/);
  const id = fills.inPerson.match(/^url\(#(.+)\)$/)?.[1];
  expect(id).toBeTruthy();
  await expect(chart.locator(`pattern#${id}`)).toHaveCount(1);
  expect(fills.printAdjust).toBe("exact");
});
