import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Every sideways-scrolling table goes through <TableScroll>, which keyboard users can scroll. */
describe("wide tables", () => {
  it("scroll only inside <TableScroll> (focusable), never a hand-written box", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (
          file.endsWith(".tsx") &&
          !file.endsWith(path.join("components", "table-scroll.tsx")) &&
          /className=["{][^>]*\btable-scroll\b/.test(readFileSync(file, "utf8"))
        )
          offenders.push(path.relative(process.cwd(), file));
      }
    };
    walk(path.resolve("app"));
    expect(offenders).toEqual([]);
  });
});
