import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { BarChart } from "./bar-chart";

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`${name}="([^"]*)"`))?.[1];
const tagOf = (svg: string, className: string) =>
  svg.match(new RegExp(`<rect[^>]*class="${className}"[^>]*>`))![0];

/** The lightness a fill prints with: a colour, or a pattern's stripes averaged by area. */
function printedLuminance(svg: string, fill: string): number {
  const id = fill.match(/^url\(#(.+)\)$/)?.[1];
  if (!id) return luminance(fill);
  const pattern = svg.match(new RegExp(`<pattern[^>]*id="${id}"[^>]*>(.*?)</pattern>`))![1];
  const size = Number(attr(svg.match(new RegExp(`<pattern[^>]*id="${id}"[^>]*>`))![0], "width"));
  const rects = [...pattern.matchAll(/<rect[^>]*>/g)].map((m) => m[0]);
  // Later rects paint over the first (the background) in full-height stripes.
  const [background, ...stripes] = rects;
  let covered = 0;
  let sum = 0;
  for (const s of stripes) {
    const share = Number(attr(s, "width")) / size;
    covered += share;
    sum += share * luminance(attr(s, "fill")!);
  }
  return sum + (1 - covered) * luminance(attr(background, "fill")!);
}

describe("the result chart printed in grey", () => {
  const svg = renderToStaticMarkup(
    createElement(BarChart, {
      title: "Resultado",
      legend: { online: "En línea", inPerson: "A mano alzada" },
      bars: [
        { label: "Sí", online: 4, inPerson: 3 },
        { label: "No", online: 1, inPerson: 1 },
      ],
    }),
  );

  it("tells online and show-of-hands bars apart by pattern and lightness, not hue alone", () => {
    const online = attr(tagOf(svg, "series-online"), "fill")!;
    const inPerson = attr(tagOf(svg, "series-in-person"), "fill")!;
    expect(inPerson).toMatch(/^url\(#/);
    expect(online).not.toMatch(/^url\(#/);
    const difference = Math.abs(printedLuminance(svg, online) - printedLuminance(svg, inPerson));
    expect(difference).toBeGreaterThan(0.3);
  });

  it("shows the same fills in the legend", () => {
    expect(attr(tagOf(svg, "legend-online"), "fill")).toBe(
      attr(tagOf(svg, "series-online"), "fill"),
    );
    expect(attr(tagOf(svg, "legend-in-person"), "fill")).toBe(
      attr(tagOf(svg, "series-in-person"), "fill"),
    );
  });
});
