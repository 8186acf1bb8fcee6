import Papa from "papaparse";
import * as adminReport from "~/routes/admin.reports";
import * as adminReportCsv from "~/routes/admin.reports[.csv]";
import * as platformReport from "~/routes/platforms.$slug.reports";
import * as platformReportCsv from "~/routes/platforms.$slug.reports[.csv]";
import { type CallResult, getPage, isDenied } from "~/test/routes";
import { ROLE_NAMES, type RoleName, makeWorld } from "~/test/world";

type World = Awaited<ReturnType<typeof makeWorld>>;

const PAGES: {
  name: string;
  allowed: RoleName[];
  run: (w: World, r: RoleName) => Promise<CallResult>;
}[] = [
  {
    name: "a platform's participation report",
    allowed: ["coordinator", "admin"],
    run: (w, r) =>
      getPage(
        platformReport.loader,
        `/platforms/${w.platform.slug}/reports`,
        { slug: w.platform.slug },
        w.users[r],
      ),
  },
  {
    name: "its CSV",
    allowed: ["coordinator", "admin"],
    run: (w, r) =>
      getPage(
        platformReportCsv.loader,
        `/platforms/${w.platform.slug}/reports.csv`,
        { slug: w.platform.slug },
        w.users[r],
      ),
  },
  {
    name: "the report across all platforms",
    allowed: ["admin"],
    run: (w, r) => getPage(adminReport.loader, "/admin/reports", {}, w.users[r]),
  },
  {
    name: "its CSV",
    allowed: ["admin"],
    run: (w, r) => getPage(adminReportCsv.loader, "/admin/reports.csv", {}, w.users[r]),
  },
];

describe("participation reports: who may read them", () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });
  for (const page of PAGES) {
    for (const role of ROLE_NAMES) {
      const allowed = page.allowed.includes(role);
      it(`${page.name}: ${role} ${allowed ? "reads it" : "is refused"}`, async () => {
        const result = await page.run(world, role);
        if (allowed) expect(result.status).toBe(200);
        else expect(isDenied(result)).toBe(true);
      });
    }
  }

  it("refuses a bad period beside the field and keeps it, and the CSV answers 400", async () => {
    const path = `/platforms/${world.platform.slug}/reports?from=2026-05-01&to=2026-04-01`;
    const page = await getPage(
      platformReport.loader,
      path,
      { slug: world.platform.slug },
      world.users.coordinator,
    );
    expect(page.body).toMatchObject({
      form: {
        values: { from: "2026-05-01", to: "2026-04-01" },
        errors: { to: "reports:errors.toBeforeFrom" },
      },
      report: null,
    });
    const csv = await getPage(
      platformReportCsv.loader,
      path.replace("/reports?", "/reports.csv?"),
      { slug: world.platform.slug },
      world.users.coordinator,
    );
    expect(csv.status).toBe(400);
  });

  it("exports the figures the page shows, as a spreadsheet reads them", async () => {
    const page = await getPage(
      platformReport.loader,
      `/platforms/${world.platform.slug}/reports`,
      { slug: world.platform.slug },
      world.users.coordinator,
    );
    const csv = await getPage(
      platformReportCsv.loader,
      `/platforms/${world.platform.slug}/reports.csv`,
      { slug: world.platform.slug },
      world.users.coordinator,
    );
    // (Response.text() drops the BOM; app/http/csv.test.ts checks it is written.)
    const rows = Papa.parse<string[]>(String(csv.body), { skipEmptyLines: true }).data;
    // An empty platform: every count is under five and reads "< 5", never 0.
    const report = (page.body as { report: { rows: { anyActivity: { total: number | null } } } })
      .report;
    expect(report.rows.anyActivity.total).toBeNull();
    const any = rows.find((r) => r[1] === "Cualquier actividad" && r[2] === "");
    expect(any?.[4]).toBe("< 5");
    expect(rows.flat()).not.toContain("0");
  });
});
