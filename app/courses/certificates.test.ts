import Papa from "papaparse";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import * as closeRoute from "~/routes/courses.$courseId.close";
import * as certificatesRoute from "~/routes/courses.$courseId.certificates._index";
import * as certificateRoute from "~/routes/courses.$courseId.certificates.$certificateId";
import * as matrixRoute from "~/routes/courses.$courseId.matrix";
import * as csvRoute from "~/routes/courses.$courseId.matrix[.csv]";
import * as progressRoute from "~/routes/courses.$courseId.progress";
import * as verifyRoute from "~/routes/certificates.$code";
import { getPage, postForm } from "~/test/routes";
import { enrolDirectly, makeCourse, makeUser, makeWorld } from "~/test/world";
import { courseWithAttendance } from "./certificates.fixtures";
import {
  closeCourse,
  closingPreview,
  courseCertificates,
  newCertificateCode,
  normalizeCode,
  revokeCertificate,
} from "./certificates.server";
import { courseMatrix } from "./progress.server";
import { QR_MARGIN, qrModules, qrSvg } from "./qr.server";

const CODE = /^[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{5}-[A-Z2-7]{6}$/;

async function closed() {
  const world = await makeWorld();
  const setup = await courseWithAttendance(world.platform.id);
  const outcome = await closeCourse(world.users.facilitator!, setup.course.id);
  if (!outcome.ok) throw new Error("close refused");
  return { world, ...setup, issued: outcome.value.issued };
}

describe("closing a course", () => {
  it("issues exactly the qualifying certificates, with name, hours, attended and counted", async () => {
    const { course, p, issued, world } = await closed();
    const certs = await db.certificate.findMany({ where: { courseId: course.id } });
    expect(certs.map((c) => c.participantId).sort()).toEqual(
      [p.ana, p.carla, p.dario, p.walkIn].sort(),
    );
    expect(issued.sort()).toEqual(certs.map((c) => c.id).sort());
    const ana = certs.find((c) => c.participantId === p.ana)!;
    expect([ana.name, ana.hours, ana.attended, ana.counted]).toEqual(["Ana Grefa", 9, 3, 4]);
    const dario = certs.find((c) => c.participantId === p.dario)!;
    expect([dario.attended, dario.counted, dario.hours]).toEqual([2, 2, 6]);
    const after = await db.course.findUniqueOrThrow({ where: { id: course.id } });
    expect(after.status).toBe("closed");
    expect(after.closedById).toBe(world.users.facilitator!.id);
    expect(after.closedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { platformId: world.platform.id } });
    expect(audit.filter((a) => a.action === "course.closed").map((a) => a.entityId)).toEqual([
      course.id,
    ]);
    expect(
      audit
        .filter((a) => a.action === "certificate.issued")
        .map((a) => a.entityId)
        .sort(),
    ).toEqual(certs.map((c) => c.id).sort());
  });

  it("codes are 128-bit base 32, grouped, and all different", async () => {
    const { course } = await closed();
    const codes = (await db.certificate.findMany({ where: { courseId: course.id } })).map(
      (c) => c.code,
    );
    for (const c of codes) expect(c).toMatch(CODE);
    const many = new Set(Array.from({ length: 2000 }, newCertificateCode));
    expect(many.size).toBe(2000);
    for (const c of many) expect(c).toMatch(CODE);
    // 26 base-32 characters hold 130 bits: the last one carries the last 3 of the 128.
    expect(new Set([...many].map((c) => c.at(-1)))).not.toContain("Z");
  });

  it("closing twice is refused with a message, and nothing more is issued", async () => {
    const { course, world } = await closed();
    const before = await db.certificate.count();
    const again = await postForm(
      closeRoute.action,
      `/courses/${course.id}/close`,
      { courseId: course.id },
      world.users.coordinator,
      {},
    );
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ formErrors: ["certificates:close.alreadyClosed"] });
    expect(await db.certificate.count()).toBe(before);
  });

  it("only a published course closes (a draft is refused)", async () => {
    const world = await makeWorld();
    const course = await makeCourse(world.platform.id, { status: "draft" });
    const outcome = await closeCourse(world.users.admin!, course.id);
    expect(outcome.ok).toBe(false);
    expect((await db.course.findUniqueOrThrow({ where: { id: course.id } })).status).toBe("draft");
  });

  it("the confirmation page lists who will and will not receive a certificate", async () => {
    const world = await makeWorld();
    const { course } = await courseWithAttendance(world.platform.id);
    const page = await getPage(
      closeRoute.loader,
      `/courses/${course.id}/close`,
      { courseId: course.id },
      world.users.facilitator,
    );
    type List = { total: number; pages: number; people: { name: string }[] };
    const body = page.body as { qualifying: List; others: List };
    expect(body.qualifying.people.map((q) => q.name)).toEqual([
      "Ana Grefa",
      "Carla Tapuy",
      "Darío Andi",
      "Fabiola Ñaupari",
    ]);
    expect(body.qualifying.total).toBe(4);
    expect(body.others.people.map((q) => q.name)).toEqual(["Beto Shiguango", "Ema Cerda"]);
    expect(body.others.total).toBe(2);
  });

  it("the confirmation pages each list apart, counting everyone", async () => {
    const world = await makeWorld();
    const { course } = await courseWithAttendance(world.platform.id);
    const names = (list: { people: { name: string }[] }) => list.people.map((p) => p.name);
    const first = await closingPreview(course, {}, 3);
    expect([first.qualifying.total, first.qualifying.pages, first.qualifying.page]).toEqual([
      4, 2, 1,
    ]);
    expect(names(first.qualifying)).toEqual(["Ana Grefa", "Carla Tapuy", "Darío Andi"]);
    expect(names(first.others)).toEqual(["Beto Shiguango", "Ema Cerda"]);
    // The second page of one list leaves the other on its first; past the end is the last page.
    const second = await closingPreview(course, { qualifying: 2 }, 3);
    expect(names(second.qualifying)).toEqual(["Fabiola Ñaupari"]);
    expect(names(second.others)).toEqual(["Beto Shiguango", "Ema Cerda"]);
    const beyond = await closingPreview(course, { qualifying: 9, others: 9 }, 1);
    expect([beyond.qualifying.page, names(beyond.qualifying)]).toEqual([4, ["Fabiola Ñaupari"]]);
    expect([beyond.others.page, names(beyond.others)]).toEqual([2, ["Ema Cerda"]]);
  });
});

describe("the list of a course's certificates", () => {
  it("is paged by name, counts issued and revoked, and finds by name or code", async () => {
    const { course } = await closed();
    const names = (r: Awaited<ReturnType<typeof courseCertificates>>) =>
      r.certificates.map((c) => c.name);
    const first = await courseCertificates(course.id, {}, 3);
    expect(names(first)).toEqual(["Ana Grefa", "Carla Tapuy", "Darío Andi"]);
    expect([first.page.total, first.page.pages, first.issued, first.revoked]).toEqual([4, 2, 4, 0]);
    const second = await courseCertificates(course.id, { page: 2 }, 3);
    expect(names(second)).toEqual(["Fabiola Ñaupari"]);
    // Accents and case aside, every word typed.
    expect(names(await courseCertificates(course.id, { q: "dario" }))).toEqual(["Darío Andi"]);
    expect(names(await courseCertificates(course.id, { q: "ÑAUPARI fab" }))).toEqual([
      "Fabiola Ñaupari",
    ]);
    expect(names(await courseCertificates(course.id, { q: "Ana Tapuy" }))).toEqual([]);
    const carla = await db.certificate.findFirstOrThrow({
      where: { courseId: course.id, name: "Carla Tapuy" },
    });
    const typed = carla.code.replaceAll("-", " ").toLowerCase();
    const byCode = await courseCertificates(course.id, { q: typed });
    expect([names(byCode), byCode.page.total, byCode.issued]).toEqual([["Carla Tapuy"], 1, 4]);
  });

  it("after a revocation, shows the page and search it was made from, with the count", async () => {
    const { course, world } = await closed();
    const cert = await db.certificate.findFirstOrThrow({
      where: { courseId: course.id, name: "Darío Andi" },
    });
    const done = await postForm(
      certificatesRoute.action,
      `/courses/${course.id}/certificates?q=andi&page=1&other=x`,
      { courseId: course.id },
      world.users.coordinator,
      { _form: `revoke-${cert.id}`, certificateId: cert.id, reason: "Asistencia mal anotada" },
    );
    expect([done.status, done.location]).toEqual([
      302,
      `/courses/${course.id}/certificates?q=andi&page=1`,
    ]);
    const page = await getPage(
      certificatesRoute.loader,
      done.location!,
      { courseId: course.id },
      world.users.coordinator,
    );
    const body = page.body as {
      issued: number;
      revoked: number;
      found: number;
      certificates: { name: string; revoked: string | null }[];
    };
    expect([body.issued, body.revoked, body.found]).toEqual([4, 1, 1]);
    expect(body.certificates.map((c) => [c.name, c.revoked !== null])).toEqual([
      ["Darío Andi", true],
    ]);
  });
});

describe("revoking a certificate", () => {
  it("needs a reason, and is audited with the date shown publicly", async () => {
    const { course, world } = await closed();
    const cert = (await db.certificate.findFirst({ where: { courseId: course.id } }))!;
    const path = `/courses/${course.id}/certificates`;
    const blank = await postForm(
      certificatesRoute.action,
      path,
      { courseId: course.id },
      world.users.coordinator,
      { _form: `revoke-${cert.id}`, certificateId: cert.id, reason: "   " },
    );
    expect(blank.status).toBe(400);
    expect((await revokeCertificate(world.users.coordinator!, course.id, cert.id, "  ")).ok).toBe(
      false,
    );
    expect((await db.certificate.findUniqueOrThrow({ where: { id: cert.id } })).revokedAt).toBe(
      null,
    );
    const done = await postForm(
      certificatesRoute.action,
      path,
      { courseId: course.id },
      world.users.coordinator,
      { _form: `revoke-${cert.id}`, certificateId: cert.id, reason: "Firmas falsificadas" },
    );
    expect(done.status).toBe(302);
    const after = await db.certificate.findUniqueOrThrow({ where: { id: cert.id } });
    expect(after.revokeReason).toBe("Firmas falsificadas");
    expect(after.revokedById).toBe(world.users.coordinator!.id);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "certificate.revoked", entityId: cert.id },
    });
    expect(audit.details).not.toContain("Firmas");
  });

  it("is refused to a facilitator (who may close, not revoke)", async () => {
    const { course, world } = await closed();
    const cert = (await db.certificate.findFirst({ where: { courseId: course.id } }))!;
    const result = await postForm(
      certificatesRoute.action,
      `/courses/${course.id}/certificates`,
      { courseId: course.id },
      world.users.facilitator,
      { _form: `revoke-${cert.id}`, certificateId: cert.id, reason: "Error" },
    );
    expect(result.status).toBe(403);
    expect((await db.certificate.findUniqueOrThrow({ where: { id: cert.id } })).revokedAt).toBe(
      null,
    );
  });

  it("a certificate of another course is a 404", async () => {
    const a = await closed();
    const b = await closed();
    const certOfB = (await db.certificate.findFirst({ where: { courseId: b.course.id } }))!;
    await expect(
      revokeCertificate(a.world.users.admin!, a.course.id, certOfB.id, "Error"),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("public verification", () => {
  const verify = (code: string) =>
    getPage(verifyRoute.loader, `/certificates/${code}`, { code }, null);

  it("confirms name, course, dates, hours and platform without login; any case and spacing", async () => {
    const { course, world } = await closed();
    const cert = (await db.certificate.findFirst({
      where: { courseId: course.id, name: "Ana Grefa" },
    }))!;
    for (const typed of [cert.code, cert.code.toLowerCase(), cert.code.replace(/-/g, " ")]) {
      const page = await verify(typed);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({
        certificate: {
          name: "Ana Grefa",
          code: cert.code,
          course: "Monitoreo comunitario de fauna",
          hours: "9",
          platform: world.platform.name,
          revoked: null,
        },
      });
    }
  });

  it("unknown and malformed codes give the same 404", async () => {
    const unknown = await verify(newCertificateCode());
    const malformed = await verify("not-a-code'<script>");
    expect(unknown).toEqual({ status: 404, location: null, body: { certificate: null } });
    expect(malformed).toEqual(unknown);
    expect(normalizeCode("ABC")).toBeNull();
    expect(normalizeCode("1".repeat(26))).toBeNull();
  });

  it("says when a certificate was revoked, not why", async () => {
    const { course, world } = await closed();
    const cert = (await db.certificate.findFirst({ where: { courseId: course.id } }))!;
    await revokeCertificate(world.users.admin!, course.id, cert.id, "Datos personales de alguien");
    const page = await verify(cert.code);
    expect(page.status).toBe(200);
    const body = page.body as { certificate: { revoked: string | null } };
    expect(body.certificate.revoked).toMatch(/\d{4}/);
    expect(JSON.stringify(body)).not.toContain("Datos personales");
  });
});

describe("certificate print page", () => {
  it("carries the verification URL as an inline SVG QR code; revoked ones say so", async () => {
    const { course, world, users } = await closed();
    const cert = (await db.certificate.findFirst({
      where: { courseId: course.id, name: "Ana Grefa" },
    }))!;
    const path = `/courses/${course.id}/certificates/${cert.id}`;
    const params = { courseId: course.id, certificateId: cert.id };
    const own = await getPage(certificateRoute.loader, path, params, users.ana);
    expect(own.status).toBe(200);
    const body = own.body as { qr: string; verifyUrl: string; code: string; revoked: null };
    expect(body.verifyUrl).toBe(`http://localhost/certificates/${cert.code}`);
    expect(body.qr).toBe(await qrSvg(body.verifyUrl));
    // Someone else's certificate is not theirs to see.
    expect((await getPage(certificateRoute.loader, path, params, users.beto)).status).toBe(404);
    expect(
      (await getPage(certificateRoute.loader, path, params, world.users.facilitator)).status,
    ).toBe(200);
    await revokeCertificate(world.users.admin!, course.id, cert.id, "Error");
    const revoked = await getPage(certificateRoute.loader, path, params, users.ana);
    expect((revoked.body as { revoked: string | null }).revoked).toMatch(/\d{4}/);
  });
});

describe("QR code", () => {
  it("is well-formed inline SVG that draws exactly the URL's modules", async () => {
    const url = "https://minga.example/certificates/ABCDE-FGHIJ-KLMNO-PQRST-UVWXY2";
    const svg = await qrSvg(url);
    expect(svg.trim()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<\/svg>$/s);
    expect(svg).not.toMatch(/<script|<\?xml|<!DOCTYPE|on\w+=|href/i);
    expect(svg).not.toContain(url);
    const size = qrModules(url);
    expect(size).toBe(QRCode.create(url, { errorCorrectionLevel: "M" }).modules.size);
    const viewBox = svg.match(/viewBox="0 0 (\d+) (\d+)"/);
    expect(Number(viewBox?.[1])).toBe(size + 2 * QR_MARGIN);
    // Redraw the dark path as a grid and compare with the encoder's own matrix: the picture
    // is the URL's QR code, module for module.
    const d = svg.match(/<path stroke="#000000" d="([^"]+)"/)![1];
    const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
    let x = 0;
    let y = 0;
    for (const [, op, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?:[ ,](-?[\d.]+))?/g)) {
      if (op === "M") [x, y] = [Number(a), Number(b)];
      else if (op === "m") [x, y] = [x + Number(a), y + Number(b)];
      else {
        for (let i = 0; i < Number(a); i++)
          grid[Math.floor(y) - QR_MARGIN][x + i - QR_MARGIN] = true;
        x += Number(a);
      }
    }
    const modules = QRCode.create(url, { errorCorrectionLevel: "M" }).modules;
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++) expect(grid[r][c]).toBe(!!modules.get(r, c));
  });
});

describe("progress and matrix", () => {
  it("the participant sees the rule spelled out; someone not in the course gets a clear page", async () => {
    const world = await makeWorld();
    const { course, users } = await courseWithAttendance(world.platform.id);
    const params = { courseId: course.id };
    const path = `/courses/${course.id}/progress`;
    const ana = await getPage(progressRoute.loader, path, params, users.ana);
    expect(ana.body).toMatchObject({
      progress: {
        percent: 75,
        completion: {
          attended: 3,
          counted: 4,
          required: 3,
          hours: 9,
          complete: true,
          remaining: 1,
        },
      },
    });
    const stranger = await getPage(progressRoute.loader, path, params, await makeUser("Nadie"));
    expect(stranger).toMatchObject({ status: 200, body: { progress: null } });
    expect((await getPage(progressRoute.loader, path, params, null)).status).toBe(302);
  });

  it("the matrix pages participants by the database and totals each session", async () => {
    const world = await makeWorld();
    const { course, held, p } = await courseWithAttendance(world.platform.id);
    const extra = await makeUser("Zoila Aguinda");
    await enrolDirectly(
      course.id,
      (await db.participant.findUniqueOrThrow({ where: { userId: extra.id } })).id,
    );
    const first = await courseMatrix(course, 1, 4);
    const second = await courseMatrix(course, 2, 4);
    expect([first.total, first.pages, second.page]).toEqual([7, 2, 2]);
    expect(first.rows.map((r) => r.name)).toEqual([
      "Ana Grefa",
      "Beto Shiguango",
      "Carla Tapuy",
      "Darío Andi",
    ]);
    expect(second.rows.map((r) => r.name)).toEqual([
      "Ema Cerda",
      "Fabiola Ñaupari",
      "Zoila Aguinda",
    ]);
    // A page past the end is the last page, counted the same.
    const past = await courseMatrix(course, 9, 4);
    expect([past.total, past.pages, past.page]).toEqual([7, 2, 2]);
    expect(past.rows.map((r) => r.name)).toEqual(second.rows.map((r) => r.name));
    const empty = await courseMatrix(await makeCourse(world.platform.id), 3, 4);
    expect([empty.total, empty.pages, empty.page, empty.rows]).toEqual([0, 1, 1, []]);
    // Present + late per session: s1 ana, beto, carla, walk-in, ema = 5; s2 ana (late), walk-in, ema = 3;
    // s3 carla, dario, walk-in, ema = 4; s4 all six = 6.
    expect([held[0], held[1], held[2], held[3]].map((s) => first.columnTotals[s.id])).toEqual([
      5, 3, 4, 6,
    ]);
    const page = await getPage(
      matrixRoute.loader,
      `/courses/${course.id}/matrix`,
      { courseId: course.id },
      world.users.facilitator,
    );
    const rows = (page.body as { rows: { id: string; state: string }[] }).rows;
    expect(rows.find((r) => r.id === p.beto)?.state).toBe("offTrack");
    expect(rows.find((r) => r.id === p.ana)?.state).toBe("completed");
  });

  it("the CSV opens in a spreadsheet with accents intact (papaparse)", async () => {
    const world = await makeWorld();
    const { course } = await courseWithAttendance(world.platform.id);
    const request = new Request(`http://localhost/courses/${course.id}/matrix.csv`);
    const response = (await csvRoute.loader({
      request,
      params: { courseId: course.id },
      context: { user: world.users.coordinator, session: null, cspNonce: "", clientIp: "" },
    } as never)) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header.slice(0, 3)).toEqual(["Participante", "Comunidad", "Inscripción"]);
    expect(header.slice(-5)).toEqual(["Asistió", "Cuenta", "Porcentaje", "Horas", "Estado"]);
    const fabiola = rows.find((r) => r[0] === "Fabiola Ñaupari")!;
    expect(fabiola.slice(1, 3)).toEqual(["Sani Isla", "sin inscripción"]);
    expect(fabiola.slice(-5)).toEqual(["4", "4", "100", "12", "Aprobado"]);
    const dario = rows.find((r) => r[0] === "Darío Andi")!;
    expect(dario.slice(3, 7)).toEqual([
      "Antes de su inscripción (no cuenta)",
      "Antes de su inscripción (no cuenta)",
      "Presente",
      "Atrasada/o",
    ]);
  });
});
