import { db } from "~/db.server";
import * as adminEditPlatform from "~/routes/admin.platforms.$slug";
import * as adminNewPlatform from "~/routes/admin.platforms.new";
import * as attendanceRoute from "~/routes/platforms.$slug.meetings.$meetingId.attendance";
import * as editMeetingRoute from "~/routes/platforms.$slug.meetings.$meetingId.edit";
import * as meetingRoute from "~/routes/platforms.$slug.meetings.$meetingId._index";
import * as minutesEditRoute from "~/routes/platforms.$slug.meetings.$meetingId.minutes_.edit";
import * as newMeetingRoute from "~/routes/platforms.$slug.meetings.new";
import * as membersRoute from "~/routes/platforms.$slug.members";
import * as platformRoute from "~/routes/platforms.$slug._index";
import { type CallResult, getPage, isDenied, postForm } from "~/test/routes";
import * as adminAudit from "~/routes/admin.audit";
import * as deleteAccountRoute from "~/routes/account_.delete";
import { hashPassword } from "~/auth/password.server";
import { GOOD_PASSWORD } from "~/test/factories";
import * as minutesRoute from "~/routes/platforms.$slug.meetings.$meetingId.minutes";
import * as sheetRoute from "~/routes/platforms.$slug.meetings.$meetingId.sheet";
import * as newProposalRoute from "~/routes/platforms.$slug.proposals.new";
import * as proposalRoute from "~/routes/platforms.$slug.proposals.$proposalId._index";
import * as openVoteRoute from "~/routes/platforms.$slug.proposals.$proposalId.vote";
import * as tallyRoute from "~/routes/platforms.$slug.proposals.$proposalId.tally";
import * as peopleRoute from "~/routes/platforms.$slug.people._index";
import * as personRoute from "~/routes/platforms.$slug.people.$participantId";
import * as newMemberRoute from "~/routes/platforms.$slug.members_.new";
import { createMembership } from "~/platforms/membership.server";
import { createWalkIn } from "~/participants/participants.server";
import * as platformAuditRoute from "~/routes/platforms.$slug.audit";
import * as adminHome from "~/routes/admin._index";
import * as myDataRoute from "~/routes/account_.data[.json]";
import * as resultRoute from "~/routes/platforms.$slug.proposals.$proposalId.result";
import * as resultCsvRoute from "~/routes/platforms.$slug.proposals.$proposalId.result[.csv]";
import { decideVote } from "~/votes/outcome";
import {
  ROLE_NAMES,
  type RoleName,
  addMember,
  makeMeeting,
  makeMembership,
  makeUser,
  makeWorld,
  participantOf,
} from "~/test/world";

type World = Awaited<ReturnType<typeof makeWorld>>;
type Run = (world: World, role: RoleName) => Promise<CallResult>;

const FACILITATORS: RoleName[] = ["facilitator", "coordinator", "admin"];
const COORDINATORS: RoleName[] = ["coordinator", "admin"];
const MEMBERS: RoleName[] = ["member", "facilitator", "coordinator", "admin"];
const SIGNED_IN: RoleName[] = [
  "user",
  "member",
  "facilitator",
  "coordinator",
  "admin",
  "otherCoordinator",
];

const futureDate = () => {
  const d = new Date(Date.now() + 20 * 24 * 3600_000);
  return d.toISOString().slice(0, 10);
};

const meetingFields = () => ({
  _form: "meeting",
  title: "Asamblea de prueba",
  date: futureDate(),
  startTime: "09:00",
  endTime: "12:00",
  place: "Casa comunal",
});

function meetingPath(w: World, meetingId: string, rest = "") {
  return `/platforms/${w.platform.slug}/meetings/${meetingId}${rest}`;
}

const params = (w: World, meetingId?: string) => ({
  slug: w.platform.slug,
  ...(meetingId ? { meetingId } : {}),
});

async function pendingRequest(w: World) {
  const applicant = await makeUser("Solicitante");
  return makeMembership(applicant, w.platform.id);
}

async function someMember(w: World) {
  const person = await makeUser("Otro miembro");
  return addMember(person, w.platform.id);
}

async function proposalIn(w: World, state = "discussion") {
  const author = await makeUser("Autora");
  await addMember(author, w.platform.id);
  return db.proposal.create({
    data: {
      platformId: w.platform.id,
      authorId: author.id,
      title: "Propuesta",
      summary: "Resumen",
      state,
    },
  });
}

/** A comment on a proposal, written straight to the tables (fixture). */
async function commentOn(p: { id: string; platformId: string }, authorId: string, body: string) {
  const discussion = await db.discussion.create({
    data: { hostType: "proposal", platformId: p.platformId },
  });
  await db.proposal.update({ where: { id: p.id }, data: { discussionId: discussion.id } });
  return db.post.create({ data: { discussionId: discussion.id, authorId, body } });
}

async function openVoteOn(w: World) {
  const proposal = await proposalIn(w, "voting");
  const vote = await db.vote.create({
    data: {
      proposalId: proposal.id,
      platformId: w.platform.id,
      kind: "yesNo",
      secret: false,
      opensAt: new Date(Date.now() - 3600_000),
      closesAt: new Date(Date.now() + 3 * 24 * 3600_000),
      quorumPercent: 50,
      approvalRule: "simple",
      options: {
        create: ["yes", "no", "abstain"].map((code, position) => ({ code, label: code, position })),
      },
    },
    include: { options: true },
  });
  return { proposal, vote };
}

const proposalPath = (w: World, id: string, rest = "") =>
  `/platforms/${w.platform.slug}/proposals/${id}${rest}`;
const proposalParams = (w: World, proposalId: string) => ({ slug: w.platform.slug, proposalId });

/** Someone counted at the door of one of the platform's assemblies. */
async function walkInOf(w: World, name = "Persona en la puerta") {
  const m = await makeMeeting(w.platform.id);
  const p = await createWalkIn(db, { name, community: "Sani Isla" });
  await db.attendance.create({
    data: { meetingId: m.id, participantId: p.id, status: "present", walkIn: true },
  });
  return p;
}

/** One of an assembly's pages (`rest`: "/attendance", "/minutes"…), as the role `r`. */
const getMeetingPage = (
  w: World,
  r: RoleName,
  loader: Parameters<typeof getPage>[0],
  meetingId: string,
  rest: string,
) => getPage(loader, meetingPath(w, meetingId, rest), params(w, meetingId), w.users[r]);

/** A post to an assembly's attendance form, as the role `r`. */
const postAttendance = (w: World, r: RoleName, meetingId: string, fields: Record<string, string>) =>
  postForm(
    attendanceRoute.action,
    meetingPath(w, meetingId, "/attendance"),
    params(w, meetingId),
    w.users[r],
    fields,
  );

const personPath = (w: World, id: string) => `/platforms/${w.platform.slug}/people/${id}`;
const personParams = (w: World, participantId: string) => ({
  slug: w.platform.slug,
  participantId,
});

/** A member without an account (fixture: written straight, so a refusal's audit check holds). */
async function memberWithoutAccount(w: World) {
  const person = await createWalkIn(db, { name: "Miembro sin cuenta", community: "Sarayaku" });
  await createMembership(db, person, w.platform.id, { status: "active" }, new Date());
  return person.id;
}

/** A proposal by the world's member: the author, in the rows only an author may do. */
async function proposalByMember(w: World, state: string) {
  return db.proposal.create({
    data: {
      platformId: w.platform.id,
      authorId: w.users.member!.id,
      title: "Propuesta de la miembro",
      summary: "Resumen",
      state,
    },
  });
}

/**
 * The member's draft with a closed vote and its stored result. No route leads there (votes
 * open on proposals in discussion): a fixture, so the result pages are seen to hide a draft
 * as the proposal page does.
 */
async function draftWithResult(w: World) {
  const proposal = await proposalByMember(w, "draft");
  const closedAt = new Date(Date.now() - 3600_000);
  const vote = await db.vote.create({
    data: {
      proposalId: proposal.id,
      platformId: w.platform.id,
      kind: "yesNo",
      secret: false,
      opensAt: new Date(closedAt.getTime() - 2 * 24 * 3600_000),
      closesAt: closedAt,
      closedAt,
      quorumPercent: 50,
      approvalRule: "simple",
      options: {
        create: ["yes", "no", "abstain"].map((code, position) => ({ code, label: code, position })),
      },
    },
    include: { options: true },
  });
  const result = decideVote({
    options: vote.options.map((o) => ({ ...o, online: 0, inPerson: 0 })),
    eligible: 3,
    quorumPercent: 50,
    rule: "simple",
  });
  await db.vote.update({
    where: { id: vote.id },
    data: { result: JSON.stringify(result), outcome: result.outcome },
  });
  return proposal;
}

/**
 * `alreadyDone`: allowed roles for whom the rule (not the permission) says no (a 400), e.g.
 * members asking to join.
 * `notFound`: refused roles for whom the record does not exist (a draft they may not see): 404.
 * `unaudited`: for a write the audit log does not record, a count the write changes; a refused
 * request must leave it as it was.
 */
const ACTIONS: {
  name: string;
  allowed: RoleName[];
  alreadyDone?: RoleName[];
  notFound?: RoleName[];
  unaudited?: (w: World) => Promise<number>;
  run: Run;
}[] = [
  {
    name: "add a member without an account",
    allowed: COORDINATORS,
    run: (w, r) =>
      postForm(
        newMemberRoute.action,
        `/platforms/${w.platform.slug}/members/new`,
        params(w),
        w.users[r],
        { name: "Rosa Andi", community: "Sarayaku", gender: "woman", birthYear: "1990" },
      ),
  },
  {
    name: "make a walk-in a member",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const p = await walkInOf(w);
      return postForm(personRoute.action, personPath(w, p.id), personParams(w, p.id), w.users[r], {
        _form: "makeMember",
        intent: "makeMember",
      });
    },
  },
  {
    name: "link a member without an account to the account they opened",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const id = await memberWithoutAccount(w);
      const later = await makeUser("Miembro sin cuenta");
      await makeMembership(later, w.platform.id);
      return postForm(personRoute.action, personPath(w, id), personParams(w, id), w.users[r], {
        intent: "link",
        email: later.email,
      });
    },
  },
  {
    name: "link a walk-in to the account they opened",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const p = await walkInOf(w);
      const later = await makeUser("Persona en la puerta");
      await makeMembership(later, w.platform.id);
      return postForm(personRoute.action, personPath(w, p.id), personParams(w, p.id), w.users[r], {
        intent: "link",
        email: later.email,
      });
    },
  },
  {
    name: "merge two records of the same person",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const [a, b] = [await walkInOf(w), await walkInOf(w)];
      return postForm(personRoute.action, personPath(w, a.id), personParams(w, a.id), w.users[r], {
        intent: "merge",
        otherId: b.id,
      });
    },
  },
  {
    // Folding a member without an account moves their membership (its status and role).
    name: "merge a member without an account into another record",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const [a, b] = [await walkInOf(w), await memberWithoutAccount(w)];
      return postForm(personRoute.action, personPath(w, a.id), personParams(w, a.id), w.users[r], {
        intent: "merge",
        otherId: b,
      });
    },
  },
  {
    name: "create a proposal",
    allowed: MEMBERS,
    run: (w, r) =>
      postForm(
        newProposalRoute.action,
        `/platforms/${w.platform.slug}/proposals/new`,
        params(w),
        w.users[r],
        {
          title: "Vivero comunitario",
          summary: "Plantas nativas para reforestar",
        },
      ),
  },
  {
    name: "comment on a proposal",
    allowed: MEMBERS,
    run: async (w, r) => {
      const p = await proposalIn(w);
      return postForm(
        proposalRoute.action,
        proposalPath(w, p.id),
        proposalParams(w, p.id),
        w.users[r],
        {
          intent: "post",
          body: "De acuerdo",
        },
      );
    },
  },
  {
    name: "hide a comment",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const p = await proposalIn(w);
      const c = await commentOn(p, p.authorId!, "Insulto");
      return postForm(
        proposalRoute.action,
        proposalPath(w, p.id),
        proposalParams(w, p.id),
        w.users[r],
        {
          intent: "hidePost",
          postId: c.id,
          reason: "Falta de respeto",
        },
      );
    },
  },
  {
    name: "report a comment",
    allowed: MEMBERS,
    run: async (w, r) => {
      const p = await proposalIn(w);
      const c = await commentOn(p, p.authorId!, "Dudoso");
      return postForm(
        proposalRoute.action,
        proposalPath(w, p.id),
        proposalParams(w, p.id),
        w.users[r],
        { intent: "reportPost", postId: c.id, reason: "Spam" },
      );
    },
  },
  {
    // Only its author edits a comment (within the edit window); moderators hide, not rewrite.
    name: "edit my own comment",
    allowed: ["member"],
    unaudited: () => db.post.count({ where: { body: "Texto corregido" } }),
    run: async (w, r) => {
      const p = await proposalIn(w);
      const c = await commentOn(p, w.users.member!.id, "Texto con un error");
      return postForm(
        proposalRoute.action,
        proposalPath(w, p.id),
        proposalParams(w, p.id),
        w.users[r],
        { intent: "editPost", _form: `edit-${c.id}`, postId: c.id, body: "Texto corregido" },
      );
    },
  },
  {
    name: "close the reports of a comment",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const p = await proposalIn(w);
      const c = await commentOn(p, p.authorId!, "Dudoso");
      const reporter = await makeUser("Reporta");
      await db.postReport.create({ data: { postId: c.id, reporterId: reporter.id, reason: "x" } });
      return postForm(
        proposalRoute.action,
        proposalPath(w, p.id),
        proposalParams(w, p.id),
        w.users[r],
        { intent: "dismissReports", postId: c.id },
      );
    },
  },
  {
    name: "send a proposal back to draft",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const p = await proposalIn(w);
      return postForm(
        proposalRoute.action,
        proposalPath(w, p.id),
        proposalParams(w, p.id),
        w.users[r],
        {
          intent: "state",
          to: "draft",
        },
      );
    },
  },
  {
    // moves.ts: the author or a coordinator; the draft does not exist for anyone else.
    name: "send my draft to discussion",
    allowed: ["member", "coordinator", "admin"],
    notFound: ["facilitator"],
    run: async (w, r) => {
      const p = await proposalByMember(w, "draft");
      return postForm(
        proposalRoute.action,
        proposalPath(w, p.id),
        proposalParams(w, p.id),
        w.users[r],
        { intent: "state", _form: "state", to: "discussion" },
      );
    },
  },
  {
    // moves.ts: only the author withdraws, not even a coordinator.
    name: "withdraw my proposal under discussion",
    allowed: ["member"],
    run: async (w, r) => {
      const p = await proposalByMember(w, "discussion");
      return postForm(
        proposalRoute.action,
        proposalPath(w, p.id),
        proposalParams(w, p.id),
        w.users[r],
        { intent: "state", _form: "state", to: "withdrawn" },
      );
    },
  },
  {
    name: "open a vote",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const p = await proposalIn(w);
      return postForm(
        openVoteRoute.action,
        proposalPath(w, p.id, "/vote"),
        proposalParams(w, p.id),
        w.users[r],
        {
          kind: "yesNo",
          opens: "now",
          secret: "public",
          closeDate: futureDate(),
          closeTime: "18:00",
          quorumPercent: "50",
          approvalRule: "simple",
        },
      );
    },
  },
  {
    name: "cast a ballot",
    // One ballot per active member: administrators do not vote on a platform as such.
    allowed: ["member", "facilitator", "coordinator"],
    run: async (w, r) => {
      const { proposal, vote } = await openVoteOn(w);
      return postForm(
        proposalRoute.action,
        proposalPath(w, proposal.id),
        proposalParams(w, proposal.id),
        w.users[r],
        {
          intent: "ballot",
          optionId: vote.options[0].id,
        },
      );
    },
  },
  {
    name: "record an in-person tally",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const { proposal, vote } = await openVoteOn(w);
      const m = await makeMeeting(w.platform.id, {
        status: "held",
        startsAt: new Date(Date.now() - 30 * 60_000),
      });
      // A member present: by default only members' hands are counted.
      await db.attendance.create({
        data: {
          meetingId: m.id,
          participantId: await participantOf(w.users.member!.id),
          status: "present",
        },
      });
      return postForm(
        tallyRoute.action,
        proposalPath(w, proposal.id, "/tally"),
        proposalParams(w, proposal.id),
        w.users[r],
        {
          meetingId: m.id,
          [`count.${vote.options[0].id}`]: "1",
        },
      );
    },
  },
  {
    name: "close a vote early",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const { proposal } = await openVoteOn(w);
      return postForm(
        proposalRoute.action,
        proposalPath(w, proposal.id),
        proposalParams(w, proposal.id),
        w.users[r],
        {
          intent: "closeVote",
          reason: "Acuerdo de la asamblea",
        },
      );
    },
  },
  {
    // Anyone signed in may ask; only an active member leaves (a 400 for the rest, and for the
    // platform's last coordinator). Before "ask to join": nobody has a request to withdraw
    // yet. The membership is put back as it was, for the next rows.
    name: "leave a platform",
    allowed: SIGNED_IN,
    alreadyDone: ["user", "coordinator", "admin", "otherCoordinator"],
    run: async (w, r) => {
      const where = { userId: w.users[r]?.id ?? "", platformId: w.platform.id };
      const before = await db.membership.findFirst({ where, include: { periods: true } });
      const result = await postForm(
        platformRoute.action,
        `/platforms/${w.platform.slug}`,
        params(w),
        w.users[r],
        { intent: "leave", _form: "leave" },
      );
      if (before && result.status === 302) {
        await db.membership.update({ where: { id: before.id }, data: { status: before.status } });
        const open = before.periods.filter((p) => !p.endedAt).map((p) => p.id);
        await db.membershipPeriod.updateMany({
          where: { id: { in: open } },
          data: { endedAt: null },
        });
      }
      return result;
    },
  },
  {
    name: "ask to join a platform",
    allowed: SIGNED_IN,
    alreadyDone: ["member", "facilitator", "coordinator"],
    run: (w, r) =>
      postForm(platformRoute.action, `/platforms/${w.platform.slug}`, params(w), w.users[r], {
        intent: "join",
        _form: "join",
      }),
  },
  {
    name: "approve a request",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const m = await pendingRequest(w);
      return postForm(
        membersRoute.action,
        `/platforms/${w.platform.slug}/members`,
        params(w),
        w.users[r],
        {
          intent: "approve",
          membershipId: m.id,
        },
      );
    },
  },
  {
    name: "reject a request",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const m = await pendingRequest(w);
      return postForm(
        membersRoute.action,
        `/platforms/${w.platform.slug}/members`,
        params(w),
        w.users[r],
        {
          intent: "reject",
          membershipId: m.id,
        },
      );
    },
  },
  {
    name: "give a role",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const m = await someMember(w);
      return postForm(
        membersRoute.action,
        `/platforms/${w.platform.slug}/members`,
        params(w),
        w.users[r],
        {
          intent: "role",
          membershipId: m.id,
          role: "facilitator",
        },
      );
    },
  },
  {
    name: "remove a member",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const m = await someMember(w);
      return postForm(
        membersRoute.action,
        `/platforms/${w.platform.slug}/members`,
        params(w),
        w.users[r],
        {
          intent: "remove",
          membershipId: m.id,
          reason: "No participa desde hace un año",
        },
      );
    },
  },
  {
    name: "schedule a meeting",
    allowed: FACILITATORS,
    run: (w, r) =>
      postForm(
        newMeetingRoute.action,
        `/platforms/${w.platform.slug}/meetings/new`,
        params(w),
        w.users[r],
        meetingFields(),
      ),
  },
  {
    name: "edit a meeting",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      return postForm(
        editMeetingRoute.action,
        meetingPath(w, m.id, "/edit"),
        params(w, m.id),
        w.users[r],
        {
          ...meetingFields(),
          intent: "update",
        },
      );
    },
  },
  {
    name: "cancel a meeting",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      return postForm(
        editMeetingRoute.action,
        meetingPath(w, m.id, "/edit"),
        params(w, m.id),
        w.users[r],
        {
          intent: "cancel",
          _form: "cancel",
          reason: "Lluvias fuertes",
        },
      );
    },
  },
  {
    name: "answer an RSVP",
    allowed: MEMBERS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      return postForm(meetingRoute.action, meetingPath(w, m.id), params(w, m.id), w.users[r], {
        answer: "yes",
      });
    },
  },
  {
    name: "take attendance",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      const member = await participantOf(w.users.member!.id);
      return postAttendance(w, r, m.id, {
        intent: "attendance",
        [`status.${member}`]: "present",
      });
    },
  },
  {
    name: "change page of the attendance form, saving the marks on screen",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      const member = await participantOf(w.users.member!.id);
      return postAttendance(w, r, m.id, { goto: "2", [`status.${member}`]: "present" });
    },
  },
  {
    name: "another page of the walk-ins on the attendance form, saving the marks on screen",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      const member = await participantOf(w.users.member!.id);
      return postAttendance(w, r, m.id, { gotoWalkIns: "2", [`status.${member}`]: "present" });
    },
  },
  {
    name: "record a walk-in",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      return postAttendance(w, r, m.id, {
        intent: "walkIn",
        name: "Segundo Andi",
      });
    },
  },
  {
    name: "record a walk-in with the roster's unsaved marks",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      const member = await participantOf(w.users.member!.id);
      return postAttendance(w, r, m.id, {
        intent: "walkIn",
        name: "Segundo Andi",
        [`status.${member}`]: "present",
      });
    },
  },
  {
    name: "remove a walk-in",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      const p = await db.participant.create({ data: { name: "Visitante" } });
      const a = await db.attendance.create({
        data: { meetingId: m.id, participantId: p.id, status: "present", walkIn: true },
      });
      return postAttendance(
        w,
        r,
        m.id, // The remove button sends the walk-in's id (and the roster's marks, none here).
        { removeWalkIn: a.id },
      );
    },
  },
  {
    name: "mark everyone present",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      return postAttendance(w, r, m.id, { intent: "markAllPresent" });
    },
  },
  {
    name: "find a walk-in again, saving the marks on screen",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      const member = await participantOf(w.users.member!.id);
      return postAttendance(w, r, m.id, {
        intent: "findWalkIn",
        who: "Sani Isla",
        [`status.${member}`]: "present",
      });
    },
  },
  {
    name: "record a walk-in found again",
    allowed: FACILITATORS,
    run: async (w, r) => {
      // Counted at another of the platform's assemblies, found again at this one.
      const known = await walkInOf(w, "Luz Andi");
      const m = await makeMeeting(w.platform.id);
      return postAttendance(w, r, m.id, { knownWalkIn: known.id });
    },
  },
  {
    name: "write the minutes",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id, { status: "held" });
      return postForm(
        minutesEditRoute.action,
        meetingPath(w, m.id, "/minutes/edit"),
        params(w, m.id),
        w.users[r],
        {
          intent: "save",
          minutes: "Se trató el orden del día.",
        },
      );
    },
  },
  {
    name: "publish the minutes",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id, { status: "held" });
      return postForm(
        minutesEditRoute.action,
        meetingPath(w, m.id, "/minutes/edit"),
        params(w, m.id),
        w.users[r],
        {
          intent: "publish",
          minutes: "Se trató el orden del día.",
        },
      );
    },
  },
  {
    name: "amend published minutes",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id, {
        status: "held",
        minutes: "Acta",
        minutesPublishedAt: new Date(),
      });
      return postForm(
        minutesEditRoute.action,
        meetingPath(w, m.id, "/minutes/edit"),
        params(w, m.id),
        w.users[r],
        {
          intent: "amend",
          text: "Corrección del nombre de la comunidad.",
          reason: "Error de escritura",
        },
      );
    },
  },
  {
    name: "create a platform",
    allowed: ["admin"],
    run: (w, r) =>
      postForm(adminNewPlatform.action, "/admin/platforms/new", {}, w.users[r], {
        name: "Nueva",
        slug: `nueva-${Math.random().toString(36).slice(2, 8)}`,
        descriptionEs: "Descripción",
        descriptionEn: "Description",
        country: "PE",
        region: "San Martín",
        timeZone: "America/Lima",
        quorumPercent: "50",
        approvalRule: "simple",
      }),
  },
  {
    name: "edit a platform",
    allowed: ["admin"],
    run: (w, r) =>
      postForm(
        adminEditPlatform.action,
        `/admin/platforms/${w.platform.slug}`,
        { slug: w.platform.slug },
        w.users[r],
        {
          name: w.platform.name,
          slug: w.platform.slug,
          descriptionEs: "Descripción nueva",
          descriptionEn: "New description",
          country: "EC",
          region: "Sucumbíos",
          timeZone: "America/Guayaquil",
          quorumPercent: "60",
          approvalRule: "twoThirds",
        },
      ),
  },
  {
    // Last: it deletes the world's accounts. Each person deletes only their own; the last
    // coordinator of a platform is refused until someone takes over (as when leaving).
    name: "delete my account",
    allowed: SIGNED_IN,
    alreadyDone: ["coordinator", "otherCoordinator"],
    run: async (w, r) => {
      const user = w.users[r];
      if (user)
        await db.user.update({
          where: { id: user.id },
          data: { passwordHash: await hashPassword(GOOD_PASSWORD) },
        });
      return postForm(deleteAccountRoute.action, "/account/delete", {}, user, {
        intent: "delete-account",
        _form: "erase",
        password: GOOD_PASSWORD,
      });
    },
  },
];

describe("permission matrix: every mutating action × every role", () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });

  for (const action of ACTIONS) {
    for (const role of ROLE_NAMES) {
      const allowed = action.allowed.includes(role);
      it(`${action.name} — ${role}: ${allowed ? "allowed" : "denied"}`, async () => {
        const auditBefore = await db.auditEvent.count();
        const writtenBefore = await action.unaudited?.(world);
        const result = await action.run(world, role);
        if (allowed) {
          expect(isDenied(result), JSON.stringify(result)).toBe(false);
          if (action.alreadyDone?.includes(role)) expect(result.status).toBe(400);
          else {
            expect(result.status, JSON.stringify(result.body)).toBe(302);
            if (action.unaudited) expect(await action.unaudited(world)).not.toBe(writtenBefore);
          }
        } else {
          expect(isDenied(result), JSON.stringify(result)).toBe(true);
          if (role === "anonymous") expect(result.location).toMatch(/^\/login\?redirectTo=/);
          else expect(result.status).toBe(action.notFound?.includes(role) ? 404 : 403);
          // A refused request leaves no trace in the governance record.
          expect(await db.auditEvent.count()).toBe(auditBefore);
          // Nor anywhere else.
          if (action.unaudited) expect(await action.unaudited(world)).toBe(writtenBefore);
        }
      });
    }
  }
});

/** `draft`: a draft proposal's page, which does not exist for those refused: 404, not login. */
const PAGES: { name: string; allowed: RoleName[]; draft?: boolean; run: Run }[] = [
  {
    name: "add a member without an account (form)",
    allowed: COORDINATORS,
    run: (w, r) =>
      getPage(
        newMemberRoute.loader,
        `/platforms/${w.platform.slug}/members/new`,
        params(w),
        w.users[r],
      ),
  },
  {
    name: "people without an account",
    allowed: FACILITATORS,
    run: (w, r) =>
      getPage(peopleRoute.loader, `/platforms/${w.platform.slug}/people`, params(w), w.users[r]),
  },
  {
    name: "a person's record",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const p = await walkInOf(w);
      return getPage(personRoute.loader, personPath(w, p.id), personParams(w, p.id), w.users[r]);
    },
  },
  {
    name: "member directory",
    allowed: MEMBERS,
    run: (w, r) =>
      getPage(membersRoute.loader, `/platforms/${w.platform.slug}/members`, params(w), w.users[r]),
  },
  {
    name: "attendance screen",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      return getMeetingPage(w, r, attendanceRoute.loader, m.id, "/attendance");
    },
  },
  {
    name: "blank attendance sheet",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      return getMeetingPage(w, r, sheetRoute.loader, m.id, "/sheet");
    },
  },
  {
    name: "draft minutes (unpublished)",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id, { status: "held", minutes: "Borrador" });
      return getMeetingPage(w, r, minutesRoute.loader, m.id, "/minutes");
    },
  },
  {
    name: "published minutes",
    allowed: ["anonymous", ...SIGNED_IN],
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id, {
        status: "held",
        minutes: "Acta",
        minutesPublishedAt: new Date(),
      });
      return getMeetingPage(w, r, minutesRoute.loader, m.id, "/minutes");
    },
  },
  {
    name: "delete my account (confirmation)",
    allowed: SIGNED_IN,
    run: (w, r) => getPage(deleteAccountRoute.loader, "/account/delete", {}, w.users[r]),
  },
  {
    name: "audit log",
    allowed: ["admin"],
    run: (w, r) => getPage(adminAudit.loader, "/admin/audit", {}, w.users[r]),
  },
  {
    name: "schedule a meeting (form)",
    allowed: FACILITATORS,
    run: (w, r) =>
      getPage(
        newMeetingRoute.loader,
        `/platforms/${w.platform.slug}/meetings/new`,
        params(w),
        w.users[r],
      ),
  },
  {
    name: "edit a meeting (form)",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id);
      return getMeetingPage(w, r, editMeetingRoute.loader, m.id, "/edit");
    },
  },
  {
    name: "write the minutes (form)",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const m = await makeMeeting(w.platform.id, { status: "held", minutes: "Borrador" });
      return getMeetingPage(w, r, minutesEditRoute.loader, m.id, "/minutes/edit");
    },
  },
  {
    name: "create a proposal (form)",
    allowed: MEMBERS,
    run: (w, r) =>
      getPage(
        newProposalRoute.loader,
        `/platforms/${w.platform.slug}/proposals/new`,
        params(w),
        w.users[r],
      ),
  },
  {
    name: "open a vote (form)",
    allowed: COORDINATORS,
    run: async (w, r) => {
      const p = await proposalIn(w);
      return getPage(
        openVoteRoute.loader,
        proposalPath(w, p.id, "/vote"),
        proposalParams(w, p.id),
        w.users[r],
      );
    },
  },
  {
    name: "record an in-person tally (form)",
    allowed: FACILITATORS,
    run: async (w, r) => {
      const { proposal } = await openVoteOn(w);
      return getPage(
        tallyRoute.loader,
        proposalPath(w, proposal.id, "/tally"),
        proposalParams(w, proposal.id),
        w.users[r],
      );
    },
  },
  {
    // Its author (the member), the platform's coordinators and administrators.
    name: "a draft proposal",
    allowed: ["member", "coordinator", "admin"],
    draft: true,
    run: async (w, r) => {
      const p = await proposalByMember(w, "draft");
      return getPage(
        proposalRoute.loader,
        proposalPath(w, p.id),
        proposalParams(w, p.id),
        w.users[r],
      );
    },
  },
  {
    name: "a draft proposal's result",
    allowed: ["member", "coordinator", "admin"],
    draft: true,
    run: async (w, r) => {
      const p = await draftWithResult(w);
      return getPage(
        resultRoute.loader,
        proposalPath(w, p.id, "/result"),
        proposalParams(w, p.id),
        w.users[r],
      );
    },
  },
  {
    name: "a draft proposal's result (.csv)",
    allowed: ["member", "coordinator", "admin"],
    draft: true,
    run: async (w, r) => {
      const p = await draftWithResult(w);
      return getPage(
        resultCsvRoute.loader,
        proposalPath(w, p.id, "/result.csv"),
        proposalParams(w, p.id),
        w.users[r],
      );
    },
  },
  {
    name: "the platform's audit log",
    allowed: COORDINATORS,
    run: (w, r) =>
      getPage(
        platformAuditRoute.loader,
        `/platforms/${w.platform.slug}/audit`,
        params(w),
        w.users[r],
      ),
  },
  {
    name: "administration home",
    allowed: ["admin"],
    run: (w, r) => getPage(adminHome.loader, "/admin", {}, w.users[r]),
  },
  {
    name: "create a platform (form)",
    allowed: ["admin"],
    run: (w, r) => getPage(adminNewPlatform.loader, "/admin/platforms/new", {}, w.users[r]),
  },
  {
    name: "edit a platform (form)",
    allowed: ["admin"],
    run: (w, r) =>
      getPage(
        adminEditPlatform.loader,
        `/admin/platforms/${w.platform.slug}`,
        { slug: w.platform.slug },
        w.users[r],
      ),
  },
  {
    name: "download my data (.json)",
    allowed: SIGNED_IN,
    run: (w, r) => getPage(myDataRoute.loader, "/account/data.json", {}, w.users[r]),
  },
];

describe("permission matrix: pages that are not public", () => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld();
  });
  for (const page of PAGES) {
    for (const role of ROLE_NAMES) {
      const allowed = page.allowed.includes(role);
      it(`${page.name} — ${role}: ${allowed ? "shown" : "refused"}`, async () => {
        const result = await page.run(world, role);
        if (allowed) expect(result.status).toBe(200);
        else {
          expect(isDenied(result), JSON.stringify(result)).toBe(true);
          // A draft does not exist for those who may not see it, signed in or not.
          if (page.draft) expect(result.status).toBe(404);
        }
      });
    }
  }

  it("a person counted only on another platform is a 404 here, even for its coordinators", async () => {
    const m = await makeMeeting(world.other.id);
    const p = await createWalkIn(db, { name: "De otra plataforma" });
    await db.attendance.create({
      data: { meetingId: m.id, participantId: p.id, status: "present", walkIn: true },
    });
    const result = await getPage(
      personRoute.loader,
      personPath(world, p.id),
      personParams(world, p.id),
      world.users.coordinator,
    );
    expect(result.status).toBe(404);
  });

  it("the platform page counts pending requests only for coordinators and admins", async () => {
    await pendingRequest(world);
    await pendingRequest(world);
    const expected = await db.membership.count({
      where: { platformId: world.platform.id, status: "pending" },
    });
    expect(expected).toBeGreaterThanOrEqual(2);
    for (const role of ROLE_NAMES) {
      const page = await getPage(
        platformRoute.loader,
        `/platforms/${world.platform.slug}`,
        { slug: world.platform.slug },
        world.users[role],
      );
      const shown = (page.body as { pendingRequests: number | null }).pendingRequests;
      expect(shown, role).toBe(COORDINATORS.includes(role) ? expected : null);
    }
  });

  it("published minutes list attendees by name only for the platform's members", async () => {
    const m = await makeMeeting(world.platform.id, {
      status: "held",
      minutes: "Acta",
      minutesPublishedAt: new Date(),
    });
    const member = await participantOf(world.users.member!.id);
    await db.attendance.create({
      data: { meetingId: m.id, participantId: member, status: "present" },
    });
    // A walk-in present and a member absent: both readers get the same figures.
    const door = await createWalkIn(db, { name: "Persona en la puerta" });
    await db.attendance.create({
      data: { meetingId: m.id, participantId: door.id, status: "present", walkIn: true },
    });
    const coordinator = await participantOf(world.users.coordinator!.id);
    await db.attendance.create({
      data: { meetingId: m.id, participantId: coordinator, status: "absent" },
    });
    const path = meetingPath(world, m.id, "/minutes");
    const asMember = await getPage(
      minutesRoute.loader,
      path,
      params(world, m.id),
      world.users.member,
    );
    const asOutsider = await getPage(
      minutesRoute.loader,
      path,
      params(world, m.id),
      world.users.user,
    );
    expect(JSON.stringify(asMember.body)).toContain("Miembro");
    expect((asOutsider.body as { attendance: unknown }).attendance).toBeNull();
    for (const body of [asMember.body, asOutsider.body])
      expect(body).toMatchObject({ presentCount: 2, walkInCount: 1 });
  });
});
