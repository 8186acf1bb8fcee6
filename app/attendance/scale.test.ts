import { everyoneUnmarkedPresent } from "~/attendance/attendance.server";
import { ATTENDANCE_PAGE_SIZE } from "~/attendance/sheet.server";
import { db } from "~/db.server";
import { meetingHost } from "~/meetings/attendance.server";
import { getMeeting } from "~/meetings/meetings.server";
import { searchable } from "~/text/searchable";
import {
  action as attendanceAction,
  loader as attendanceLoader,
} from "~/routes/platforms.$slug.meetings.$meetingId.attendance";
import { analyzeAfterBulkLoad } from "~/test/postgresql";
import { getPage, postForm } from "~/test/routes";
import { addMember, makeMeeting, makePlatform, makeUser } from "~/test/world";

/**
 * The attendance form of an assembly on a platform of 2,000 members: one page of rows,
 * the expected first, searchable, and saving one mark writes one row.
 */
const MEMBERS = 2000;
/** Two facilitators, members of the platform too, so on the roster. */
const FACILITATORS = 2;
const COMMUNITIES = ["Sani Isla", "Dureno", "Limoncocha", "Pañacocha", "Sarayaku"];

type Row = { participantId: string; name: string; status: string | null; tier: string };
type Sheet = {
  roster: Row[];
  page: number;
  pages: number;
  matches: number;
  memberCount: number;
  unmarked: number;
  walkIns: { name: string }[];
};

let platform: Awaited<ReturnType<typeof makePlatform>>;
let facilitator: Awaited<ReturnType<typeof makeUser>>;
let secondFacilitator: Awaited<ReturnType<typeof makeUser>>;
let meetingId = "";
let path = "";
const rsvpYes = new Set<string>();
const regulars = new Set<string>();
const presentBefore = new Set<string>();
const marked = new Map<string, string>();

beforeAll(async () => {
  platform = await makePlatform();
  facilitator = await makeUser("Facilitadora");
  await addMember(facilitator, platform.id, "facilitator");
  secondFacilitator = await makeUser("Segunda facilitadora");
  await addMember(secondFacilitator, platform.id, "facilitator");
  // Written in bulk: 2,000 people with an account, a participant record and a membership.
  const people = Array.from({ length: MEMBERS }, (_, i) => {
    const name = `Persona ${String(i).padStart(4, "0")}`;
    const community = COMMUNITIES[i % COMMUNITIES.length];
    return { i, userId: `u-scale-${i}`, participantId: `p-scale-${i}`, name, community };
  });
  await db.user.createMany({
    data: people.map((p) => ({
      id: p.userId,
      email: `scale-${p.i}@example.org`,
      name: p.name,
      passwordHash: "x",
    })),
  });
  await db.participant.createMany({
    data: people.map((p) => ({
      id: p.participantId,
      userId: p.userId,
      name: p.name,
      community: p.community,
      searchText: searchable(`${p.name} ${p.community}`),
    })),
  });
  await db.membership.createMany({
    data: people.map((p) => ({
      id: `m-scale-${p.i}`,
      participantId: p.participantId,
      userId: p.userId,
      platformId: platform.id,
      status: "active",
    })),
  });
  await db.membershipPeriod.createMany({
    data: people.map((p) => ({
      membershipId: `m-scale-${p.i}`,
      platformId: platform.id,
      startedAt: new Date("2026-01-01T00:00:00Z"),
    })),
  });

  const meeting = await makeMeeting(platform.id);
  meetingId = meeting.id;
  path = `/platforms/${platform.slug}/meetings/${meetingId}/attendance`;
  // 45 said yes (more than a page), 200 came to an earlier assembly, 300 already marked here.
  for (const p of people.filter((p) => p.i % 40 === 7 || p.i === 1999)) {
    rsvpYes.add(p.participantId);
    await db.rsvp.create({ data: { meetingId, userId: p.userId, answer: "yes" } });
  }
  const earlier = await makeMeeting(platform.id, {
    startsAt: new Date(meeting.startsAt.getTime() - 30 * 24 * 3600_000),
    status: "held",
  });
  const cameBefore = people.filter((p) => p.i % 10 === 3);
  await db.attendance.createMany({
    data: cameBefore.map((p) => ({
      meetingId: earlier.id,
      participantId: p.participantId,
      status: "present",
    })),
  });
  for (const p of cameBefore) presentBefore.add(p.participantId);
  for (const p of cameBefore) if (!rsvpYes.has(p.participantId)) regulars.add(p.participantId);
  const already = people.filter((p) => p.i % 7 === 0).slice(0, 300);
  await db.attendance.createMany({
    data: already.map((p) => ({ meetingId, participantId: p.participantId, status: "absent" })),
  });
  for (const p of already) marked.set(p.participantId, "absent");
  await analyzeAfterBulkLoad(db);
}, 120_000);

async function load(query = "") {
  const result = await getPage(
    attendanceLoader,
    `${path}${query}`,
    {
      slug: platform.slug,
      meetingId,
    },
    facilitator,
  );
  expect(result.status).toBe(200);
  return result.body as Sheet;
}

describe("attendance on a platform of 2,000 members", () => {
  it("answers with one page of rows, the people who said yes first, then the regulars", async () => {
    const first = await load();
    expect(first.roster.length).toBeLessThanOrEqual(ATTENDANCE_PAGE_SIZE);
    expect(first.memberCount).toBe(MEMBERS + FACILITATORS);
    expect(first.pages).toBe(Math.ceil((MEMBERS + FACILITATORS) / ATTENDANCE_PAGE_SIZE));
    expect(first.roster.every((r) => rsvpYes.has(r.participantId))).toBe(true);
    expect(first.roster.every((r) => r.tier === "expected")).toBe(true);
    // The saved marks are shown, row by row, and counted on the whole roster.
    for (const r of first.roster) expect(r.status).toBe(marked.get(r.participantId) ?? null);
    expect(first.unmarked).toBe(MEMBERS + FACILITATORS - marked.size);

    const second = await load("?page=2");
    const tiers = second.roster.map((r) => r.tier);
    expect(tiers.slice(0, rsvpYes.size - ATTENDANCE_PAGE_SIZE).every((t) => t === "expected"));
    const regularRows = second.roster.filter((r) => r.tier === "regular");
    expect(regularRows.length).toBeGreaterThan(0);
    expect(regularRows.every((r) => regulars.has(r.participantId))).toBe(true);
    // Each person once, across the pages.
    const seen = new Set(first.roster.map((r) => r.participantId));
    for (const r of second.roster) expect(seen.has(r.participantId)).toBe(false);
  });

  it("puts everyone on exactly one page, the expected, then the regulars, then the rest, each by name", async () => {
    const first = await load();
    // Pages asked for out of order, as a facilitator jumping ahead would: a page past the
    // expected starts by counting them, one past the regulars by finding them.
    const order = Array.from({ length: first.pages }, (_, i) => i + 1).reverse();
    const pages = new Map<number, Row[]>();
    for (const n of order) pages.set(n, (await load(`?page=${n}`)).roster);
    const rows = [...pages.keys()].sort((a, b) => a - b).flatMap((n) => pages.get(n)!);
    expect(rows).toHaveLength(first.matches);
    expect(new Set(rows.map((r) => r.participantId)).size).toBe(first.matches);
    const rank = { expected: 0, regular: 1, others: 2 } as Record<string, number>;
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      expect(rank[a.tier] <= rank[b.tier]).toBe(true);
      if (a.tier === b.tier) expect(a.name.localeCompare(b.name) <= 0).toBe(true);
    }
    const inTier = (tier: string) =>
      new Set(rows.filter((r) => r.tier === tier).map((r) => r.participantId));
    expect(inTier("expected")).toEqual(rsvpYes);
    expect(inTier("regular")).toEqual(regulars);
  });

  it("finds people by name or community, accents and case aside, a page at a time", async () => {
    const byCommunity = await load("?q=PANACOCHA");
    expect(byCommunity.matches).toBe(MEMBERS / COMMUNITIES.length);
    expect(byCommunity.roster).toHaveLength(ATTENDANCE_PAGE_SIZE);
    const byName = await load(`?q=${encodeURIComponent("persona 1234")}`);
    expect(byName.roster.map((r) => r.name)).toEqual(["Persona 1234"]);
  });

  it("loads the form well under a second (generous bound: 300 ms)", async () => {
    await load();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await load("?page=40");
      times.push(performance.now() - started);
    }
    // The fastest of five: the machine's CPU may be shared; the bound is about the work done.
    expect(Math.min(...times)).toBeLessThan(300);
  });

  it("saving the rows on screen with one mark changed writes one row and one audit entry", async () => {
    const sheet = await load("?page=3");
    // What the browser sends: every row on screen with its checked status, one changed.
    const fields: Record<string, string> = { _form: "attendance", intent: "attendance" };
    for (const r of sheet.roster) if (r.status) fields[`status.${r.participantId}`] = r.status;
    const target = sheet.roster.find((r) => !r.status)!;
    fields[`status.${target.participantId}`] = "present";
    expect(Object.keys(fields).length).toBeGreaterThan(3);
    const [rowsBefore, auditBefore, latestBefore] = await Promise.all([
      db.attendance.count({ where: { meetingId } }),
      db.auditEvent.count({ where: { entityId: meetingId } }),
      db.attendance.aggregate({ where: { meetingId }, _max: { updatedAt: true } }),
    ]);
    const result = await postForm(
      attendanceAction,
      `${path}?page=3`,
      { slug: platform.slug, meetingId },
      facilitator,
      fields,
    );
    expect(result.status).toBe(302);
    expect(result.location).toContain("page=3");
    expect(await db.attendance.count({ where: { meetingId } })).toBe(rowsBefore + 1);
    expect(await db.auditEvent.count({ where: { entityId: meetingId } })).toBe(auditBefore + 1);
    // No other row was touched.
    const touched = await db.attendance.findMany({
      where: { meetingId, updatedAt: { gt: latestBefore._max.updatedAt! } },
      select: { participantId: true },
    });
    expect(touched.map((t) => t.participantId)).toEqual([target.participantId]);
    marked.set(target.participantId, "present");
  });

  it("writes only what was changed on screen: a correction made meanwhile by another facilitator stays", async () => {
    const sheet = await load("?page=4");
    const already = sheet.roster.filter((r) => r.status);
    expect(already.length).toBeGreaterThan(1);
    const [corrected, other] = already;
    const target = sheet.roster.find((r) => !r.status)!;
    // Meanwhile, at the other door, a second facilitator corrects one of those marks.
    const second = secondFacilitator;
    const params = { slug: platform.slug, meetingId };
    const correction = await postForm(attendanceAction, `${path}?page=4`, params, second, {
      _form: "attendance",
      intent: "attendance",
      [`status.${corrected.participantId}`]: "excused",
      [`shown.${corrected.participantId}`]: corrected.status!,
    });
    expect(correction.status).toBe(302);
    // The first screen, drawn before the correction, sends every row of its page as a browser
    // without JavaScript does: each checked status and the status each row showed.
    const fields: Record<string, string> = { _form: "attendance", intent: "attendance" };
    for (const r of already) {
      fields[`status.${r.participantId}`] = r.status!;
      fields[`shown.${r.participantId}`] = r.status!;
    }
    fields[`status.${target.participantId}`] = "present";
    fields[`status.${other.participantId}`] = "excused";
    const result = await postForm(attendanceAction, `${path}?page=4`, params, facilitator, fields);
    expect(result.status).toBe(302);
    const stored = new Map(
      (
        await db.attendance.findMany({
          where: {
            meetingId,
            participantId: {
              in: [corrected.participantId, other.participantId, target.participantId],
            },
          },
        })
      ).map((a) => [a.participantId, a.status]),
    );
    expect(stored.get(corrected.participantId)).toBe("excused");
    expect(stored.get(other.participantId)).toBe("excused");
    expect(stored.get(target.participantId)).toBe("present");
    marked.set(target.participantId, "present");
  });

  it("'next page' saves the marks on screen on the way, then shows that page", async () => {
    const sheet = await load("?q=dureno&page=2");
    const target = sheet.roster.find((r) => !r.status)!;
    const result = await postForm(
      attendanceAction,
      `${path}?q=dureno&page=2`,
      { slug: platform.slug, meetingId },
      facilitator,
      { _form: "attendance", goto: "3", [`status.${target.participantId}`]: "excused" },
    );
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/platforms\/.+\/attendance\?q=dureno&page=3$/);
    const stored = await db.attendance.findFirst({
      where: { meetingId, participantId: target.participantId },
    });
    expect(stored?.status).toBe("excused");
    marked.set(target.participantId, "excused");
  });

  it("another page of the walk-ins saves the marks on screen on the way; a new walk-in goes back to the first", async () => {
    const sheet = await load("?q=dureno&page=2");
    const target = sheet.roster.find((r) => !r.status)!;
    const turned = await postForm(
      attendanceAction,
      `${path}?q=dureno&page=2`,
      { slug: platform.slug, meetingId },
      facilitator,
      { _form: "attendance", gotoWalkIns: "2", [`status.${target.participantId}`]: "absent" },
    );
    expect(turned.status).toBe(302);
    expect(turned.location).toMatch(/^\/platforms\/.+\/attendance\?q=dureno&page=2&walkins=2$/);
    const stored = await db.attendance.findFirst({
      where: { meetingId, participantId: target.participantId },
    });
    expect(stored?.status).toBe("absent");
    marked.set(target.participantId, "absent");
    // The latest walk-ins are listed first: whoever is added shows on the first page.
    const added = await postForm(
      attendanceAction,
      `${path}?q=dureno&page=2&walkins=2`,
      { slug: platform.slug, meetingId },
      facilitator,
      { _form: "attendance", intent: "walkIn", name: "Visitante de Dureno" },
    );
    expect(added.location).toMatch(/^\/platforms\/.+\/attendance\?q=dureno&page=2$/);
    const after = await load("?q=dureno&page=2");
    expect(after.walkIns[0]?.name).toBe("Visitante de Dureno");
  });

  it("'mark everyone present' still means the whole roster, not the page on screen", async () => {
    const meeting = await getMeeting(platform.id, meetingId);
    const statuses = await everyoneUnmarkedPresent(db, meetingHost(meeting), {}, new Date());
    expect(Object.keys(statuses)).toHaveLength(MEMBERS + FACILITATORS - marked.size);
    expect(Object.values(statuses).every((s) => s === "present")).toBe(true);
  });

  it("'mark everyone present' marks the whole roster with one audit entry a person, well under a second", async () => {
    // A correction on screen rides along: the one person marked absent stays absent.
    const sheet = await load("?page=2");
    const absent = sheet.roster.find((r) => !r.status)!;
    const members = { meetingId, walkIn: false };
    const counts = async () => {
      const rows = await db.attendance.groupBy({
        by: ["status"],
        where: members,
        _count: { _all: true },
      });
      const of = (status: string) => rows.find((r) => r.status === status)?._count._all ?? 0;
      return {
        rows: rows.reduce((n, r) => n + r._count._all, 0),
        absent: of("absent"),
        audit: await db.auditEvent.count({ where: { entityId: meetingId } }),
      };
    };
    const before = await counts();
    const started = performance.now();
    const result = await postForm(
      attendanceAction,
      `${path}?page=2`,
      { slug: platform.slug, meetingId },
      facilitator,
      {
        _form: "attendance",
        intent: "markAllPresent",
        [`status.${absent.participantId}`]: "absent",
      },
    );
    const took = performance.now() - started;
    expect(result.status).toBe(302);
    const after = await counts();
    // Everyone on the roster has a mark now; the marks already stored were left as they were.
    expect(after.rows).toBe(MEMBERS + FACILITATORS);
    expect(after.absent).toBe(before.absent + 1);
    // One audit entry a mark written, the absent one among them.
    expect(after.audit - before.audit).toBe(after.rows - before.rows);
    expect(
      await db.auditEvent.count({
        where: {
          entityId: meetingId,
          action: "attendance.recorded",
          details: { contains: `"participantId":"${absent.participantId}"` },
        },
      }),
    ).toBe(1);
    console.log(
      `mark everyone present: ${after.rows - before.rows} marks in ${took.toFixed(0)} ms`,
    );
    // Generous bound for a shared CI machine (measured in the note of issue 11).
    expect(took).toBeLessThan(2000);
  });
});
