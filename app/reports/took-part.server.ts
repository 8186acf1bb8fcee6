import type { Prisma } from "@prisma/client";
import { sqlBuilders } from "~/db.server";
import type { Activity, Headline } from "./activities";

/**
 * Who took part in what, as SQL: each activity is one uncorrelated SELECT of the people
 * ("pid", a Participant id) and the platform ("pl") behind it, read from the activity's side
 * (the marks of the period's assemblies, the period's ballots…) and used as
 * `IN (SELECT "pid" …)`. The database builds each list once.
 *
 * Not Prisma relation filters on Participant: those are correlated, run once per person of
 * the portal, and a forum condition without an index on the posts' authors took 100 s for
 * one figure on the benchmark's database (10,500 people, 20,000 posts).
 *
 * Only the two columns are selected, aliased in every branch, so the lists combine with
 * UNION, INTERSECT and EXCEPT the same way on SQLite and PostgreSQL; each combined operand is
 * wrapped in a sub-select, since the two order such operators differently.
 */
export interface Period {
  /** First instant of the period. */
  from: Date;
  /** First instant after it. */
  to: Date;
}

export type ReportScope = { platformId: string } | { platformId: null };

type Sql = Prisma.Sql;
type Combine = "UNION" | "INTERSECT" | "EXCEPT";

/** A list of people combined with others, each operand in its own sub-select. */
function combine(op: Combine, lists: Sql[]): Sql {
  const Prisma = sqlBuilders();
  return Prisma.join(
    lists.map((list, i) => Prisma.sql`SELECT "pid", "pl" FROM (${list}) AS ${Prisma.raw(`l${i}`)}`),
    ` ${op} `,
  );
}

/** "In scope": the platform column of a list's source equals the scope's, or anything. */
function within(scope: ReportScope, column: string): Sql {
  const Prisma = sqlBuilders();
  return scope.platformId
    ? Prisma.sql` AND ${Prisma.raw(column)} = ${scope.platformId}`
    : Prisma.empty;
}

function during(column: string, period: Period): Sql {
  const Prisma = sqlBuilders();
  const c = Prisma.raw(column);
  return Prisma.sql`${c} >= ${period.from} AND ${c} < ${period.to}`;
}

/** Lists of people for each activity of the report, and for its headline figures. */
export function peopleLists(scope: ReportScope, period: Period) {
  const Prisma = sqlBuilders();
  // What an erased account had done is kept on its anonymous person record (decision 024).
  const erased = (activity: string) => Prisma.sql`
    SELECT e."participantId" AS "pid", e."platformId" AS "pl" FROM "ErasedActivity" e
    WHERE e."activity" = ${activity} AND ${during('e."at"', period)}${within(scope, 'e."platformId"')}`;

  // Attended an assembly, for the record: present or late.
  const assemblies = Prisma.sql`
    SELECT a."participantId" AS "pid", m."platformId" AS "pl"
    FROM "Attendance" a JOIN "Meeting" m ON m."id" = a."meetingId"
    WHERE a."status" IN ('present', 'late') AND m."status" <> 'cancelled'
      AND ${during('m."startsAt"', period)}${within(scope, 'm."platformId"')}`;
  // A member is someone whose membership of the platform was active at some time in the period.
  // The membership belongs to the person record, so members without an account count too.
  const members = Prisma.sql`
    SELECT ms."participantId" AS "pid", ms."platformId" AS "pl"
    FROM "MembershipPeriod" pe JOIN "Membership" ms ON ms."id" = pe."membershipId"
    WHERE pe."startedAt" < ${period.to} AND (pe."endedAt" IS NULL OR pe."endedAt" >= ${period.from})
      ${within(scope, 'pe."platformId"')}`;
  const votesOnline = combine("UNION", [
    Prisma.sql`
      SELECT pa."id" AS "pid", v."platformId" AS "pl"
      FROM "Ballot" b JOIN "Vote" v ON v."id" = b."voteId"
        JOIN "Participant" pa ON pa."userId" = b."userId"
      WHERE ${during('b."createdAt"', period)}${within(scope, 'v."platformId"')}`,
    erased("voteOnline"),
  ]);
  // Hands raised by members are recorded per person record, with or without an account.
  const votesByHand = combine("UNION", [
    Prisma.sql`
      SELECT h."participantId" AS "pid", v."platformId" AS "pl"
      FROM "InPersonVoter" h JOIN "Vote" v ON v."id" = h."voteId"
      WHERE h."participantId" IS NOT NULL
        AND ${during('h."createdAt"', period)}${within(scope, 'v."platformId"')}`,
    erased("voteByHand"),
  ]);
  const forums = combine("UNION", [
    // Public groups only: a private group's counts are its members' alone (decision 022).
    Prisma.sql`
      SELECT pa."id" AS "pid", d."platformId" AS "pl"
      FROM "Post" po JOIN "Discussion" d ON d."id" = po."discussionId"
        JOIN "Thread" t ON t."discussionId" = d."id"
        JOIN "Group" g ON g."id" = t."groupId"
        JOIN "Participant" pa ON pa."userId" = po."authorId"
      WHERE d."hostType" = 'thread' AND g."visibility" = 'public'
        AND ${during('po."createdAt"', period)}${within(scope, 'd."platformId"')}`,
    erased("forumPost"),
  ]);
  const coursesEnrolled = Prisma.sql`
    SELECT en."participantId" AS "pid", c."platformId" AS "pl"
    FROM "Enrolment" en JOIN "Course" c ON c."id" = en."courseId"
    WHERE en."enrolledAt" < ${period.to} AND (en."endedAt" IS NULL OR en."endedAt" >= ${period.from})
      ${within(scope, 'c."platformId"')}`;
  const issued = (revoked: boolean) => Prisma.sql`
    SELECT ce."participantId" AS "pid", c."platformId" AS "pl"
    FROM "Certificate" ce JOIN "Course" c ON c."id" = ce."courseId"
    WHERE ${during('ce."issuedAt"', period)}${within(scope, 'c."platformId"')}
      ${revoked ? Prisma.empty : Prisma.sql` AND ce."revokedAt" IS NULL`}`;
  const coursesCompleted = issued(true);

  const anyActivity = combine("UNION", [
    assemblies,
    votesOnline,
    votesByHand,
    forums,
    coursesEnrolled,
    coursesCompleted,
  ]);
  const activities: Record<Activity, Sql> = {
    anyActivity,
    assemblies,
    assemblyMembers: combine("INTERSECT", [assemblies, members]),
    assemblyOthers: combine("EXCEPT", [assemblies, members]),
    votes: combine("UNION", [votesOnline, votesByHand]),
    votesOnline,
    votesByHand,
    forums,
    coursesEnrolled,
    coursesCompleted,
    certificates: issued(false),
  };

  // Coordinators, facilitators and group moderators (roles held now), and proposal authors.
  const headlines: Record<Headline, Sql> = {
    participants: anyActivity,
    roleHolders: combine("UNION", [
      Prisma.sql`
        SELECT ms."participantId" AS "pid", ms."platformId" AS "pl" FROM "Membership" ms
        WHERE ms."status" = 'active' AND ms."role" IN ('facilitator', 'coordinator')
          ${within(scope, 'ms."platformId"')}`,
      Prisma.sql`
        SELECT pa."id" AS "pid", g."platformId" AS "pl"
        FROM "GroupMembership" gm JOIN "Group" g ON g."id" = gm."groupId"
          JOIN "Participant" pa ON pa."userId" = gm."userId"
        WHERE gm."status" = 'active' AND gm."role" = 'moderator'${within(scope, 'g."platformId"')}`,
    ]),
    proposalAuthors: combine("UNION", [
      Prisma.sql`
        SELECT pa."id" AS "pid", pr."platformId" AS "pl"
        FROM "Proposal" pr JOIN "Participant" pa ON pa."userId" = pr."authorId"
        WHERE ${during('pr."createdAt"', period)}${within(scope, 'pr."platformId"')}`,
      erased("proposal"),
    ]),
  };
  return { activities, headlines };
}
