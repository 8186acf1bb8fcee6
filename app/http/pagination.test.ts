import { cursorHref, pageFromUrl, pageHref, pageOf, readPage } from "./pagination";

describe("pagination", () => {
  it.each([
    ["http://x/l", 1],
    ["http://x/l?page=3", 3],
    ["http://x/l?page=0", 1],
    ["http://x/l?page=-2", 1],
    ["http://x/l?page=2.5", 1],
    ["http://x/l?page=abc", 1],
    ["http://x/l?page=99999999999", 1],
  ])("reads %s as page %i", (url, page) => {
    expect(pageFromUrl(url)).toBe(page);
  });

  it("clamps to the pages that exist and slices by the page size", () => {
    expect(pageOf(1, 0, 20)).toMatchObject({ page: 1, pages: 1, skip: 0, take: 20 });
    expect(pageOf(3, 45, 20)).toMatchObject({ page: 3, pages: 3, skip: 40 });
    expect(pageOf(9, 45, 20)).toMatchObject({ page: 3, pages: 3, skip: 40 });
  });

  it("keeps the other parameters of the address", () => {
    expect(pageHref("?q=agua&page=2", 3)).toBe("?q=agua&page=3");
    expect(pageHref("?q=agua&page=2", 1)).toBe("?q=agua");
    expect(pageHref("", 1)).toBe("?");
  });

  it("moves a cursor list older or newer, keeping its filters and dropping the other cursor", () => {
    expect(cursorHref("?action=x&newer=1.a&page=3", "older", "5.b")).toBe("?action=x&older=5.b");
    expect(cursorHref("?older=5.b", "newer", "9.c")).toBe("?newer=9.c");
  });

  describe("readPage", () => {
    // A list of `n` numbered rows that records what it was asked.
    function list(n: number) {
      const asked: string[] = [];
      const rows = Array.from({ length: n }, (_, i) => i + 1);
      return {
        asked,
        read: async (skip: number, take: number) => {
          asked.push(`read ${skip}+${take}`);
          return rows.slice(skip, skip + take);
        },
        count: async () => {
          asked.push("count");
          return n;
        },
      };
    }

    it("does not count a list that fits on its first page", async () => {
      for (const n of [0, 1, 10]) {
        const l = list(n);
        const { rows, page } = await readPage(1, 10, l.read, l.count);
        expect(rows).toHaveLength(n);
        expect(page).toMatchObject({ page: 1, pages: 1, total: n });
        expect(l.asked).toEqual(["read 0+11"]);
      }
    });

    it("counts a longer list, keeping the first page it read", async () => {
      const l = list(11);
      const { rows, page } = await readPage(1, 10, l.read, l.count);
      expect(rows).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(page).toMatchObject({ page: 1, pages: 2, total: 11 });
      expect(l.asked).toEqual(["read 0+11", "count"]);
    });

    it("counts first for a later page, and clamps one past the end to the last", async () => {
      const l = list(25);
      expect(await readPage(2, 10, l.read, l.count)).toMatchObject({
        rows: [11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
        page: { page: 2, pages: 3, total: 25 },
      });
      expect((await readPage(9, 10, l.read, l.count)).rows).toEqual([21, 22, 23, 24, 25]);
      expect(l.asked).toEqual(["count", "read 10+10", "count", "read 20+10"]);
    });

    it("takes anything that is not past page 1 as page 1", async () => {
      for (const requested of [0, -3, Number.NaN, 1.5]) {
        const l = list(3);
        expect((await readPage(requested, 10, l.read, l.count)).page.page).toBe(1);
        expect(l.asked).toEqual(["read 0+11"]);
      }
    });
  });
});
