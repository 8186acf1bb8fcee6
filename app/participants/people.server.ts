import { notFound } from "~/auth/guards.server";
import { db } from "~/db.server";
import { ok, refuse, type Outcome } from "~/forms/outcome";
import { searchWords } from "~/text/searchable";
import {
  findPeopleWithoutAccount,
  linkToAccount,
  mergeParticipants,
  seenOnPlatform,
} from "./participants.server";
import { pageOf } from "~/http/pagination";
import { canMergePeople, type MemberRulesViewer, type PersonFacts } from "~/platforms/member-rules";

interface Actor {
  id: string;
  /** A portal admin may move a membership of any platform with a record (see participants.server). */
  isAdmin?: boolean;
}

export const PEOPLE_PAGE_SIZE = 20;

/**
 * The platform's people without an account (walk-ins, and members without one), by name, searchable by name
 * and community. Counted and paginated by the database.
 */
export async function peopleWithoutAccount(platformId: string, q: string, page: number) {
  const words = searchWords(q);
  const where = {
    userId: null,
    ...seenOnPlatform(platformId),
    AND: words.map((w) => ({ searchText: { contains: w } })),
  };
  const total = await db.participant.count({ where });
  const current = pageOf(page, total, PEOPLE_PAGE_SIZE);
  const [rows] = await Promise.all([
    db.participant.findMany({
      where,
      select: {
        id: true,
        name: true,
        community: true,
        memberships: { where: { platformId, status: "active" }, select: { id: true } },
        _count: {
          select: {
            attendance: {
              where: {
                OR: [{ meeting: { platformId } }, { session: { course: { platformId } } }],
              },
            },
          },
        },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: current.skip,
      take: current.take,
    }),
  ]);
  return {
    total,
    page: current.page,
    pages: current.pages,
    people: rows.map((r) => ({
      id: r.id,
      name: r.name,
      community: r.community,
      events: r._count.attendance,
      isMember: r.memberships.length > 0,
    })),
  };
}

/** One person as the platform knows them: a 404 for anyone it has never counted. */
export async function personOnPlatform(platformId: string, participantId: string) {
  const person = await db.participant.findFirst({
    where: { id: participantId, ...seenOnPlatform(platformId) },
    select: {
      id: true,
      name: true,
      community: true,
      people: true,
      gender: true,
      ageGroup: true,
      birthYear: true,
      phone: true,
      userId: true,
      memberships: { where: { platformId }, select: { status: true, role: true } },
      attendance: {
        where: { meeting: { platformId } },
        select: {
          status: true,
          walkIn: true,
          meeting: { select: { id: true, title: true, startsAt: true } },
        },
        orderBy: { meeting: { startsAt: "desc" } },
        take: 100,
      },
    },
  });
  if (!person) notFound();
  // Training on this platform's courses, kept apart so each list stays bounded and ordered.
  const [training, enrolments] = await Promise.all([
    db.attendance.findMany({
      where: { participantId: person.id, session: { course: { platformId } } },
      select: {
        status: true,
        walkIn: true,
        session: {
          select: {
            id: true,
            topic: true,
            startsAt: true,
            course: { select: { id: true, titleEs: true, titleEn: true } },
          },
        },
      },
      orderBy: { session: { startsAt: "desc" } },
      take: 100,
    }),
    db.enrolment.findMany({
      where: { participantId: person.id, course: { platformId } },
      select: {
        status: true,
        enrolledAt: true,
        course: { select: { id: true, titleEs: true, titleEn: true } },
      },
      orderBy: { enrolledAt: "desc" },
      take: 100,
    }),
  ]);
  const { memberships, ...rest } = person;
  return { ...rest, membershipStatus: memberships[0]?.status ?? null, training, enrolments };
}

/**
 * Links a walk-in to the account they opened later. The account must have asked to join
 * this platform, so a facilitator cannot reach into the whole portal's users.
 */
export async function linkByEmail(
  actor: Actor,
  platformId: string,
  participantId: string,
  email: string,
): Promise<Outcome<{ moved: number }>> {
  return db.$transaction(async (tx) => {
    const account = await tx.user.findFirst({
      where: { email, memberships: { some: { platformId } } },
      select: { id: true },
    });
    if (!account) return refuse("email", "participants:errors.noSuchAccount");
    const outcome = await linkToAccount(tx, actor, platformId, participantId, account.id);
    return outcome.ok ? ok(outcome.value) : outcome;
  });
}

export async function mergeInto(
  actor: Actor,
  platformId: string,
  keepId: string,
  dropId: string,
): Promise<Outcome<{ moved: number }>> {
  return db.$transaction((tx) => mergeParticipants(tx, actor, platformId, { keepId, dropId }));
}

/**
 * Other records without an account that may be the same person: the ones this reader may
 * fold into the record (member-rules.ts `canMergePeople`), so the page offers only merges
 * that work.
 */
export async function duplicateCandidates(
  platformId: string,
  personId: string,
  q: string,
  viewer: MemberRulesViewer,
) {
  if (!q.trim()) return [];
  const membersHere = { memberships: { some: { platformId } } };
  const mayFoldMembers = canMergePeople(viewer, { hasAccount: false, membershipStatus: "active" });
  const found = await findPeopleWithoutAccount(
    db,
    platformId,
    q,
    mayFoldMembers ? [] : [membersHere],
  );
  return found.filter((c) => c.id !== personId);
}

/** What the member rules ask of a record on this platform, or null when it is not seen there. */
export async function personFacts(
  platformId: string,
  participantId: string,
): Promise<PersonFacts | null> {
  const person = await db.participant.findFirst({
    where: { id: participantId, ...seenOnPlatform(platformId) },
    select: { userId: true, memberships: { where: { platformId }, select: { status: true } } },
  });
  if (!person) return null;
  return { hasAccount: !!person.userId, membershipStatus: person.memberships[0]?.status ?? null };
}
