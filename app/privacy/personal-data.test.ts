import { Prisma } from "@prisma/client";
import { db } from "~/db.server";
import * as dataRoute from "~/routes/account_.data[.json]";
import { getPage } from "~/test/routes";
import { addMember, makeMeeting, makePlatform, makeUser, participantOf } from "~/test/world";
import { PERSONAL_DATA, collectMyData } from "./registry.server";

/** Columns that point at a person or identify one: relations to User/Participant and *ById. */
const PERSON_COLUMN = /(ById|^userId|^authorId|^actorId|^reporterId|^participantId|^email)$/;

function personColumns() {
  const found: { model: string; field: string }[] = [];
  for (const model of Prisma.dmmf.datamodel.models) {
    const names = new Set<string>();
    for (const f of model.fields) {
      if (f.kind === "scalar" && PERSON_COLUMN.test(f.name)) names.add(f.name);
      if (f.kind === "object" && (f.type === "User" || f.type === "Participant"))
        for (const from of f.relationFromFields ?? []) names.add(from);
    }
    for (const field of names) found.push({ model: model.name, field });
  }
  return found;
}

describe("personal data declarations", () => {
  it("declare every column of every model that points at a person", () => {
    const declared = new Set(PERSONAL_DATA.flatMap((d) => d.fields.map((f) => `${d.model}.${f}`)));
    const missing = personColumns()
      .map((c) => `${c.model}.${c.field}`)
      .filter((c) => !declared.has(c));
    expect(missing).toEqual([]);
    // And nothing declared that the schema does not have.
    const models = new Map(Prisma.dmmf.datamodel.models.map((m) => [m.name, m]));
    for (const d of PERSONAL_DATA)
      for (const f of d.fields)
        expect(
          models.get(d.model)?.fields.some((x) => x.name === f),
          `${d.model}.${f}`,
        ).toBe(true);
  });

  it("erase as declared: only rows declared 'delete' go with the account, the rest are cut", () => {
    const erasure = new Map(PERSONAL_DATA.map((d) => [d.model, d.erasure]));
    const wrong: string[] = [];
    for (const model of Prisma.dmmf.datamodel.models)
      for (const f of model.fields) {
        if (f.kind !== "object" || f.type !== "User" || !f.relationFromFields?.length) continue;
        const expected = erasure.get(model.name) === "delete" ? "Cascade" : "SetNull";
        if (f.relationOnDelete !== expected)
          wrong.push(
            `${model.name}.${f.name}: ${f.relationOnDelete} (declared ${erasure.get(model.name)})`,
          );
      }
    expect(wrong).toEqual([]);
  });

  it("export one person's data, with secret ballots only as voted and nobody else's", async () => {
    const platform = await makePlatform();
    const me = await makeUser("Yo");
    const other = await makeUser("Otra persona");
    await addMember(me, platform.id);
    await addMember(other, platform.id);
    const meeting = await makeMeeting(platform.id);
    await db.rsvp.create({ data: { meetingId: meeting.id, userId: me.id, answer: "yes" } });
    await db.attendance.create({
      data: { meetingId: meeting.id, participantId: await participantOf(me.id), status: "present" },
    });
    const proposal = await db.proposal.create({
      data: { platformId: platform.id, authorId: me.id, title: "Mi propuesta", summary: "Resumen" },
    });
    const voteOf = (secret: boolean, title: string) =>
      db.vote.create({
        data: {
          proposal: {
            create: { platformId: platform.id, authorId: other.id, title, summary: "x" },
          },
          platformId: platform.id,
          kind: "yesNo",
          secret,
          opensAt: new Date(),
          closesAt: new Date(Date.now() + 3600_000),
          quorumPercent: 50,
          approvalRule: "simple",
          options: {
            create: [
              { position: 0, code: "yes", label: "Sí" },
              { position: 1, code: "no", label: "No" },
            ],
          },
        },
        include: { options: true },
      });
    const open = await voteOf(false, "Votación pública");
    const secret = await voteOf(true, "Votación secreta");
    await db.ballot.create({
      data: { voteId: open.id, userId: me.id, optionId: open.options[0].id },
    });
    await db.ballot.create({
      data: { voteId: secret.id, userId: me.id, optionId: secret.options[1].id },
    });
    await db.ballot.create({
      data: { voteId: open.id, userId: other.id, optionId: open.options[1].id },
    });
    const discussion = await db.discussion.create({
      data: { hostType: "proposal", platformId: platform.id },
    });
    await db.proposal.update({ where: { id: proposal.id }, data: { discussionId: discussion.id } });
    await db.post.create({
      data: { discussionId: discussion.id, authorId: me.id, body: "Mi comentario" },
    });
    await db.post.create({
      data: { discussionId: discussion.id, authorId: other.id, body: "Comentario ajeno" },
    });

    const data = (await collectMyData(db, me.id)) as Record<string, unknown[]> & {
      account: { email: string };
    };
    expect(data.account.email).toBe(me.email);
    expect(data.memberships).toHaveLength(1);
    expect(data.rsvps).toEqual([expect.objectContaining({ answer: "yes" })]);
    expect(data.attendance).toEqual([expect.objectContaining({ status: "present" })]);
    expect(data.proposals).toEqual([expect.objectContaining({ title: "Mi propuesta" })]);
    expect(data.posts).toEqual([
      expect.objectContaining({ body: "Mi comentario", on: { proposal: "Mi propuesta" } }),
    ]);
    expect(data.ballots).toEqual([
      expect.objectContaining({ proposal: "Votación pública", choice: "yes" }),
      { proposal: "Votación secreta", secret: true, voted: true },
    ]);
    const text = JSON.stringify(data);
    expect(text).not.toContain("Comentario ajeno");
    expect(text).not.toContain(other.email);
    for (const key of ["enrolments", "certificates", "groupMemberships", "threads"])
      expect(data[key]).toEqual([]);

    // Through the route: a JSON download for the signed-in person, a login for anyone else.
    const asMe = await getPage(dataRoute.loader, "/account/data.json", {}, me);
    expect(asMe.status).toBe(200);
    expect((asMe.body as { account: { email: string } }).account.email).toBe(me.email);
    const anonymous = await getPage(dataRoute.loader, "/account/data.json", {}, null);
    expect(anonymous.status).toBe(302);
  });
});
