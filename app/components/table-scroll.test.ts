import { readFileSync } from "node:fs";
import path from "node:path";
import { sourceFiles } from "~/test/source-files";

/** Every sideways-scrolling table goes through <TableScroll>, which keyboard users can scroll. */
describe("wide tables", () => {
  it("scroll only inside <TableScroll> (focusable), never a hand-written box", () => {
    const offenders = sourceFiles()
      .filter(
        (file) =>
          file.endsWith(".tsx") &&
          !file.endsWith(path.join("components", "table-scroll.tsx")) &&
          /className=["{][^>]*\btable-scroll\b/.test(readFileSync(file, "utf8")),
      )
      .map((file) => path.relative(process.cwd(), file));
    expect(offenders).toEqual([]);
  });
});
