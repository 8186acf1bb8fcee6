import { Prisma } from "@prisma/client";
import { walkInSchema } from "~/attendance/schemas";
import { db, provider } from "~/db.server";
import * as adminAudit from "~/routes/admin.audit";
import { getPage } from "~/test/routes";
import { addWalkIn } from "~/meetings/attendance.server";
import { quorumForMeeting } from "~/meetings/quorum.server";
import { requestToJoin } from "~/platforms/membership.server";
import { signUp, GOOD_PASSWORD } from "~/test/factories";
import {
  addGroupMember,
  addMember,
  makeCourse,
  makeGroup,
  makeMeeting,
  makePlatform,
  makeTrainingSession,
  makeUser,
  participantOf,
} from "~/test/world";
import { openVoteSchema } from "~/votes/schemas";
import {
  castBallot,
  closeVoteEarly,
  openVote,
  publicBallots,
  voteForProposal,
} from "~/votes/votes.server";
import { recordTally } from "~/votes/tally.server";
import { exactCounts } from "~/reports/participation.server";
import { deleteAccount, erasureBlockers, eraseAccount } from "./erase.server";

const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);
const startedAgo = () => new Date(Date.now() - 30 * 60_000);

/**
 * A platform where the person to erase ("Zoila Quishpe") did a bit of everything, beside
 * other people: proposals, comments with replies by others, a forum thread, public and
 * secret ballots, a hand raised at an assembly, attendance, a course with a certificate.
 */
async function makeLivedInPlatform() {
  const platform = await makePlatform({ quorumPercent: 50 });
  const coordinator = await makeUser("Coordinadora Cuji");
  await addMember(coordinator, platform.id, "coordinator");
  const zoila = await makeUser("Zoila Quishpe");
  const others = await Promise.all(
    ["Ana Tapuy", "Beto Grefa", "Cira Shiguango"].map((n) => makeUser(n)),
  );
  for (const m of [zoila, ...others]) await addMember(m, platform.id);
  const everyone = [coordinator, zoila, ...others];
  await db.participant.update({
    where: { userId: zoila.id },
    data: { gender: "woman", birthYear: 1990, people: "Kichwa", community: "Sani Isla" },
  });

  // An assembly held now, with attendance, a walk-in and a show of hands.
  const meeting = await makeMeeting(platform.id, { status: "held", startsAt: startedAgo() });
  for (const u of everyone)
    await db.attendance.create({
      data: {
        meetingId: meeting.id,
        participantId: await participantOf(u.id),
        status: "present",
        recordedById: coordinator.id,
      },
    });
  const walkIn = await addWalkIn(
    coordinator,
    platform.id,
    meeting.id,
    walkInSchema.parse({ name: "Visitante Yumbo" }),
  );
  if (!walkIn.ok) throw new Error(JSON.stringify(walkIn));
  await db.rsvp.create({ data: { meetingId: meeting.id, userId: zoila.id, answer: "yes" } });

  // Zoila's proposal, with comments and replies by others (and hers to them).
  const discussion = await db.discussion.create({
    data: { hostType: "proposal", platformId: platform.id },
  });
  const proposal = await db.proposal.create({
    data: {
      platformId: platform.id,
      authorId: zoila.id,
      title: "Vivero comunitario",
      summary: "Plantas nativas",
      state: "discussion",
      discussionId: discussion.id,
      history: { create: { toState: "draft", actorId: zoila.id } },
    },
  });
  const hers = await db.post.create({
    data: { discussionId: discussion.id, authorId: zoila.id, body: "Propongo un vivero" },
  });
  await db.post.create({
    data: {
      discussionId: discussion.id,
      authorId: others[0].id,
      parentId: hers.id,
      body: "Respuesta de Ana",
    },
  });
  const anas = await db.post.create({
    data: { discussionId: discussion.id, authorId: others[0].id, body: "Comentario de Ana" },
  });
  await db.post.create({
    data: { discussionId: discussion.id, authorId: zoila.id, parentId: anas.id, body: "Gracias" },
  });
  await db.postReport.create({ data: { postId: anas.id, reporterId: zoila.id, reason: "Dudoso" } });

  // Two votes on other people's proposals: a public and a secret one, each closed.
  const votes = [];
  for (const secret of ["public", "secret"] as const) {
    const p = await db.proposal.create({
      data: {
        platformId: platform.id,
        authorId: others[1].id,
        title: `Propuesta ${secret}`,
        summary: "x",
        state: "discussion",
      },
    });
    const opened = await openVote(
      coordinator,
      { ...platform, approvalRule: "simple" },
      p.id,
      openVoteSchema.parse({
        kind: "yesNo",
        opens: "now",
        closeDate: inDays(3),
        closeTime: "18:00",
        quorumPercent: 50,
        approvalRule: "simple",
        secret,
      }),
    );
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    const vote = (await voteForProposal(platform.id, p.id))!;
    const option = (code: string) => vote.options.find((o) => o.code === code)!.id;
    await castBallot(zoila, platform.id, vote.id, option("no"));
    await castBallot(others[0], platform.id, vote.id, option("yes"));
    await castBallot(others[1], platform.id, vote.id, option("yes"));
    if (secret === "public") {
      // Cira votes by hand at the assembly, so does Zoila on the public vote.
      const tally = await recordTally(coordinator, platform.id, vote.id, {
        meetingId: meeting.id,
        count: { [option("yes")]: 1, [option("no")]: 1 },
        inPerson: [await participantOf(zoila.id), await participantOf(others[2].id)],
      });
      if (!tally.ok) throw new Error(JSON.stringify(tally));
    }
    await closeVoteEarly(coordinator, platform.id, vote.id, "Fin de la asamblea");
    votes.push(vote);
  }

  // A forum: Zoila's thread with replies by others; her reply to someone else's thread.
  const group = await makeGroup(platform.id, { name: "Mujeres" });
  await addGroupMember(coordinator, group.id, "moderator");
  for (const u of [zoila, ...others]) await addGroupMember(u, group.id);
  const threadPosts = async (authorId: string, title: string, replies: [string, string][]) => {
    const d = await db.discussion.create({ data: { hostType: "thread", platformId: platform.id } });
    const thread = await db.thread.create({
      data: { groupId: group.id, authorId, title, discussionId: d.id },
    });
    await db.post.create({ data: { discussionId: d.id, authorId, body: `${title}: cuerpo` } });
    for (const [by, body] of replies)
      await db.post.create({ data: { discussionId: d.id, authorId: by, body } });
    await db.threadRead.create({
      data: { threadId: thread.id, userId: zoila.id, readAt: new Date() },
    });
    return thread;
  };
  await threadPosts(zoila.id, "Semillas", [
    [others[0].id, "Tengo semillas"],
    [others[2].id, "Yo también"],
  ]);
  await threadPosts(others[1].id, "Turismo", [[zoila.id, "Buena idea"]]);

  // A course: Zoila attended and got a certificate; so did Ana.
  const course = await makeCourse(platform.id, { status: "closed" });
  await db.courseFacilitator.create({ data: { courseId: course.id, userId: coordinator.id } });
  const session = await makeTrainingSession(course.id, {
    status: "held",
    startsAt: new Date(Date.now() - 5 * 86400_000),
  });
  for (const u of [zoila, others[0]]) {
    const participantId = await participantOf(u.id);
    await db.enrolment.create({
      data: { courseId: course.id, participantId, enrolledById: coordinator.id },
    });
    await db.attendance.create({
      data: { sessionId: session.id, participantId, status: "present" },
    });
    await db.certificate.create({
      data: {
        code: `code-${participantId}`,
        courseId: course.id,
        participantId,
        name: u.name,
        hours: 3,
        attended: 1,
        counted: 1,
        issuedById: coordinator.id,
      },
    });
  }

  // A request to join another platform, with a note in the person's own words.
  const other = await makePlatform();
  await requestToJoin(zoila, other.id, "Soy de la comunidad Sani Isla, zoila@example.org");

  return { platform, coordinator, zoila, others, meeting, proposal, votes, group, course, other };
}

type World = Awaited<ReturnType<typeof makeLivedInPlatform>>;

/** Everything that must read the same before and after an erasure, without identities. */
async function snapshot(w: World) {
  const platformId = w.platform.id;
  const votes = await db.vote.findMany({
    where: { platformId },
    orderBy: { id: "asc" },
    include: {
      ballots: { select: { id: true, optionId: true }, orderBy: { id: "asc" } },
      tallies: { include: { counts: { orderBy: { optionId: "asc" } } } },
      inPersonVoters: { select: { id: true, meetingId: true }, orderBy: { id: "asc" } },
    },
  });
  return {
    proposals: await db.proposal.findMany({
      where: { platformId },
      orderBy: { id: "asc" },
      select: { id: true, title: true, summary: true, body: true, state: true, discussionId: true },
    }),
    history: await db.proposalStateChange.count({ where: { proposal: { platformId } } }),
    // Every post stays, word for word, in its place (other people's replies included).
    posts: await db.post.findMany({
      where: { discussion: { platformId } },
      orderBy: { id: "asc" },
      select: { id: true, body: true, parentId: true, discussionId: true, hiddenAt: true },
    }),
    othersPosts: await db.post.findMany({
      where: { discussion: { platformId }, authorId: { not: w.zoila.id } },
      orderBy: { id: "asc" },
    }),
    reports: await db.postReport.count({ where: { post: { discussion: { platformId } } } }),
    votes: votes.map((v) => ({
      id: v.id,
      result: v.result,
      outcome: v.outcome,
      closedAt: v.closedAt,
      ballots: v.ballots,
      tallies: v.tallies.map((t) => ({
        id: t.id,
        nonMemberHands: t.nonMemberHands,
        counts: t.counts,
      })),
      inPersonVoters: v.inPersonVoters,
    })),
    attendance: await db.attendance.findMany({
      where: { OR: [{ meetingId: w.meeting.id }, { session: { courseId: w.course.id } }] },
      orderBy: { id: "asc" },
      select: { id: true, participantId: true, status: true, walkIn: true },
    }),
    threads: await db.thread.findMany({
      where: { groupId: w.group.id },
      orderBy: { id: "asc" },
      select: {
        id: true,
        title: true,
        discussionId: true,
        lastActivityAt: true,
      },
    }),
    enrolments: await db.enrolment.findMany({
      where: { courseId: w.course.id },
      orderBy: { id: "asc" },
      select: { id: true, participantId: true, status: true },
    }),
    certificates: await db.certificate.findMany({
      where: { courseId: w.course.id },
      orderBy: { id: "asc" },
      select: { id: true, code: true, participantId: true, hours: true, revokedAt: true },
    }),
    // The aggregate profile reports count: kept, without the name and birth year.
    demographics: await db.participant.findMany({
      where: { attendance: { some: { meetingId: w.meeting.id } } },
      orderBy: { id: "asc" },
      select: { id: true, gender: true, people: true, community: true },
    }),
    publicVoters: await publicBallots(await voteRecord(w, 0)).then(
      (b) => b!.onlinePages.count + b!.inPersonPages.count,
    ),
  };
}
const voteRecord = async (w: World, i: number) =>
  (await voteForProposal(w.platform.id, w.votes[i].proposalId))!;

describe("deleting an account", () => {
  it("keeps every count, result and other person's post; the person is gone", async () => {
    const w = await makeLivedInPlatform();
    const before = await snapshot(w);
    const participantId = await participantOf(w.zoila.id);

    const erased = await db.$transaction((tx) => eraseAccount(tx, w.zoila.id));
    expect(erased).toEqual({ ok: true, value: null });

    expect(await snapshot(w)).toEqual(before);
    expect(await db.user.findUnique({ where: { id: w.zoila.id } })).toBeNull();
    // The participant still counts (attendance, enrolments, reports) but names no one.
    const participant = await db.participant.findUniqueOrThrow({ where: { id: participantId } });
    expect(participant).toMatchObject({
      userId: null,
      name: "",
      searchText: "",
      birthYear: null,
      gender: "woman",
      people: "Kichwa",
      ageGroup: expect.stringMatching(/^(youth|adult)$/),
    });
    // Her proposal, posts and thread stay, by nobody; so do her ballots.
    expect(await db.proposal.findUniqueOrThrow({ where: { id: w.proposal.id } })).toMatchObject({
      authorId: null,
      title: "Vivero comunitario",
    });
    expect(
      await db.post.count({ where: { authorId: null, discussion: { platformId: w.platform.id } } }),
    ).toBe(4);
    expect(await db.thread.count({ where: { groupId: w.group.id, authorId: null } })).toBe(1);
    // The secret ballot can no longer be tied to anyone: no user, no participant.
    const secretBallots = await db.ballot.findMany({ where: { voteId: w.votes[1].id } });
    expect(secretBallots).toHaveLength(3);
    expect(secretBallots.filter((b) => b.userId === null)).toHaveLength(1);
    expect(Object.keys(secretBallots[0]).sort()).toEqual(
      ["createdAt", "id", "optionId", "updatedAt", "userId", "voteId"].sort(),
    );
    // The public list of voters keeps her vote, counted as a former member's, not named.
    const publicList = (await publicBallots(await voteRecord(w, 0)))!;
    expect(publicList.online.filter((b) => b.name === null)).toHaveLength(0);
    expect(publicList.formerInPerson).toBe(1);
    expect(publicList.inPerson).not.toContain("");
    expect(publicList.inPerson).not.toContain(w.zoila.name);
    // Personal rows go: sessions, RSVPs, read marks, group memberships.
    expect(await db.rsvp.count({ where: { userId: w.zoila.id } })).toBe(0);
    expect(await db.threadRead.count({ where: { userId: w.zoila.id } })).toBe(0);
    expect(await db.groupMembership.count({ where: { userId: w.zoila.id } })).toBe(0);
    // The log says an account was deleted, by ids only, and who did what is "former member".
    const deleted = await db.auditEvent.findFirstOrThrow({
      where: { action: "account.deleted", entityId: w.zoila.id },
    });
    expect(deleted).toMatchObject({ actorId: null, actorErased: true, entityId: w.zoila.id });
    expect(
      await db.auditEvent.count({ where: { actorErased: true, platformId: w.other.id } }),
    ).toBeGreaterThan(0);
    // The administrators' log shows those entries as by a former member, not by nobody.
    const admin = await makeUser("Admin", true);
    const page = await getPage(
      adminAudit.loader,
      `/admin/audit?platform=${w.other.slug}&action=membership.requested`,
      {},
      admin,
    );
    expect((page.body as { log: { events: unknown[] } }).log.events).toEqual([
      expect.objectContaining({ actor: null, actorErased: true }),
    ]);
  });

  it("keeps every figure of the participation reports, of the platform and across platforms", async () => {
    const w = await makeLivedInPlatform();
    const period = {
      from: new Date(Date.now() - 400 * 86400_000),
      to: new Date(Date.now() + 86400_000),
    };
    const figures = async () => ({
      platform: await exactCounts(db, { platformId: w.platform.id }, period),
      all: await exactCounts(db, { platformId: null }, period),
    });
    const before = await figures();
    // She voted online and by hand, posted in a public forum and wrote a proposal.
    for (const key of ["votesOnline", "votesByHand", "forums", "proposalAuthors"])
      expect(before.platform[key], key).toBeGreaterThan(0);
    const participantId = await participantOf(w.zoila.id);
    await db.$transaction((tx) => eraseAccount(tx, w.zoila.id));
    expect(await figures()).toEqual(before);
    // What was kept says what kind of thing she did, never what she chose or wrote.
    const kept = await db.erasedActivity.findMany({
      where: { participantId },
    });
    expect(new Set(kept.map((k) => k.activity))).toEqual(
      new Set(["voteOnline", "voteByHand", "forumPost", "proposal"]),
    );
    expect(Object.keys(kept[0]).sort()).toEqual(
      ["activity", "at", "id", "participantId", "platformId"].sort(),
    );
  });

  it("leaves neither the name nor the e-mail anywhere in the database", async () => {
    const w = await makeLivedInPlatform();
    await db.$transaction((tx) => eraseAccount(tx, w.zoila.id));
    const found: string[] = [];
    // Placeholders as each database writes them.
    const [p1, p2] = provider() === "postgresql" ? ["$1", "$2"] : ["?", "?"];
    for (const model of Prisma.dmmf.datamodel.models) {
      const text = model.fields.filter((f) => f.kind === "scalar" && f.type === "String");
      for (const f of text) {
        const rows = await db.$queryRawUnsafe<unknown[]>(
          `SELECT 1 FROM "${model.name}" WHERE lower("${f.name}") LIKE ${p1} OR lower("${f.name}") LIKE ${p2} LIMIT 1`,
          `%${w.zoila.email.toLowerCase()}%`,
          "%quishpe%",
        );
        if (rows.length) found.push(`${model.name}.${f.name}`);
      }
    }
    // Her membership request's note ("Soy de … zoila@…") goes with the membership.
    expect(found).toEqual([]);
  });

  it("writes no names, e-mails or notes into the audit log", async () => {
    const w = await makeLivedInPlatform();
    const people = await db.user.findMany({
      where: { id: { in: [w.coordinator.id, w.zoila.id, ...w.others.map((o) => o.id)] } },
      select: { name: true, email: true },
    });
    const words = [...people.flatMap((p) => [p.name, p.email]), "Visitante Yumbo", "Sani Isla"];
    const log = JSON.stringify(await db.auditEvent.findMany({ select: { details: true } }));
    expect(words.filter((word) => log.includes(word))).toEqual([]);
  });

  it("asks for the password again and refuses the last coordinator", async () => {
    const platform = await makePlatform();
    const { userId, password } = await signUp({ name: "Rosa Coordinadora" });
    const rosa = { id: userId };
    await addMember(rosa, platform.id, "coordinator");
    const member = await makeUser("Miembro");
    await addMember(member, platform.id);

    expect(await deleteAccount(userId, "otra clave cualquiera", "10.9.8.7")).toMatchObject({
      ok: false,
      fieldErrors: { password: ["auth:errors.currentPasswordWrong"] },
    });
    expect(await erasureBlockers(db, userId)).toEqual([{ kind: "platform", name: platform.name }]);
    expect(await deleteAccount(userId, password, "10.9.8.7")).toMatchObject({
      ok: false,
      formErrors: [`auth:erase.errors.lastCoordinator|name=${platform.name}`],
    });
    expect(await db.user.count({ where: { id: userId } })).toBe(1);

    // Once someone else coordinates, the account goes (with its sessions).
    await db.membership.updateMany({
      where: { userId: member.id },
      data: { role: "coordinator" },
    });
    await db.session.create({
      data: { id: "erase-test-session", userId, expiresAt: new Date(Date.now() + 3600_000) },
    });
    expect(await deleteAccount(userId, GOOD_PASSWORD, "10.9.8.7")).toEqual({
      ok: true,
      value: null,
    });
    expect(await db.user.count({ where: { id: userId } })).toBe(0);
    expect(await db.session.count({ where: { userId } })).toBe(0);
  });

  // Quorum counts the members of the day from memberships: they outlive the account.
  it("keeps the quorum of a past assembly", async () => {
    const w = await makeLivedInPlatform();
    const quorum = () => quorumForMeeting(w.meeting, w.platform.quorumPercent);
    const before = await quorum();
    await db.$transaction((tx) => eraseAccount(tx, w.zoila.id));
    expect(await quorum()).toEqual(before);
  });
});
