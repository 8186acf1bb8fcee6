import { readSections, replaceSection, sectionKey, sectionTitle } from "./report-sections";

const HEADER = "# Benchmarks\n\nWritten by `npm run bench`.";

describe("docs/benchmarks.md sections", () => {
  it("names a configuration's section", () => {
    expect(sectionKey("sqlite", 1)).toBe("sqlite");
    expect(sectionKey("postgresql", 1)).toBe("postgresql");
    expect(sectionKey("postgresql", 2)).toBe("postgresql-2");
    expect(sectionTitle("postgresql-2")).toBe("PostgreSQL, two instances");
    expect(sectionTitle("sqlite-3")).toBe("SQLite, 3 instances");
  });

  it("wraps a document from before the sections as SQLite's, headings one level down", () => {
    const old =
      "# Benchmarks\n\nOld intro.\n\n## Machine and run\n\n- date: then\n\n## Pages\n\n### 20 connections\n\n| a |\n";
    const doc = replaceSection(old, "postgresql", "## PostgreSQL, one instance\n\nfigures", HEADER);
    expect(doc).toBe(
      [
        HEADER,
        "<!-- bench:sqlite -->",
        "## SQLite, one instance\n\n### Machine and run\n\n- date: then\n\n### Pages\n\n#### 20 connections\n\n| a |",
        "<!-- /bench:sqlite -->",
        "<!-- bench:postgresql -->",
        "## PostgreSQL, one instance\n\nfigures",
        "<!-- /bench:postgresql -->",
      ].join("\n\n") + "\n",
    );
    expect(doc).not.toContain("Old intro");
  });

  it("replaces only its own section, keeps the others and their order", () => {
    let doc = replaceSection("", "postgresql-2", "## two\n\nfirst run", HEADER);
    doc = replaceSection(doc, "sqlite", "## sqlite\n\nA", HEADER);
    doc = replaceSection(doc, "postgresql", "## one\n\nB", HEADER);
    expect([...readSections(doc).keys()]).toEqual(["sqlite", "postgresql", "postgresql-2"]);

    const again = replaceSection(doc, "postgresql-2", "## two\n\nsecond run", "# New header");
    const sections = readSections(again);
    expect(sections.get("postgresql-2")).toBe("## two\n\nsecond run");
    expect(sections.get("sqlite")).toBe("## sqlite\n\nA");
    expect(sections.get("postgresql")).toBe("## one\n\nB");
    expect(again.startsWith("# New header\n\n<!-- bench:sqlite -->")).toBe(true);
    expect(again).not.toContain("first run");
    // Writing the same section twice changes nothing.
    expect(replaceSection(again, "postgresql-2", "## two\n\nsecond run", "# New header")).toBe(
      again,
    );
  });

  it("keeps a section it does not know, after the known ones", () => {
    const doc = replaceSection(
      "<!-- bench:sqlite-2 -->\n\n## x\n\n<!-- /bench:sqlite-2 -->\n",
      "sqlite",
      "## s",
      HEADER,
    );
    expect([...readSections(doc).keys()]).toEqual(["sqlite", "sqlite-2"]);
  });
});
