/// <reference types="vite/client" />
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuthUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { databaseFile } from "~/ops/backup";
import { loader as coursePage } from "~/routes/courses.$courseId._index";
import { loader as matrixPage } from "~/routes/courses.$courseId.matrix";
import { loader as sessionAttendancePage } from "~/routes/courses.$courseId.sessions.$sessionId.attendance";
import { loader as homePage } from "~/routes/_index";
import { loader as platformPage } from "~/routes/platforms.$slug._index";
import { loader as meetingAttendancePage } from "~/routes/platforms.$slug.meetings.$meetingId.attendance";
import { loader as meetingPage } from "~/routes/platforms.$slug.meetings.$meetingId._index";
import { loader as meetingsPage } from "~/routes/platforms.$slug.meetings._index";
import { loader as membersPage } from "~/routes/platforms.$slug.members";
import { loader as proposalPage } from "~/routes/platforms.$slug.proposals.$proposalId._index";
import { loader as proposalsPage } from "~/routes/platforms.$slug.proposals._index";
import { getPage } from "~/test/routes";
import { type BenchAccount, type BenchSizes, type BenchWorld, seedBench } from "./seed";

/**
 * The benchmark's seed at a small scale (same code, smaller sizes): the key pages of a big
 * platform answer, show what they should, and show lists either whole or as a bounded page.
 */
const SIZES: BenchSizes = {
  users: 420,
  bigMembers: 300,
  meetings: 30,
  upcomingMeetings: 4,
  attendancePerMeeting: 40,
  rsvpsPerUpcoming: 60,
  proposals: 40,
  openVotes: 5,
  closedVotes: 5,
  ballotsPerOpenVote: 120,
  ballotsPerClosedVote: 200,
  smallPlatforms: 2,
  smallMembers: 30,
  courses: 8,
  enrolledPerCourse: 12,
  sessionsPerCourse: 4,
  groups: 3,
  threads: 40,
  posts: 300,
};
/** A page of a paginated list never holds more than this many rows. */
const MAX_ROWS_PER_PAGE = 200;

type Loader = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

// Forum pages come from another branch: they are checked once their routes exist.
const routeModules = import.meta.glob<{ loader: Loader }>("../routes/*.tsx");
const routeNamed = (pattern: RegExp) =>
  Object.entries(routeModules).find(([file]) => pattern.test(file))?.[1];
const threadListRoute = routeNamed(/platforms\.\$slug\.groups\.\$groupId(\._index)?\.tsx$/);
const threadRoute = routeNamed(/groups\.\$groupId\.threads\.\$threadId(\._index)?\.tsx$/);

let world: BenchWorld;
let bigId: string;
const as = (a: BenchAccount): AuthUser => ({
  id: a.id,
  email: a.email,
  name: a.name,
  locale: null,
  isAdmin: false,
});

beforeAll(() => {
  const sqlite = new Database(databaseFile(process.env.DATABASE_URL!));
  sqlite.pragma("foreign_keys = ON");
  world = seedBench(sqlite, SIZES, "not-a-real-hash");
  bigId = (
    sqlite.prepare(`SELECT "id" FROM "Platform" WHERE "slug" = ?`).get(world.bigSlug) as {
      id: string;
    }
  ).id;
  sqlite.close();
});

/** The page's data as text, to look for names in. */
function text(body: unknown): string {
  return typeof body === "string" ? body : JSON.stringify(body);
}

/**
 * How many of `names` the page shows (each as a whole JSON string), checked to be the whole
 * list or a bounded page of it, and at least a screenful.
 */
function expectListWindow(body: unknown, names: string[]) {
  const page = text(body);
  const shown = names.filter((n) => page.includes(JSON.stringify(n))).length;
  expect(shown).toBeGreaterThanOrEqual(Math.min(names.length, 10));
  if (shown !== names.length) expect(shown).toBeLessThanOrEqual(MAX_ROWS_PER_PAGE);
  return shown;
}

const bigMemberNames = async () =>
  (
    await db.membership.findMany({
      where: { platformId: bigId, status: "active" },
      select: { participant: { select: { name: true } } },
    })
  ).map((m) => m.participant.name);

describe("the benchmark's seed, small", () => {
  it("writes the sizes asked for", async () => {
    expect(await db.user.count()).toBe(SIZES.users);
    expect(await db.membership.count({ where: { platformId: bigId, status: "active" } })).toBe(
      SIZES.bigMembers,
    );
    expect(await db.meeting.count({ where: { platformId: bigId } })).toBe(SIZES.meetings);
    expect(await db.proposal.count({ where: { platformId: bigId } })).toBe(SIZES.proposals);
    expect(await db.ballot.count({ where: { vote: { platformId: bigId } } })).toBe(
      SIZES.openVotes * SIZES.ballotsPerOpenVote + SIZES.closedVotes * SIZES.ballotsPerClosedVote,
    );
    expect(await db.vote.count({ where: { platformId: bigId, closedAt: null } })).toBe(
      SIZES.openVotes,
    );
    expect(await db.course.count()).toBe(SIZES.courses);
    expect(await db.thread.count()).toBe(SIZES.threads);
    expect(await db.post.count({ where: { discussion: { hostType: "thread" } } })).toBe(
      SIZES.posts,
    );
    // A thread's first post is its body: every thread's discussion has posts.
    expect(await db.thread.count({ where: { discussion: { posts: { none: {} } } } })).toBe(0);
  });

  it("is deterministic: the same sizes give the same rows", () => {
    const a = new Database(":memory:");
    const b = new Database(":memory:");
    const source = new Database(databaseFile(process.env.DATABASE_URL!), { readonly: true });
    const schema = (
      source
        .prepare(
          `SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL`,
        )
        .all() as { sql: string }[]
    ).map((r) => r.sql);
    source.close();
    const small = { ...SIZES, users: 80, bigMembers: 40, smallMembers: 10, courses: 2 };
    const rows = (sqlite: Database.Database) => {
      for (const sql of schema) sqlite.exec(sql);
      seedBench(sqlite, small, "h", Date.UTC(2026, 10, 22));
      return sqlite.prepare(`SELECT * FROM "Ballot" ORDER BY "id"`).all();
    };
    expect(rows(a)).toEqual(rows(b));
  });

  it("home and platform page answer for a member", async () => {
    const member = as(world.accounts.member);
    const home = await getPage(homePage as Loader, "/", {}, member);
    expect(home.status).toBe(200);
    const platform = await getPage(
      platformPage as Loader,
      `/platforms/${world.bigSlug}`,
      { slug: world.bigSlug },
      member,
    );
    expect(platform.status).toBe(200);
    expect(text(platform.body)).toContain("Corredor Grande");
  });

  it("the proposal list shows all 40 proposals or a bounded page of them", async () => {
    const titles = (await db.proposal.findMany({ where: { platformId: bigId } })).map(
      (p) => p.title,
    );
    const result = await getPage(
      proposalsPage as Loader,
      `/platforms/${world.bigSlug}/proposals`,
      { slug: world.bigSlug },
      as(world.accounts.coordinator),
    );
    expect(result.status).toBe(200);
    expectListWindow(result.body, titles);
  });

  it("a proposal with its open vote shows the vote's options", async () => {
    const proposal = await db.proposal.findUniqueOrThrow({
      where: { id: world.proposalWithVoteId },
      include: { vote: { include: { options: true } } },
    });
    const result = await getPage(
      proposalPage as Loader,
      `/platforms/${world.bigSlug}/proposals/${proposal.id}`,
      { slug: world.bigSlug, proposalId: proposal.id },
      as(world.accounts.member),
    );
    expect(result.status).toBe(200);
    const page = text(result.body);
    expect(page).toContain(proposal.title);
    for (const option of proposal.vote!.options) expect(page).toContain(option.id);
  });

  it("the meeting list and a meeting page answer", async () => {
    const titles = (await db.meeting.findMany({ where: { platformId: bigId } })).map(
      (m) => m.title,
    );
    const list = await getPage(
      meetingsPage as Loader,
      `/platforms/${world.bigSlug}/meetings`,
      { slug: world.bigSlug },
      as(world.accounts.member),
    );
    expect(list.status).toBe(200);
    expectListWindow(list.body, titles);
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: world.upcomingMeetingId } });
    const page = await getPage(
      meetingPage as Loader,
      `/platforms/${world.bigSlug}/meetings/${meeting.id}`,
      { slug: world.bigSlug, meetingId: meeting.id },
      as(world.accounts.member),
    );
    expect(page.status).toBe(200);
    expect(text(page.body)).toContain(meeting.title);
  });

  it("today's attendance form answers the facilitator with the members, whole or paged", async () => {
    const result = await getPage(
      meetingAttendancePage as Loader,
      `/platforms/${world.bigSlug}/meetings/${world.todayMeetingId}/attendance`,
      { slug: world.bigSlug, meetingId: world.todayMeetingId },
      as(world.accounts.facilitator),
    );
    expect(result.status).toBe(200);
    expectListWindow(result.body, await bigMemberNames());
  });

  it("the member directory shows the 300 members or a bounded page of them", async () => {
    const result = await getPage(
      membersPage as Loader,
      `/platforms/${world.bigSlug}/members`,
      { slug: world.bigSlug },
      as(world.accounts.member),
    );
    expect(result.status).toBe(200);
    expectListWindow(result.body, await bigMemberNames());
  });

  it("the course page, its matrix and today's session attendance answer", async () => {
    const course = await db.course.findUniqueOrThrow({
      where: { id: world.courseId },
      include: { enrolments: { include: { participant: true } } },
    });
    const enrolled = course.enrolments.map((e) => e.participant.name);
    const page = await getPage(
      coursePage as Loader,
      `/courses/${course.id}`,
      { courseId: course.id },
      as(world.accounts.member),
    );
    expect(page.status).toBe(200);
    expect(text(page.body)).toContain(course.titleEs);
    const facilitator = as(world.accounts.facilitator);
    const matrix = await getPage(
      matrixPage as Loader,
      `/courses/${course.id}/matrix`,
      { courseId: course.id },
      facilitator,
    );
    expect(matrix.status).toBe(200);
    expectListWindow(matrix.body, enrolled);
    const attendance = await getPage(
      sessionAttendancePage as Loader,
      `/courses/${course.id}/sessions/${world.courseSessionId}/attendance`,
      { courseId: course.id, sessionId: world.courseSessionId },
      facilitator,
    );
    expect(attendance.status).toBe(200);
    expectListWindow(attendance.body, enrolled);
  });

  it.skipIf(!threadListRoute)("the forum thread list answers (once forums exist)", async () => {
    const { loader } = await threadListRoute!();
    const titles = (await db.thread.findMany({ where: { groupId: world.groupId } })).map(
      (t) => t.title,
    );
    const result = await getPage(
      loader,
      `/platforms/${world.bigSlug}/groups/${world.groupId}`,
      { slug: world.bigSlug, groupId: world.groupId },
      as(world.accounts.member),
    );
    expect(result.status).toBe(200);
    expectListWindow(result.body, titles);
  });

  it.skipIf(!threadRoute)(
    "a forum thread answers with its first post (once forums exist)",
    async () => {
      const { loader } = await threadRoute!();
      const thread = await db.thread.findUniqueOrThrow({
        where: { id: world.threadId },
        include: { discussion: { include: { posts: { orderBy: { createdAt: "asc" }, take: 1 } } } },
      });
      const result = await getPage(
        loader,
        `/platforms/${world.bigSlug}/groups/${world.groupId}/threads/${thread.id}`,
        { slug: world.bigSlug, groupId: world.groupId, threadId: thread.id },
        as(world.accounts.member),
      );
      expect(result.status).toBe(200);
      expect(text(result.body)).toContain(thread.title);
    },
  );
});
