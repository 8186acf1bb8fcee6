import { db } from "~/db.server";
import { addGroupMember, addMember, makeGroup, makePlatform, makeUser } from "~/test/world";
import { listThreads } from "./forum.server";
import { groupActorOf, markThreadRead } from "./groups.server";
import { unreadThreadCounts } from "./unread.server";

async function makeThread(groupId: string, authorId: string, lastActivityAt: Date, hidden = false) {
  const discussion = await db.discussion.create({
    data: {
      hostType: "thread",
      platformId: (await db.group.findUniqueOrThrow({ where: { id: groupId } })).platformId,
    },
  });
  return db.thread.create({
    data: {
      groupId,
      authorId,
      title: "Tema",
      discussionId: discussion.id,
      lastActivityAt,
      hiddenAt: hidden ? lastActivityAt : null,
    },
  });
}

describe("unread threads", () => {
  it("counts threads with activity since the member last read them, per group", async () => {
    const platform = await makePlatform();
    const reader = await makeUser("Lectora");
    await addMember(reader, platform.id);
    const [a, b] = [await makeGroup(platform.id), await makeGroup(platform.id)];
    await addGroupMember(reader, a.id);
    await addGroupMember(reader, b.id);
    const t0 = new Date("2026-11-01T10:00:00Z");
    const later = new Date("2026-11-02T10:00:00Z");
    const read = await makeThread(a.id, reader.id, t0);
    const readThenActive = await makeThread(a.id, reader.id, later);
    const neverRead = await makeThread(a.id, reader.id, t0);
    await makeThread(a.id, reader.id, t0, true); // hidden: never counts
    await makeThread(b.id, reader.id, t0);
    await markThreadRead(db, read.id, reader.id, t0);
    await markThreadRead(db, readThenActive.id, reader.id, t0);

    const counts = await unreadThreadCounts(db, reader.id, [a.id, b.id]);
    expect(counts.get(a.id)).toBe(2);
    expect(counts.get(b.id)).toBe(1);
    // The forum marks the same threads "new" (the read one is not; a non-member sees no mark).
    const actor = await groupActorOf(db, reader, a);
    const listed = (await listThreads(db, a, actor, reader.id)).threads;
    expect(
      listed
        .filter((t) => t.unread)
        .map((t) => t.id)
        .sort(),
    ).toEqual([readThenActive.id, neverRead.id].sort());
    expect(listed.map((t) => t.id)).toContain(read.id);
    const outsider = await groupActorOf(db, null, a);
    expect((await listThreads(db, a, outsider, null)).threads.some((t) => t.unread)).toBe(false);

    // Reading never moves backwards, and reading up to the last activity clears it.
    await markThreadRead(db, readThenActive.id, reader.id, later);
    await markThreadRead(db, readThenActive.id, reader.id, t0);
    expect((await unreadThreadCounts(db, reader.id, [a.id])).get(a.id)).toBe(1);
  });
});
