import { limitNesting, renderMarkdown, renderPlain } from "./markdown.server";

// The largest texts the forms accept (app/meetings/schemas.ts, app/proposals/schemas.ts).
const MINUTES_MAX = 50_000;
const PROPOSAL_MAX = 20_000;

function fill(unit: string, size: number): string {
  return unit.repeat(Math.floor(size / unit.length));
}

const hostile: Record<string, string> = {
  "unclosed links": fill("[a](", MINUTES_MAX),
  "unclosed links with targets": fill("[a](b", MINUTES_MAX),
  "nested quotes": ">".repeat(5000) + " x",
  "nested quotes with spaces": fill("> ", MINUTES_MAX) + "x",
  "nested list markers": fill("- ", MINUTES_MAX) + "a",
  "nested lists by indentation": Array.from(
    { length: 220 },
    (_, i) => " ".repeat(i * 2) + "- a",
  ).join("\n"),
  "emphasis runs": fill("*a**a", MINUTES_MAX),
  "underscore runs": fill("_a__a", MINUTES_MAX),
  "intraword underscores": fill("x".repeat(99) + "_", MINUTES_MAX),
  "single emphasis": fill("*a*", MINUTES_MAX),
  backticks: fill("`a``", MINUTES_MAX),
  brackets: fill("[", MINUTES_MAX),
  "images and tags": fill("![<", MINUTES_MAX),
  "strikethrough runs": fill("**~~", MINUTES_MAX),
  "proposal-size underscores": fill("_a__a", PROPOSAL_MAX),
  "script in a deep quote":
    ">".repeat(5000) + " <script>alert(1)</script><img src=x onerror=alert(2)>",
};

describe("Markdown under hostile input", () => {
  for (const [name, source] of Object.entries(hostile)) {
    it(`renders ${name} (${source.length} chars) within a second, sanitized`, () => {
      // CPU time, not wall time: the test machine may be shared, the work must be small.
      const started = process.cpuUsage();
      const html = renderMarkdown(source);
      const spent = process.cpuUsage(started);
      expect((spent.user + spent.system) / 1000).toBeLessThan(1000);
      expect(html.length).toBeGreaterThan(0);
      expect(html).not.toMatch(/<script|onerror|<img/i);
    });
  }

  it("renders the same text once and answers the same HTML again", () => {
    const source = fill("_a__a", MINUTES_MAX - 5) + "fresh";
    const first = renderMarkdown(source);
    const started = process.cpuUsage();
    expect(renderMarkdown(source)).toBe(first);
    const spent = process.cpuUsage(started);
    expect((spent.user + spent.system) / 1000).toBeLessThan(50);
  });

  it("keeps ordinary nesting and caps the rest", () => {
    expect(limitNesting("> > quote\n- a\n  - b")).toBe("> > quote\n- a\n  - b");
    const capped = limitNesting(">".repeat(20) + " deep");
    expect(capped.match(/>/g)).toHaveLength(8);
    expect(capped.endsWith("deep")).toBe(true);
  });

  it("falls back to escaped text with line breaks", () => {
    expect(renderPlain("a <b>\r\nc\n\nd")).toBe("<p>a &lt;b&gt;<br />c</p>\n<p>d</p>");
  });
});

describe("Markdown headings", () => {
  it("start one level below the section they sit in", () => {
    const html = renderMarkdown("# Uno\n\n## Dos\n\n> ### Tres\n\n- #### Cuatro\n\n###### Seis");
    expect(html).toContain("<h3>Uno</h3>");
    expect(html).toContain("<h4>Dos</h4>");
    expect(html).toContain("<h5>Tres</h5>");
    expect(html).toContain("<h6>Cuatro</h6>");
    expect(html).toContain("<h6>Seis</h6>");
    expect(html).not.toMatch(/<h[12]/);
  });
  it("never skip a level, whatever level the text starts at", () => {
    expect(renderMarkdown("## Why\n\nIncome.")).toBe("<h3>Why</h3>\n<p>Income.</p>\n");
    expect(renderMarkdown("# A\n\n### B\n\n##### C")).toBe("<h3>A</h3>\n<h4>B</h4>\n<h5>C</h5>\n");
  });
  it("can start at h2 where the text sits right under the page title", () => {
    expect(renderMarkdown("# Uno", { topHeading: 2 })).toBe("<h2>Uno</h2>\n");
  });
  it("still renders ordinary Markdown and line breaks", () => {
    const html = renderMarkdown("**Acuerdo** y _nota_\nsegunda línea\n\n[ok](https://example.org)");
    expect(html).toContain("<strong>Acuerdo</strong>");
    expect(html).toContain("<em>nota</em>");
    expect(html).toContain("<br />");
    expect(html).toContain('href="https://example.org"');
  });
});
