import { AUDIT_ACTIONS, type AuditAction } from "./actions";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { db } from "~/db.server";
import * as adminAudit from "~/routes/admin.audit";
import * as platformAudit from "~/routes/platforms.$slug.audit";
import { getPage, isDenied } from "~/test/routes";
import { ROLE_NAMES, makeMembership, makePlatform, makeUser, makeWorld } from "~/test/world";
import { auditCursorFrom } from "./audit-log.server";
import { recordAudit } from "./audit.server";

type Log = {
  log: {
    total: number;
    errors: Record<string, string>;
    actions: string[];
    events: { action: string; when: string; actor: string | null; platform: string | null }[];
  };
};

describe("reading the audit log", () => {
  it("lets administrators read everything and coordinators their own platform only", async () => {
    const w = await makeWorld();
    const expected: Record<string, boolean> = { admin: true, coordinator: true };
    for (const role of ROLE_NAMES) {
      const page = await getPage(
        platformAudit.loader,
        `/platforms/${w.platform.slug}/audit`,
        { slug: w.platform.slug },
        w.users[role],
      );
      if (expected[role]) expect(page.status, role).toBe(200);
      else expect(isDenied(page), role).toBe(true);
      const all = await getPage(adminAudit.loader, "/admin/audit", {}, w.users[role]);
      if (role === "admin") expect(all.status).toBe(200);
      else expect(isDenied(all), role).toBe(true);
    }
  });

  it("filters by platform, action, person and date, in the platform's time zone", async () => {
    const admin = await makeUser("Admin", true);
    const lima = await makePlatform({ timeZone: "America/Lima" });
    const other = await makePlatform();
    const coordinator = await makeUser("Quispe Coordinadora");
    await makeMembership(coordinator, lima.id, { role: "coordinator", status: "active" });
    const at = new Date("2031-03-10T04:30:00Z"); // 23:30 on 9 March in Lima
    const write = (
      platformId: string,
      action: AuditAction,
      actorId: string | null,
      createdAt = at,
    ) =>
      db.$transaction(async (tx) => {
        await recordAudit(tx, { actorId, action, entityType: "Test", entityId: "1", platformId });
        await tx.auditEvent.updateMany({ where: { action, platformId }, data: { createdAt } });
      });
    await write(lima.id, "meeting.scheduled", coordinator.id);
    await write(lima.id, "meeting.cancelled", null, new Date("2031-03-12T15:00:00Z"));
    await write(other.id, "platform.updated", admin.id);

    const read = async (query: string, user = coordinator) =>
      (
        await getPage(
          platformAudit.loader,
          `/platforms/${lima.slug}/audit?${query}`,
          { slug: lima.slug },
          user,
        )
      ).body as Log;
    const everything = await read("");
    expect(everything.log.events.map((e) => e.action).sort()).toEqual([
      "meeting.cancelled",
      "meeting.scheduled",
    ]);
    // Another platform's entries never show, whatever the coordinator asks for.
    expect((await read(`platform=${other.slug}`)).log.events.map((e) => e.action)).not.toContain(
      "platform.updated",
    );
    expect((await read("action=meeting.scheduled")).log.total).toBe(1);
    expect((await read("person=quispe")).log.events.map((e) => e.action)).toEqual([
      "meeting.scheduled",
    ]);
    // Dates are the platform's days: 23:30 on 9 March in Lima, 04:30 on the 10th in UTC.
    expect((await read("from=2031-03-09&to=2031-03-09")).log.events.map((e) => e.action)).toEqual([
      "meeting.scheduled",
    ]);
    expect((await read("from=2031-03-10&to=2031-03-11")).log.total).toBe(0);
    expect((await read("from=ayer")).log.errors).toEqual({ from: "admin:audit.errors.date" });
    expect(everything.log.events.find((e) => e.action === "meeting.scheduled")?.when).toMatch(
      /9 de marzo de 2031, 11:30/,
    );

    const asAdmin = (
      await getPage(adminAudit.loader, `/admin/audit?platform=${other.slug}`, {}, admin)
    ).body as Log;
    expect(asAdmin.log.events.map((e) => e.action)).toEqual(["platform.updated"]);
    expect(asAdmin.log.events[0].platform).toBe(other.name);
  });

  it("names every kind of entry in both languages, and offers a platform's filter only its own kinds", async () => {
    for (const lng of ["es", "en"]) {
      const labels = JSON.parse(readFileSync(`locales/${lng}/admin.json`, "utf8")).actions;
      const named = Object.entries(labels as Record<string, Record<string, string>>).flatMap(
        ([kind, actions]) => Object.keys(actions).map((a) => `${kind}.${a}`),
      );
      expect(named.sort()).toEqual([...AUDIT_ACTIONS].sort());
    }
    const platform = await makePlatform();
    const coordinator = await makeUser("Coordinadora del filtro");
    await makeMembership(coordinator, platform.id, { role: "coordinator", status: "active" });
    const page = await getPage(
      platformAudit.loader,
      `/platforms/${platform.slug}/audit`,
      { slug: platform.slug },
      coordinator,
    );
    const offered = (page.body as Log).log.actions;
    expect(offered).toContain("attendance.recorded");
    expect(offered).toContain("group.created");
    // What happens inside the groups is the group's own.
    expect(offered.filter((a) => a.startsWith("thread.") || a.startsWith("groupMember."))).toEqual(
      [],
    );
  });

  it("is append-only: no code updates or deletes an entry", () => {
    // One exception: erasing an account cuts who did it (decision 024), marking the entries
    // of a person whose identity goes; what was done stays as written.
    const erasure = path.resolve("app/privacy/erase.server.ts");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) {
          const text = readFileSync(file, "utf8");
          const allowed =
            file === erasure
              ? [/auditEvent\.updateMany\(\{[^}]*\}, data: \{ actorErased: true \} \}\)/g]
              : [];
          const rest = allowed.reduce((t, r) => t.replace(r, ""), text);
          if (/auditEvent\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b/.test(rest))
            offenders.push(file);
        }
      }
    };
    walk(path.resolve("app"));
    expect(offenders).toEqual([]);
  });

  describe("its cursor", () => {
    it.each([
      ["older=1790000000000.cabc123", { direction: "older", id: "cabc123" }],
      ["newer=0.x", { direction: "newer", id: "x" }],
      ["older=", null],
      ["older=12.a%20b", null],
      ["older=abc.def", null],
      ["older=1234567890123456.a", null],
      ["newer=1." + "a".repeat(41), null],
    ])("reads the audit log's cursor %s", (query, expected) => {
      const cursor = auditCursorFrom(new URLSearchParams(query));
      if (expected === null) expect(cursor).toBeNull();
      else expect(cursor).toMatchObject(expected);
    });
  });
});
