import { db } from "~/db.server";
import { makePlatform } from "~/test/world";
import { postsPerDiscussion } from "./post-counts.server";

async function discussionWith(platformId: string, posts: number) {
  const d = await db.discussion.create({ data: { hostType: "proposal", platformId } });
  for (let i = 0; i < posts; i++)
    await db.post.create({
      data: { discussionId: d.id, body: `${i}`, hiddenAt: i === 0 ? new Date() : null },
    });
  return d.id;
}

describe("postsPerDiscussion", () => {
  it("counts every post (hidden ones too, as shown on the lists) of only the listed discussions", async () => {
    const platform = await makePlatform();
    const three = await discussionWith(platform.id, 3);
    const one = await discussionWith(platform.id, 1);
    const none = await discussionWith(platform.id, 0);
    const unlisted = await discussionWith(platform.id, 4);
    const counts = await postsPerDiscussion(db, [three, one, none, null, three]);
    expect(Object.fromEntries(counts)).toEqual({ [three]: 3, [one]: 1 });
    expect(counts.has(unlisted)).toBe(false);
    expect(typeof counts.get(three)).toBe("number");
  });

  it("asks nothing of the database for an empty list", async () => {
    expect((await postsPerDiscussion(db, [null])).size).toBe(0);
  });

  it("works inside a transaction with its client", async () => {
    const platform = await makePlatform();
    const two = await discussionWith(platform.id, 2);
    const counts = await db.$transaction((tx) => postsPerDiscussion(tx, [two]));
    expect(counts.get(two)).toBe(2);
  });
});
