import { canEditPost, canReplyTo, canReportPost, EDIT_WINDOW_MS } from "./rules";

const at = new Date("2026-11-22T12:00:00Z");
const post = (over: Partial<Parameters<typeof canEditPost>[0]> = {}) => ({
  authorId: "ana",
  parentId: null,
  hiddenAt: null,
  createdAt: at,
  ...over,
});
const later = (ms: number) => new Date(at.getTime() + ms);

describe("editing a post", () => {
  it.each([
    ["the author, just after", post(), "ana", later(1000), true],
    [
      "the author, a second before the window closes",
      post(),
      "ana",
      later(EDIT_WINDOW_MS - 1000),
      true,
    ],
    ["the author, when the window closes", post(), "ana", later(EDIT_WINDOW_MS), false],
    ["someone else", post(), "luis", later(1000), false],
    ["anonymous", post(), null, later(1000), false],
    ["the author of a hidden post", post({ hiddenAt: at }), "ana", later(1000), false],
  ])("%s", (_name, p, user, now, expected) => {
    expect(canEditPost(p, user, now)).toBe(expected);
  });
});

describe("replying and reporting", () => {
  it.each([
    ["a top-level post", post(), true],
    ["a reply", post({ parentId: "x" }), false],
    ["a hidden post", post({ hiddenAt: at }), false],
  ])("reply to %s", (_name, p, expected) => expect(canReplyTo(p)).toBe(expected));

  it.each([
    ["someone else's post", post(), "luis", true],
    ["one's own post", post(), "ana", false],
    ["a hidden post", post({ hiddenAt: at }), "luis", false],
    ["as anonymous", post(), null, false],
  ])("report %s", (_name, p, user, expected) => expect(canReportPost(p, user)).toBe(expected));
});
