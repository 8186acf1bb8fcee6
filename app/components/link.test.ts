import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hrefOf } from "./link";

describe("a link's address", () => {
  it.each([
    ["/platforms/corredor", "/platforms/corredor/proposals", "/platforms/corredor"],
    ["/courses?platform=corredor", "/", "/courses?platform=corredor"],
    ["?page=2", "/platforms/corredor/proposals", "/platforms/corredor/proposals?page=2"],
    ["?q=agua&page=3", "/platforms/corredor", "/platforms/corredor?q=agua&page=3"],
    // Page 1 of a list is the page without a query.
    ["?", "/platforms/corredor/proposals", "/platforms/corredor/proposals"],
  ])("%s on %s is %s", (to, pathname, href) => {
    expect(hrefOf(to, pathname)).toBe(href);
  });

  it.each(["edit", "../proposals", "https://example.org", ""])(
    "refuses %j, which would depend on the page it is on",
    (to) => {
      expect(() => hrefOf(to, "/platforms/corredor")).toThrow("absolute or a query");
    },
  );
});

/** Every .tsx file under app/. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(path.join(dir, e.name))
      : e.name.endsWith(".tsx")
        ? [path.join(dir, e.name)]
        : [],
  );
}

describe("links in pages", () => {
  it("come from ~/components/link, never Remix's <Link> (no React runs in the browser: decision 047)", () => {
    const remixLink = /import\s*(type\s*)?\{[^}]*\bLink\b[^}]*\}\s*from\s*"@remix-run\/react"/;
    const offenders = sources(path.resolve("app")).filter((file) =>
      remixLink.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
