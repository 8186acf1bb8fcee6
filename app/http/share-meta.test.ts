import { DESCRIPTION_MAX, shareMeta, summarize } from "./share-meta";

describe("sharing tags", () => {
  it("keeps short text and cuts long text at a word, under the limit", () => {
    expect(summarize("  Un  corredor\n de conservación ")).toBe("Un corredor de conservación");
    const long = "palabra ".repeat(60);
    const cut = summarize(long);
    expect(cut.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(cut).toMatch(/palabra…$/);
  });

  it("gives the description and every Open Graph tag", () => {
    const tags = shareMeta({
      title: "T",
      description: "D",
      url: "https://minga.example/x",
      siteName: "Minga",
      locale: "es_EC",
    });
    expect(tags).toEqual([
      { name: "description", content: "D" },
      { property: "og:type", content: "website" },
      { property: "og:title", content: "T" },
      { property: "og:description", content: "D" },
      { property: "og:url", content: "https://minga.example/x" },
      { property: "og:site_name", content: "Minga" },
      { property: "og:locale", content: "es_EC" },
    ]);
  });
});
