import { db } from "~/db.server";
import { seedDemoContent } from "~/demo/demo-content.server";
import { listActiveMembers, membersActiveAt } from "~/platforms/membership.server";
import { instantToZoned } from "~/time/time-zone";
import { meetingCountsForVote, splitHands } from "~/votes/tally-rules";

describe("the demo content", () => {
  it("tells each proposal's history in the real order, matching its vote", async () => {
    const now = new Date();
    expect(await seedDemoContent()).toEqual({ seeded: true });
    const proposals = await db.proposal.findMany({
      include: { history: { orderBy: { createdAt: "asc" } }, vote: true },
    });
    expect(proposals.length).toBeGreaterThan(0);
    for (const p of proposals) {
      const times = p.history.map((h) => h.createdAt.getTime());
      expect(times, p.title).toEqual([...times].sort((a, b) => a - b));
      // Nothing before the proposal existed, nothing in the future.
      expect(times[0], p.title).toBeGreaterThanOrEqual(p.createdAt.getTime() - 1000);
      expect(Math.max(...times), p.title).toBeLessThanOrEqual(Date.now());
      // Each change starts from where the previous one left, and ends in the current state.
      p.history.forEach((h, i) =>
        expect(h.fromState).toBe(i === 0 ? null : p.history[i - 1].toState),
      );
      expect(p.history.at(-1)!.toState).toBe(p.state);
      const vote = p.vote;
      if (!vote) continue;
      expect(vote.opensAt.getTime()).toBeGreaterThanOrEqual(p.createdAt.getTime());
      const toVoting = p.history.find((h) => h.toState === "voting")!;
      expect(toVoting.createdAt.toISOString()).toBe(vote.opensAt.toISOString());
      if (vote.closesAt <= now) {
        // A vote past its closing time is closed, at that time, with the proposal decided.
        expect(vote.closedAt?.toISOString()).toBe(vote.closesAt.toISOString());
        const decided = p.history.find((h) => h.fromState === "voting")!;
        expect(decided.toState).toBe(vote.outcome);
        expect(decided.createdAt.toISOString()).toBe(vote.closesAt.toISOString());
      }
    }
  });

  it("has members without an account on Palora–Pastaza, in its directory", async () => {
    await seedDemoContent();
    const platform = await db.platform.findUniqueOrThrow({ where: { slug: "palora-pastaza" } });
    const { members, total } = await listActiveMembers(platform.id, "arutam");
    expect(total).toBe(2);
    expect(members.map((m) => m.hasAccount)).toEqual([false, false]);
    const all = await db.membership.count({
      where: { platformId: platform.id, status: "active", userId: null },
    });
    expect(all).toBe(3);
  });

  it("records show-of-hands counts only where the rules accept them", async () => {
    await seedDemoContent();
    const tallies = await db.inPersonTally.findMany({
      include: {
        counts: true,
        meeting: { include: { platform: true, attendance: { where: { status: "present" } } } },
        vote: true,
      },
    });
    expect(tallies.length).toBeGreaterThan(0);
    for (const t of tallies) {
      expect(meetingCountsForVote(t.meeting, t.vote, t.updatedAt)).toBe(true);
      expect(t.meeting.startsAt.getTime()).toBeGreaterThanOrEqual(t.vote.opensAt.getTime());
      const members = await membersActiveAt(t.meeting.platformId, t.meeting.startsAt);
      const memberIds = new Set(members.map((m) => m.participantId));
      const membersPresent = t.meeting.attendance.filter((a) => memberIds.has(a.participantId));
      const marked = await db.inPersonVoter.count({
        where: { voteId: t.voteId, meetingId: t.meetingId },
      });
      const split = splitHands({
        total: t.counts.reduce((s, c) => s + c.count, 0),
        membersPresent: membersPresent.length,
        othersPresent: t.meeting.attendance.length - membersPresent.length,
        markedMembers: marked,
        nonMembersMayVote: t.meeting.platform.nonMembersVoteByHand,
      });
      expect(split).toMatchObject({ ok: true, nonMembers: t.nonMemberHands });
    }
  });

  it("has living courses: sessions within their dates, attendance only for the enrolled, held before now", async () => {
    await seedDemoContent();
    const now = new Date();
    const courses = await db.course.findMany({
      include: { sessions: { include: { attendance: true } }, enrolments: true },
    });
    expect(new Set(courses.map((c) => c.topic))).toEqual(
      new Set(["fauna", "crimes", "bioeconomy", "tourism"]),
    );
    for (const c of courses) {
      const enrolled = new Set(c.enrolments.map((e) => e.participantId));
      for (const s of c.sessions) {
        const day = instantToZoned(s.startsAt, c.timeZone).date;
        expect(day >= c.startDate && day <= c.endDate, c.titleEs).toBe(true);
        expect(s.status === "held", `${c.titleEs} ${s.topic}`).toBe(s.attendance.length > 0);
        if (s.status === "held") expect(s.endsAt < now).toBe(true);
        for (const a of s.attendance) {
          expect(enrolled.has(a.participantId)).toBe(true);
          const enrolment = c.enrolments.find((e) => e.participantId === a.participantId)!;
          expect(enrolment.enrolledAt < s.startsAt).toBe(true);
        }
      }
    }
    // One course still running, with sessions held and one to come.
    const running = courses.filter(
      (c) =>
        c.status === "published" &&
        c.sessions.some((s) => s.status === "held") &&
        c.sessions.some((s) => s.startsAt > now),
    );
    expect(running.length).toBeGreaterThan(0);
  });

  it("closed its finished course with certificates for exactly those who met the rule", async () => {
    await seedDemoContent();
    const course = await db.course.findFirstOrThrow({
      where: { titleEs: "Monitoreo comunitario de fauna" },
      include: { certificates: { include: { participant: true } } },
    });
    expect(course.status).toBe("closed");
    expect(course.certificates.map((c) => c.participant.name).sort()).toEqual([
      "Alicia Criollo", // 3 of 4, one of them late: exactly 75 %
      "Blanca Shiguango",
      "Rebeca Piaguaje", // 3 of 3: her excused absence is not counted
      "Segundo Andi",
      "Tupak Grefa",
    ]);
    for (const c of course.certificates) {
      expect(c.issuedAt.getTime()).toBe(course.closedAt!.getTime());
      expect(c.attended * 100).toBeGreaterThanOrEqual(course.completionPercent * c.counted);
    }
  });
});

describe("the demo groups", () => {
  it("has a women's and a youth group on every platform; the main one's women's group is private", async () => {
    await seedDemoContent();
    const platforms = await db.platform.findMany({ include: { groups: true } });
    for (const p of platforms) {
      expect(p.groups.map((g) => g.nameEs).sort(), p.slug).toEqual([
        "Jóvenes del corredor",
        "Mujeres del corredor",
      ]);
    }
    const women = await db.group.findFirstOrThrow({
      where: { nameEs: "Mujeres del corredor", platform: { slug: "putumayo-aguarico" } },
      include: { memberships: { include: { user: true } } },
    });
    expect(women).toMatchObject({
      nameEn: "Women of the corridor",
      visibility: "private",
      joining: "approval",
    });
    const moderators = women.memberships.filter((m) => m.role === "moderator");
    expect(moderators.map((m) => [m.user.email, m.status])).toEqual([
      ["miembro@minga.example", "active"],
    ]);
    expect(women.memberships.filter((m) => m.status === "pending")).toHaveLength(1);
    expect(women.memberships.filter((m) => m.status === "active").length).toBeGreaterThan(2);
    // Everyone in a group is an active member of its platform.
    for (const m of women.memberships) {
      const platformMembership = await db.membership.findFirst({
        where: { userId: m.userId, platformId: women.platformId, status: "active" },
      });
      expect(platformMembership, m.user.email).not.toBeNull();
    }
    const youth = await db.group.findFirstOrThrow({
      where: { nameEs: "Jóvenes del corredor", platform: { slug: "putumayo-aguarico" } },
    });
    expect(youth).toMatchObject({ visibility: "public", joining: "open" });
  });
});
