import { getFixedT } from "./i18next.server";
import { resources } from "./resources.server";

describe("getFixedT", () => {
  it("translates in each language, with one function per language and namespace", async () => {
    const es = await getFixedT("es", "common");
    const en = await getFixedT("en", "common");
    expect(es("home.title")).toBe((resources.es.common as { home: { title: string } }).home.title);
    expect(en("home.title")).toBe((resources.en.common as { home: { title: string } }).home.title);
    expect(es("home.title")).not.toBe(en("home.title"));
    expect(await getFixedT("es", "common")).toBe(es);
    expect(await getFixedT("en", "votes")).not.toBe(en);
  });

  it("does not keep a function for a language or namespace that does not exist", async () => {
    const a = await getFixedT("xx", "common");
    expect(await getFixedT("xx", "common")).not.toBe(a);
    // Spanish is the fallback for an unknown language.
    expect(a("home.title")).toBe((await getFixedT("es", "common"))("home.title"));
  });
});
