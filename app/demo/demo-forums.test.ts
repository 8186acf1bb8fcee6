import { db } from "~/db.server";
import { seedDemoContent } from "~/demo/demo-content.server";
import { DEMO_FORUM_GROUPS } from "./demo-forums.server";

describe("the demo forums", () => {
  it("give each demo group threads by its members: pinned, locked, reported, raised, hidden", async () => {
    expect(await seedDemoContent()).toEqual({ seeded: true });
    const women = await db.group.findFirstOrThrow({
      where: { nameEs: DEMO_FORUM_GROUPS.women },
      include: { threads: { include: { discussion: { include: { posts: true } } } } },
    });
    const youth = await db.group.findFirstOrThrow({
      where: { nameEs: DEMO_FORUM_GROUPS.youth },
      include: { threads: true },
    });
    expect(women.visibility).toBe("private");
    expect(women.threads.length).toBeGreaterThanOrEqual(4);
    expect(youth.threads.length).toBeGreaterThanOrEqual(2);
    expect(women.threads.filter((t) => t.pinnedAt)).toHaveLength(1);
    expect(women.threads.filter((t) => t.lockedAt)).toHaveLength(1);
    const raised = women.threads.filter((t) => t.proposalId);
    expect(raised).toHaveLength(1);
    const proposal = await db.proposal.findUniqueOrThrow({ where: { id: raised[0].proposalId! } });
    expect(proposal).toMatchObject({ state: "draft", raisedByGroupId: women.id });
    expect(
      await db.postReport.count({
        where: { post: { discussion: { thread: { groupId: women.id } } } },
      }),
    ).toBe(1);
    // Every post is by an active member of the group, and a thread's activity is its last post.
    const active = new Set(
      (await db.groupMembership.findMany({ where: { groupId: women.id, status: "active" } })).map(
        (m) => m.userId,
      ),
    );
    for (const t of women.threads) {
      const posts = t.discussion.posts;
      expect(posts.length).toBeGreaterThan(1);
      for (const p of posts) expect(active.has(p.authorId ?? ""), t.title).toBe(true);
      const last = Math.max(...posts.map((p) => p.createdAt.getTime()));
      expect(t.lastActivityAt.getTime(), t.title).toBe(last);
      expect(last).toBeLessThanOrEqual(Date.now());
    }
  });
});
