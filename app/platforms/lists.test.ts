import { db } from "~/db.server";
import { loader as auditLoader } from "~/routes/admin.audit";
import { loader as meetingsLoader } from "~/routes/platforms.$slug.meetings._index";
import { loader as membersLoader } from "~/routes/platforms.$slug.members";
import { loader as platformLoader } from "~/routes/platforms.$slug._index";
import { loader as proposalsLoader } from "~/routes/platforms.$slug.proposals._index";
import { getPage } from "~/test/routes";
import { addMember, makeMembership, makeMeeting, makePlatform, makeUser } from "~/test/world";

/**
 * Every list of a platform is paged by the database, 20 a page, in a stable order (rows that
 * tie on the sort column never show twice or go missing), with its filters kept.
 */

type Page<K extends string> = Record<K, { id: string }[]> & { page: number; pages: number };

/** Reads every page through the route's loader; returns the ids in order. */
async function allPages(
  loader: Parameters<typeof getPage>[0],
  path: (page: number) => string,
  params: Record<string, string>,
  user: Parameters<typeof getPage>[3],
  read: (body: unknown) => { ids: string[]; page: number; pages: number },
) {
  const ids: string[] = [];
  const sizes: number[] = [];
  let pages = 1;
  for (let n = 1; n <= pages; n++) {
    const result = await getPage(loader, path(n), params, user);
    expect(result.status).toBe(200);
    const got = read(result.body);
    expect(got.page).toBe(n);
    pages = got.pages;
    sizes.push(got.ids.length);
    ids.push(...got.ids);
  }
  return { ids, sizes, pages };
}

describe("the proposal list", () => {
  it("pages 45 proposals changed at the same instant, 20 a page, each once, the search kept", async () => {
    const platform = await makePlatform();
    const author = await makeUser("Autora");
    await addMember(author, platform.id);
    const same = new Date("2026-10-01T10:00:00Z");
    for (let i = 0; i < 45; i++) {
      await db.proposal.create({
        data: {
          platformId: platform.id,
          authorId: author.id,
          title: `Propuesta ${i}`,
          summary: i % 3 === 0 ? "agua potable" : "caminos",
          searchText: i % 3 === 0 ? "agua potable" : "caminos",
          state: "discussion",
          updatedAt: same,
        },
      });
    }
    const params = { slug: platform.slug };
    const read = (body: unknown) => {
      const b = body as Page<"proposals">;
      return { ids: b.proposals.map((p) => p.id), page: b.page, pages: b.pages };
    };
    const all = await allPages(
      proposalsLoader,
      (n) => `/platforms/${platform.slug}/proposals?page=${n}`,
      params,
      author,
      read,
    );
    expect(all.sizes).toEqual([20, 20, 5]);
    expect(new Set(all.ids).size).toBe(45);

    const water = await allPages(
      proposalsLoader,
      (n) => `/platforms/${platform.slug}/proposals?q=agua&state=discussion&page=${n}`,
      params,
      author,
      read,
    );
    expect(water.sizes).toEqual([15]);
    // A page past the end shows the last one rather than an empty list.
    const past = await getPage(
      proposalsLoader,
      `/platforms/${platform.slug}/proposals?page=9`,
      params,
      author,
    );
    expect(read(past.body)).toMatchObject({ page: 3, pages: 3 });
  });
});

describe("the meeting list", () => {
  it("pages upcoming and past meetings separately, each in date order", async () => {
    const platform = await makePlatform();
    const member = await makeUser("Miembro");
    await addMember(member, platform.id);
    const day = 24 * 3600_000;
    const soon = Date.now() + day;
    // 25 to come, two of them at the same minute; 22 over; one held ahead of its end.
    for (let i = 0; i < 25; i++)
      await makeMeeting(platform.id, { startsAt: new Date(soon + Math.max(i, 1) * day) });
    for (let i = 1; i <= 22; i++)
      await makeMeeting(platform.id, { startsAt: new Date(Date.now() - i * day), status: "held" });
    const heldEarly = await makeMeeting(platform.id, {
      startsAt: new Date(Date.now() - 3600_000),
      status: "held",
    });
    const params = { slug: platform.slug };
    type Body = {
      upcoming: { id: string; startsAt: string }[];
      past: { id: string; startsAt: string }[];
      upcomingPage: { page: number; pages: number };
      pastPage: { page: number; pages: number };
    };
    const upcoming = await allPages(
      meetingsLoader,
      (n) => `/platforms/${platform.slug}/meetings?page=${n}`,
      params,
      member,
      (body) => {
        const b = body as Body;
        return { ids: b.upcoming.map((m) => m.id), ...b.upcomingPage };
      },
    );
    expect(upcoming.sizes).toEqual([20, 5]);
    expect(new Set(upcoming.ids).size).toBe(25);
    const past = await allPages(
      meetingsLoader,
      (n) => `/platforms/${platform.slug}/meetings?past=${n}`,
      params,
      member,
      (body) => {
        const b = body as Body;
        return { ids: b.past.map((m) => m.id), ...b.pastPage };
      },
    );
    expect(past.sizes).toEqual([20, 3]);
    // The held one comes first among the past, the most recent.
    expect(past.ids[0]).toBe(heldEarly.id);
    expect(new Set(past.ids).size).toBe(23);

    // The platform page reads only the first five to come.
    const home = await getPage(platformLoader, `/platforms/${platform.slug}`, params, member);
    const shown = (home.body as { upcoming: { id: string }[] }).upcoming.map((m) => m.id);
    expect(shown).toEqual(upcoming.ids.slice(0, 5));
  });
});

describe("the member directory and the requests to join", () => {
  it("page 45 members by name, searchable by name or community, and 25 requests", async () => {
    const platform = await makePlatform();
    const coordinator = await makeUser("Coordinadora");
    await addMember(coordinator, platform.id, "coordinator");
    for (let i = 0; i < 44; i++) {
      // Many people share a name: the order must still be stable.
      const user = await makeUser(i % 2 === 0 ? "Ana" : "Luis");
      await addMember(user, platform.id);
      if (i < 6) {
        await db.participant.update({
          where: { userId: user.id },
          data: { community: "Río Aguarico", searchText: `${i} rio aguarico` },
        });
      }
    }
    for (let i = 0; i < 25; i++) {
      const user = await makeUser(`Solicitante ${i}`);
      await makeMembership(user, platform.id, { status: "pending" });
    }
    const params = { slug: platform.slug };
    type Body = {
      members: { membershipId: string }[];
      membersPage: { page: number; pages: number; total: number };
      pending: { membershipId: string }[];
      pendingPage: { page: number; pages: number; total: number };
    };
    const members = await allPages(
      membersLoader,
      (n) => `/platforms/${platform.slug}/members?page=${n}`,
      params,
      coordinator,
      (body) => {
        const b = body as Body;
        return { ids: b.members.map((m) => m.membershipId), ...b.membersPage };
      },
    );
    expect(members.sizes).toEqual([20, 20, 5]);
    expect(new Set(members.ids).size).toBe(45);
    // A page past the end shows the last one.
    const past = (
      await getPage(
        membersLoader,
        `/platforms/${platform.slug}/members?page=9`,
        params,
        coordinator,
      )
    ).body as Body;
    expect(past.membersPage).toEqual({ page: 3, pages: 3, total: 45 });
    expect(past.members.map((m) => m.membershipId)).toEqual(members.ids.slice(40));

    const byCommunity = await getPage(
      membersLoader,
      `/platforms/${platform.slug}/members?q=RÍO`,
      params,
      coordinator,
    );
    expect((byCommunity.body as Body).membersPage.total).toBe(6);
    const byName = await getPage(
      membersLoader,
      `/platforms/${platform.slug}/members?q=luis`,
      params,
      coordinator,
    );
    expect((byName.body as Body).membersPage).toMatchObject({ total: 22, pages: 2 });

    const requests = await allPages(
      membersLoader,
      (n) => `/platforms/${platform.slug}/members?requests=${n}`,
      params,
      coordinator,
      (body) => {
        const b = body as Body;
        return { ids: b.pending.map((m) => m.membershipId), ...b.pendingPage };
      },
    );
    expect(requests.sizes).toEqual([20, 5]);
    expect(new Set(requests.ids).size).toBe(25);
  });
});

describe("the audit log", () => {
  type Log = {
    log: {
      events: { id: string }[];
      newer: string | null;
      older: string | null;
      total: number;
      moreThanTotal: boolean;
    };
  };
  const read = async (path: string, user: Parameters<typeof getPage>[3]) => {
    const result = await getPage(auditLoader, path, {}, user);
    expect(result.status).toBe(200);
    return (result.body as Log).log;
  };

  it("pages 50 entries at a time from older to newer, stable when entries share a millisecond", async () => {
    const admin = await makeUser("Admin", true);
    const before = await db.auditEvent.count();
    const same = new Date("2030-01-01T00:00:00Z");
    await db.auditEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        action: "test.event",
        entityType: "Test",
        entityId: String(i),
        createdAt: same,
      })),
    });
    // Older and older, to the end: every entry once, in the log's order.
    const pages: string[][] = [];
    let path = "/admin/audit?action=";
    for (;;) {
      const log = await read(path, admin);
      pages.push(log.events.map((e) => e.id));
      expect(log.newer === null).toBe(pages.length === 1);
      if (!log.older) break;
      expect(log.older).toBe(`${same.getTime()}.${pages.at(-1)!.at(-1)}`);
      path = `/admin/audit?action=&older=${log.older}`;
    }
    const ids = pages.flat();
    expect(pages.slice(0, 2).map((p) => p.length)).toEqual([50, 50]);
    expect(ids).toHaveLength(before + 120);
    expect(new Set(ids).size).toBe(before + 120);
    // …and back newer, page by page: the same pages, newest first within each.
    let back = await read(path, admin);
    for (let n = pages.length - 1; n > 0; n--) {
      expect(back.newer).not.toBeNull();
      back = await read(`/admin/audit?action=&newer=${back.newer}`, admin);
      expect(back.events.map((e) => e.id)).toEqual(pages[n - 1]);
    }
    expect(back.newer).toBeNull();
    // A cursor that is not one reads the first page, and so does one with nothing past it.
    expect((await read("/admin/audit?older=x.1", admin)).events.map((e) => e.id)).toEqual(pages[0]);
    const pastTheEnd = await read("/admin/audit?action=&older=1.a", admin);
    expect([pastTheEnd.events.map((e) => e.id), pastTheEnd.newer]).toEqual([pages[0], null]);
  });

  it("counts at most 1,000 matching entries and says there are more", async () => {
    const admin = await makeUser("Admin", true);
    const platform = await makePlatform();
    const entry = (i: number) => ({
      action: "meeting.scheduled",
      entityType: "Test",
      entityId: String(i),
      platformId: platform.id,
    });
    await db.auditEvent.createMany({ data: Array.from({ length: 1_000 }, (_, i) => entry(i)) });
    const exactly = await read(`/admin/audit?platform=${platform.slug}`, admin);
    expect([exactly.total, exactly.moreThanTotal]).toEqual([1_000, false]);
    await db.auditEvent.create({ data: entry(1_000) });
    const more = await read(`/admin/audit?platform=${platform.slug}`, admin);
    expect([more.total, more.moreThanTotal, more.events.length]).toEqual([1_000, true, 50]);
  });
});
