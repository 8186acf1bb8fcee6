import { cursorHref, pageFromUrl, pageHref, pageOf } from "./pagination";

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
});
