import { getCourse } from "~/courses/courses.server";
import { makeForum, startThread } from "~/groups/forum.fixtures";
import { getMeetingRow } from "~/meetings/meetings.server";
import { viewerOf } from "~/platforms/permissions.server";
import { getProposal } from "~/proposals/proposals.server";
import { makeCourse, makeMeeting, makePlatform, makeUser } from "~/test/world";
import { getGroup, getThread } from "~/groups/groups.server";
import { findPlatformBySlug } from "~/platforms/platforms.server";
import { readRow, readRows } from "~/db-read.server";
import { db, directReaderOf, GlobalClientInTransaction, provider, sqlBuilders } from "~/db.server";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function aPlatform(slug: string, nonMembersVoteByHand = true) {
  return db.platform.create({
    data: {
      slug,
      name: "Corredor",
      descriptionEs: "d",
      descriptionEn: "",
      country: "EC",
      region: "Sucumbíos",
      timeZone: "America/Guayaquil",
      nonMembersVoteByHand,
    },
  });
}

describe("reads without Prisma's pipeline (db-read)", () => {
  it("gives a row as Prisma does: instants as Dates, booleans, counts as numbers", async () => {
    await aPlatform("lectura");
    // Every column: one added to the model and not to the SELECT fails here.
    expect(await findPlatformBySlug("lectura")).toEqual(
      await db.platform.findUnique({ where: { slug: "lectura" } }),
    );
    const { sql } = sqlBuilders();
    const counted = await readRow<{ n: number }>(
      db,
      sql`SELECT COUNT(*) AS "n" FROM "Platform" WHERE "nonMembersVoteByHand" = ${true}`,
      { n: "number" },
    );
    expect(counted).toEqual({ n: 1 });
    expect(await readRow(db, sql`SELECT "id" FROM "Platform" WHERE "slug" = ${"none"}`)).toBe(null);
  });

  it("reads whole groups and threads as Prisma does (every column, one added fails)", async () => {
    const forum = await makeForum();
    const threadId = await startThread(forum, forum.users.member!, "Agua", "¿Quién revisa?");
    await db.thread.update({ where: { id: threadId }, data: { pinnedAt: new Date() } });
    const group = await getGroup(db, forum.platform.id, forum.group.id);
    expect(group).toEqual(await db.group.findUnique({ where: { id: forum.group.id } }));
    expect(await getThread(db, group.id, threadId)).toEqual(
      await db.thread.findUnique({ where: { id: threadId } }),
    );
  });

  it("reads a whole course with its platform as Prisma does, and one of the whole portal", async () => {
    const platform = await makePlatform();
    for (const [platformId, closedAt] of [
      [platform.id, new Date()],
      [null, null],
    ] as const) {
      const made = await makeCourse(platformId, { enrolmentOpen: false, capacity: null });
      await db.course.update({ where: { id: made.id }, data: { closedAt } });
      expect(await getCourse(made.id)).toEqual(
        await db.course.findUnique({
          where: { id: made.id },
          include: { platform: { select: { id: true, slug: true, name: true, timeZone: true } } },
        }),
      );
    }
  });

  it("reads a whole meeting as Prisma does", async () => {
    const platform = await makePlatform();
    const meeting = await makeMeeting(platform.id);
    await db.meeting.update({
      where: { id: meeting.id },
      data: { minutesPublishedAt: new Date(), quorumPercent: 60, place: null },
    });
    expect(await getMeetingRow(platform.id, meeting.id)).toEqual(
      await db.meeting.findUnique({ where: { id: meeting.id } }),
    );
  });

  it("reads a proposal with its author, meeting and history as Prisma does", async () => {
    const platform = await makePlatform();
    const author = await makeUser("Autora");
    const meeting = await makeMeeting(platform.id);
    const viewer = await viewerOf({ id: author.id, isAdmin: true }, platform.id);
    for (const [withMeeting, withAuthor] of [
      [true, true],
      [false, false],
    ]) {
      const proposal = await db.proposal.create({
        data: {
          platformId: platform.id,
          authorId: withAuthor ? author.id : null,
          title: "Vigilancia del río",
          summary: "Turnos",
          state: "discussion",
          meetingId: withMeeting ? meeting.id : null,
        },
      });
      for (const [fromState, toState] of [
        [null, "draft"],
        ["draft", "discussion"],
      ] as const)
        await db.proposalStateChange.create({
          data: { proposalId: proposal.id, fromState, toState, actorId: author.id },
        });
      const read = await getProposal(platform.id, proposal.id, viewer, author.id);
      expect(read).toEqual({
        ...(await db.proposal.findFirst({
          where: { id: proposal.id },
          include: {
            author: { select: { name: true } },
            meeting: { select: { id: true, title: true } },
            history: { orderBy: { createdAt: "asc" } },
          },
        })),
        vote: null,
      });
    }
  });

  it("compares an instant to the stored one to the millisecond", async () => {
    // SQLite stores instants as text: a value bound as "…Z" would not equal "…+00:00".
    const made = await aPlatform("instante");
    const { sql } = sqlBuilders();
    const same = await readRows<{ id: string }>(
      db,
      sql`SELECT "id" FROM "Platform" WHERE "createdAt" = ${made.createdAt}`,
    );
    expect(same.map((r) => r.id)).toEqual([made.id]);
    const notBefore = await readRows<{ id: string }>(
      db,
      sql`SELECT "id" FROM "Platform" WHERE "createdAt" < ${made.createdAt}`,
    );
    expect(notBefore.map((r) => r.id)).not.toContain(made.id);
  });

  it("runs one SELECT (named subqueries allowed) and nothing else: a write never shares the connection as a read", async () => {
    const { sql } = sqlBuilders();
    await aPlatform("solo-lectura");
    for (const query of [
      sql`DELETE FROM "Platform" WHERE "slug" = ${"solo-lectura"}`,
      sql`SELECT 1; DELETE FROM "Platform" WHERE "slug" = ${"solo-lectura"}`,
      sql`WITH gone AS (SELECT "id" FROM "Platform" WHERE "slug" = ${"solo-lectura"})
        DELETE FROM "Platform" WHERE "id" IN (SELECT "id" FROM gone)`,
    ])
      await expect(readRows(db, query)).rejects.toThrow("readRows runs one SELECT");
    expect(await db.platform.count({ where: { slug: "solo-lectura" } })).toBe(1);
    // A SELECT after named subqueries is a read.
    const named = await readRows<{ slug: string }>(
      db,
      sql`WITH one AS MATERIALIZED (SELECT "slug" FROM "Platform" WHERE "slug" = ${"solo-lectura"})
        SELECT "slug" FROM one`,
    );
    expect(named).toEqual([{ slug: "solo-lectura" }]);
  });

  it("runs on SQLite's connection directly, and through Prisma on PostgreSQL", async () => {
    await db.platform.count(); // the connection is open
    expect(directReaderOf(db) !== null).toBe(provider() === "sqlite");
  });

  it("never reads another request's transaction before it commits", async () => {
    const { sql } = sqlBuilders();
    const failing = db
      .$transaction(async (tx) => {
        await aPlatformIn(tx, "sin-confirmar");
        await sleep(50); // a page is read meanwhile
        throw new Error("roll back");
      })
      .catch((e: Error) => e.message);
    await sleep(5);
    const seen = await readRows(
      db,
      sql`SELECT "id" FROM "Platform" WHERE "slug" = ${"sin-confirmar"}`,
    );
    expect(await failing).toBe("roll back");
    expect(seen).toEqual([]);
  });

  it("refuses the shared client inside a transaction; the transaction's client sees its writes", async () => {
    const { sql } = sqlBuilders();
    const query = sql`SELECT "id" FROM "Platform" WHERE "slug" = ${"en-curso"}`;
    const refused = await db
      .$transaction(async (tx) => {
        await aPlatformIn(tx, "en-curso");
        // eslint-disable-next-line no-restricted-syntax -- the mistake this test makes on purpose
        return readRows(db, query);
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GlobalClientInTransaction);
    expect(await readRows(db, query)).toEqual([]);
    const inside = await db.$transaction(async (tx) => {
      await aPlatformIn(tx, "en-curso");
      return readRows(tx, query);
    });
    expect(inside).toHaveLength(1);
  });
});

function aPlatformIn(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], slug: string) {
  return tx.platform.create({
    data: {
      slug,
      name: "x",
      descriptionEs: "",
      descriptionEn: "",
      country: "EC",
      region: "r",
      timeZone: "America/Guayaquil",
    },
  });
}
