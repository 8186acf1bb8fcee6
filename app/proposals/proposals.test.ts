import { db } from "~/db.server";
import { viewerOf } from "~/platforms/permissions.server";
import { addPost } from "~/discussions/discussions.server";
import {
  changeProposalState,
  createProposal,
  getProposal,
  listProposals,
  proposalHostFor,
} from "~/proposals/proposals.server";
import { addMember, makeMeeting, makePlatform, makeUser } from "~/test/world";

async function setup() {
  const platform = await makePlatform();
  const author = await makeUser("Autora");
  const other = await makeUser("Otra");
  const coordinator = await makeUser("Coordinadora");
  await addMember(author, platform.id);
  await addMember(other, platform.id);
  await addMember(coordinator, platform.id, "coordinator");
  const created = await createProposal(author, platform.id, {
    title: "Turismo en la LAGUNA",
    summary: "Guías de la comunidad",
  });
  if (!created.ok) throw new Error("create failed");
  return { platform, author, other, coordinator, proposalId: created.value.proposalId };
}

describe("proposals", () => {
  it("keep drafts to their author and the coordination, then follow the allowed moves", async () => {
    const { platform, author, other, coordinator, proposalId } = await setup();
    const otherViewer = await viewerOf(other, platform.id);
    await expect(getProposal(platform.id, proposalId, otherViewer, other.id)).rejects.toMatchObject(
      { status: 404 },
    );
    expect(await listProposals(platform.id, otherViewer, other.id, {})).toEqual([]);
    // Only the author (or a coordinator) sends it to discussion; a member cannot withdraw someone else's.
    await expect(
      changeProposalState(other, platform.id, proposalId, "discussion"),
    ).rejects.toMatchObject({ status: 404 });
    expect((await changeProposalState(author, platform.id, proposalId, "discussion")).ok).toBe(
      true,
    );
    await expect(
      changeProposalState(other, platform.id, proposalId, "withdrawn"),
    ).rejects.toMatchObject({ status: 403 });
    expect(
      await changeProposalState(coordinator, platform.id, proposalId, "discussion"),
    ).toMatchObject({
      formErrors: ["proposals:errors.badTransition"],
    });
    expect((await changeProposalState(author, platform.id, proposalId, "withdrawn")).ok).toBe(true);
    const history = await db.proposalStateChange.findMany({
      where: { proposalId },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((h) => h.toState)).toEqual(["draft", "discussion", "withdrawn"]);
  });

  it("are moved only by whoever holds the role when the move is written", async () => {
    const { platform, author, coordinator, proposalId } = await setup();
    await changeProposalState(author, platform.id, proposalId, "discussion");
    // The page offered "back to draft" while she coordinated; she steps down before sending it.
    await db.membership.update({
      where: { userId_platformId: { userId: coordinator.id, platformId: platform.id } },
      data: { role: "member" },
    });
    await expect(
      changeProposalState(coordinator, platform.id, proposalId, "draft"),
    ).rejects.toMatchObject({ status: 403 });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).state).toBe(
      "discussion",
    );
  });

  it("are found by text regardless of case and accents, and filtered by state", async () => {
    const { platform, author, proposalId } = await setup();
    const viewer = await viewerOf(author, platform.id);
    expect(
      (await listProposals(platform.id, viewer, author.id, { q: "laguna" })).map((p) => p.id),
    ).toEqual([proposalId]);
    expect(
      (await listProposals(platform.id, viewer, author.id, { q: "GUÍAS" })).map((p) => p.id),
    ).toEqual([proposalId]);
    expect(await listProposals(platform.id, viewer, author.id, { state: "discussion" })).toEqual(
      [],
    );
  });

  it("are searched by words, never by the database's wildcards", async () => {
    const { platform, author, proposalId } = await setup();
    const viewer = await viewerOf(author, platform.id);
    const ids = async (q: string) =>
      (await listProposals(platform.id, viewer, author.id, { q })).map((p) => p.id);
    expect(await ids("%")).toEqual([]);
    expect(await ids("_")).toEqual([]);
    // Words in any order, each one found.
    expect(await ids("guías laguna")).toEqual([proposalId]);
  });

  it("refuse a meeting of another platform", async () => {
    const { platform, author } = await setup();
    const foreign = await makeMeeting((await makePlatform()).id);
    expect(
      await createProposal(author, platform.id, {
        title: "x",
        summary: "y",
        meetingId: foreign.id,
      }),
    ).toEqual({
      ok: false,
      fieldErrors: { meetingId: ["validation.choice"] },
    });
  });
});

describe("comments", () => {
  // The discussion mechanism itself is tested in app/discussions; here, what is the
  // proposal's own rule: when it takes comments, and that lists count them.
  it("are taken in discussion and in vote only, and counted in the list", async () => {
    const { platform, author, proposalId } = await setup();
    const viewer = await viewerOf(author, platform.id);
    const comment = (body: string) =>
      db.$transaction(async (tx) =>
        addPost(tx, await proposalHostFor(tx, platform.id, proposalId, viewer, author.id), author, {
          body,
        }),
      );
    expect(await comment("En borrador")).toMatchObject({
      formErrors: ["proposals:errors.commentsClosed"],
    });
    for (const state of ["discussion", "voting"]) {
      await db.proposal.update({ where: { id: proposalId }, data: { state } });
      expect((await comment(`En ${state}`)).ok).toBe(true);
    }
    await db.proposal.update({ where: { id: proposalId }, data: { state: "accepted" } });
    expect(await comment("Tarde")).toMatchObject({
      formErrors: ["proposals:errors.commentsClosed"],
    });
    const [listed] = await listProposals(platform.id, viewer, author.id, {});
    expect(listed.comments).toBe(2);
  });
});
