import type { Prisma } from "@prisma/client";
import { recordAudit } from "~/audit/audit.server";
import type { DbClient } from "~/db.server";
import { db } from "~/db.server";
import { msg } from "~/forms/messages";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import { activeAtWhere } from "~/platforms/periods.server";
import { lockRow } from "~/row-lock.server";
import { voteOf } from "./settle.server";
import { meetingCountsForVote, splitHands } from "./tally-rules";
import { whileOpen } from "./votes.server";

/**
 * Show-of-hands counts at assemblies: what the tally form offers (the assemblies held while
 * the vote was open, with who was present) and the count a facilitator records, under the
 * same open-vote lock as online ballots (`whileOpen`). The rules are pure, in tally-rules.ts.
 */

interface Actor {
  id: string;
}

export interface TallyInput {
  meetingId: string;
  count: Record<string, number>;
  inPerson: string[];
}

/** Marks of someone present who is a member of the platform now: whose hand is a member's. */
function presentMember(platformId: string, now: Date) {
  return {
    status: "present",
    participant: { memberships: { some: activeAtWhere(platformId, now) } },
  } satisfies Prisma.AttendanceWhereInput;
}

/**
 * The platform's members active now among those present at a meeting, by person record, with
 * or without an account (their membership belongs to the person record), so any member's
 * raised hand is recorded as theirs. Only the people present are read, never the whole
 * membership.
 */
async function presentMembers(client: DbClient, platformId: string, meetingId: string, now: Date) {
  const rows = await client.attendance.findMany({
    where: { meetingId, ...presentMember(platformId, now) },
    select: { participant: { select: { id: true, userId: true, name: true } } },
    orderBy: [{ participant: { name: "asc" } }, { id: "asc" }],
  });
  return rows.map(({ participant: p }) => ({
    participantId: p.id,
    userId: p.userId,
    name: p.name,
  }));
}

/** Who was present at a meeting: its present members, and how many others (a tally's limits). */
async function presence(client: DbClient, platformId: string, meetingId: string, now: Date) {
  const [present, members] = await Promise.all([
    client.attendance.count({ where: { meetingId, status: "present" } }),
    presentMembers(client, platformId, meetingId, now),
  ]);
  return { present, members, memberCount: members.length, others: present - members.length };
}

/**
 * Why the show-of-hands counts of open votes at this assembly no longer fit who is present
 * (checked after an attendance correction, in its transaction), or null. The limits are the
 * ones recording a count applies: every hand named is a member present, and no more hands
 * than people present who may vote (splitHands).
 */
export async function countsStillFit(
  client: DbClient,
  platformId: string,
  meetingId: string,
  now: Date,
): Promise<string | null> {
  // Votes still open in time: one past its closing time is a record once read, even unread.
  const tallies = await client.inPersonTally.findMany({
    where: { meetingId, vote: { closedAt: null, closesAt: { gt: now } } },
    select: { voteId: true, counts: { select: { count: true } } },
  });
  if (tallies.length === 0) return null;
  const [seen, platform, named] = await Promise.all([
    presence(client, platformId, meetingId, now),
    client.platform.findUniqueOrThrow({
      where: { id: platformId },
      select: { nonMembersVoteByHand: true },
    }),
    client.inPersonVoter.findMany({
      where: { meetingId, voteId: { in: tallies.map((t) => t.voteId) } },
      select: { voteId: true, participantId: true },
    }),
  ]);
  const presentMembers = new Set(seen.members.map((m) => m.participantId));
  for (const tally of tallies) {
    const hands = named.filter((n) => n.voteId === tally.voteId);
    if (hands.some((n) => n.participantId && !presentMembers.has(n.participantId)))
      return "votes:errors.countNoLongerFits";
    const split = splitHands({
      total: tally.counts.reduce((sum, c) => sum + c.count, 0),
      membersPresent: seen.memberCount,
      othersPresent: seen.others,
      markedMembers: hands.length,
      nonMembersMayVote: platform.nonMembersVoteByHand,
    });
    if (!split.ok) return "votes:errors.countNoLongerFits";
  }
  return null;
}

/**
 * Meetings of the platform where a show-of-hands count can be recorded, each with how many
 * were present (counted by the database, for all of them at once), and for the one chosen,
 * who: its present members, one checkbox each, and those already marked as voting by hand.
 */
export async function tallyContext(
  platformId: string,
  voteId: string,
  chosen: string | null = null,
  now = new Date(),
) {
  const vote = await voteOf(db, platformId, voteId);
  const platform = await db.platform.findUniqueOrThrow({ where: { id: platformId } });
  // The database narrows by overlap; the rule itself (one place) decides.
  const candidates = await db.meeting.findMany({
    where: {
      platformId,
      status: { not: "cancelled" },
      startsAt: { lt: vote.closesAt },
      endsAt: { gt: vote.opensAt },
    },
    orderBy: { startsAt: "desc" },
    take: 40,
    include: { tallies: { where: { voteId }, include: { counts: true } } },
  });
  const meetings = candidates.filter((m) => meetingCountsForVote(m, vote, now)).slice(0, 20);
  const presentAt = { meetingId: { in: meetings.map((m) => m.id) }, status: "present" };
  const one = meetings.find((m) => m.id === chosen) ?? null;
  const [present, members, listed, voters] = await Promise.all([
    db.attendance.groupBy({ by: ["meetingId"], where: presentAt, _count: { _all: true } }),
    db.attendance.groupBy({
      by: ["meetingId"],
      where: { ...presentAt, ...presentMember(platformId, now) },
      _count: { _all: true },
    }),
    one ? presentMembers(db, platformId, one.id, now) : null,
    one
      ? db.inPersonVoter.findMany({
          where: { voteId, meetingId: one.id, participantId: { not: null } },
          select: { participantId: true },
        })
      : null,
  ]);
  const countOf = (rows: typeof present, meetingId: string) =>
    rows.find((r) => r.meetingId === meetingId)?._count._all ?? 0;
  return {
    vote,
    nonMembersMayVote: platform.nonMembersVoteByHand,
    meetings: meetings.map((m) => {
      const all = countOf(present, m.id);
      const memberCount = countOf(members, m.id);
      return {
        id: m.id,
        title: m.title,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        present: all,
        // How many hands this assembly can give: its members, and the others if admitted.
        mayVote: memberCount + (platform.nonMembersVoteByHand ? all - memberCount : 0),
        counts: Object.fromEntries((m.tallies[0]?.counts ?? []).map((c) => [c.optionId, c.count])),
        /** For the chosen meeting only (null for the others): its present members. */
        members: m.id === one?.id ? listed : null,
        /** For the chosen meeting only: those marked as having voted by hand there. */
        inPerson:
          m.id === one?.id
            ? (voters ?? []).flatMap((v) => (v.participantId ? [v.participantId] : []))
            : null,
      };
    }),
  };
}

/**
 * A facilitator's show-of-hands count at a meeting of the platform, correctable until the
 * close. Nobody counts twice: members marked as voting by hand lose any online ballot and
 * cannot cast one; the count never exceeds the people present who may vote there.
 */
export async function recordTally(
  actor: Actor,
  platformId: string,
  voteId: string,
  input: TallyInput,
  now = new Date(),
): Promise<Outcome<null>> {
  return whileOpen(platformId, voteId, now, async (tx, vote) => {
    // Attendance at the assembly takes turns with its counts: a correction under way (which
    // locks the meeting to write) is waited for, so the count is checked against who is
    // present after it, and the correction checks the counts (countsStillFit) after this.
    await lockRow(tx, "Meeting", input.meetingId, "share");
    const meeting = await tx.meeting.findFirst({ where: { id: input.meetingId, platformId } });
    if (!meeting) return refuse("meetingId", "validation.choice");
    if (meeting.status === "cancelled") return refuse("meetingId", "meetings:errors.cancelled");
    // Hands count for this vote only at an assembly held while it was open.
    if (!meetingCountsForVote(meeting, vote, now))
      return refuse("meetingId", "votes:errors.meetingOutsideVote");
    const optionIds = vote.options.map((o) => o.id);
    if (Object.keys(input.count).some((id) => !optionIds.includes(id))) {
      return refuseForm("votes:errors.badOption");
    }
    const counts = optionIds.map((id) => ({ optionId: id, count: input.count[id] ?? 0 }));
    const total = counts.reduce((s, c) => s + c.count, 0);
    const platform = await tx.platform.findUniqueOrThrow({ where: { id: platformId } });
    const seen = await presence(tx, platformId, meeting.id, now);
    // Hands are marked by person record: members with or without an account.
    const presentMembers = new Map(seen.members.map((m) => [m.participantId, m]));
    const inPerson = [...new Set(input.inPerson)];
    if (inPerson.some((id) => !presentMembers.has(id)))
      return refuseForm("votes:errors.notPresent");
    const marked = inPerson.map((id) => presentMembers.get(id)!);
    const markedAccounts = marked.flatMap((m) => (m.userId ? [m.userId] : []));
    if (inPerson.length > total) return refuseForm("votes:errors.fewerHandsThanVoters");
    const split = splitHands({
      total,
      membersPresent: seen.memberCount,
      othersPresent: seen.others,
      markedMembers: inPerson.length,
      nonMembersMayVote: platform.nonMembersVoteByHand,
    });
    if (!split.ok) {
      return refuseForm(
        platform.nonMembersVoteByHand
          ? msg("votes:errors.tallyTooLarge", { present: split.mayVote })
          : msg("votes:errors.tallyTooLargeMembers", {
              members: split.mayVote,
              present: seen.present,
            }),
      );
    }
    const elsewhere = await tx.inPersonVoter.findFirst({
      where: { voteId, participantId: { in: inPerson }, meetingId: { not: meeting.id } },
    });
    if (elsewhere) return refuseForm("votes:errors.alreadyVotedInPerson");

    const existing = await tx.inPersonTally.findUnique({
      where: { voteId_meetingId: { voteId, meetingId: meeting.id } },
      include: { counts: true },
    });
    const data = { recordedById: actor.id, nonMemberHands: split.nonMembers };
    const tally = existing
      ? await tx.inPersonTally.update({ where: { id: existing.id }, data })
      : await tx.inPersonTally.create({ data: { voteId, meetingId: meeting.id, ...data } });
    await tx.inPersonCount.deleteMany({ where: { tallyId: tally.id } });
    await tx.inPersonCount.createMany({ data: counts.map((c) => ({ ...c, tallyId: tally.id })) });
    await tx.inPersonVoter.deleteMany({ where: { voteId, meetingId: meeting.id } });
    await tx.inPersonVoter.createMany({
      data: marked.map((m) => ({
        voteId,
        meetingId: meeting.id,
        participantId: m.participantId,
        userId: m.userId,
      })),
    });
    const dropped = await tx.ballot.deleteMany({
      where: { voteId, userId: { in: markedAccounts } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: existing ? "vote.tallyCorrected" : "vote.tallyRecorded",
      entityType: "Vote",
      entityId: voteId,
      platformId,
      details: {
        meetingId: meeting.id,
        before: existing
          ? Object.fromEntries(existing.counts.map((c) => [c.optionId, c.count]))
          : null,
        after: Object.fromEntries(counts.map((c) => [c.optionId, c.count])),
        inPersonVoters: inPerson.length,
        memberHands: split.members,
        nonMemberHands: split.nonMembers,
        // How many online ballots gave way to a vote by hand; never whose or which.
        onlineBallotsReplaced: dropped.count,
      },
    });
    return ok(null);
  });
}
