import type { Database } from "better-sqlite3";
import { searchable } from "~/text/searchable";
import { decideVote } from "~/votes/outcome";
import { type Random, seededRandom } from "./random";

/**
 * The benchmark's database, written straight to SQLite with prepared statements in one
 * transaction (seconds for ~400,000 rows, where the ORM would take minutes). Rows follow
 * what the app writes itself (statuses, dates as Prisma stores them, search texts), so the
 * pages read them as they would read real ones. Deterministic: same sizes, same rows.
 *
 * Closed votes store the result of the app's own pure rule (decideVote), with the proposal
 * moved and the history and audit rows a close writes.
 */
export interface BenchSizes {
  users: number;
  /** Active members of the big platform (including its coordinator and facilitators). */
  bigMembers: number;
  meetings: number;
  /** Of the meetings, how many are still to come (the rest are held, with attendance). */
  upcomingMeetings: number;
  attendancePerMeeting: number;
  rsvpsPerUpcoming: number;
  proposals: number;
  openVotes: number;
  closedVotes: number;
  ballotsPerOpenVote: number;
  ballotsPerClosedVote: number;
  smallPlatforms: number;
  smallMembers: number;
  courses: number;
  enrolledPerCourse: number;
  sessionsPerCourse: number;
  groups: number;
  threads: number;
  posts: number;
}

export const FULL_SIZES: BenchSizes = {
  users: 10_000,
  bigMembers: 2_000,
  meetings: 300,
  upcomingMeetings: 30,
  attendancePerMeeting: 156,
  rsvpsPerUpcoming: 300,
  proposals: 200,
  openVotes: 40,
  closedVotes: 60,
  ballotsPerOpenVote: 1_000,
  ballotsPerClosedVote: 1_500,
  smallPlatforms: 20,
  smallMembers: 150,
  courses: 200,
  enrolledPerCourse: 30,
  sessionsPerCourse: 8,
  groups: 20,
  threads: 2_000,
  posts: 20_000,
};

/** What the benchmark and the test need to find again: the key pages' ids and the logins. */
export interface BenchWorld {
  bigSlug: string;
  coordinatorEmail: string;
  facilitatorEmail: string;
  /** Emails of ordinary members of the big platform, all with BENCH_PASSWORD. */
  memberEmails: string[];
  /** Accounts on the big platform (ids, emails and names, for tests that act as them). */
  accounts: Record<"coordinator" | "facilitator" | "member", BenchAccount>;
  proposalWithVoteId: string;
  openProposalIds: string[];
  upcomingMeetingId: string;
  todayMeetingId: string;
  courseId: string;
  courseSessionId: string;
  groupId: string;
  threadId: string;
  counts: Record<string, number>;
}

export interface BenchAccount {
  id: string;
  email: string;
  name: string;
}

export const BENCH_PASSWORD = "minga-bench-2026";
export const BIG_SLUG = "corredor-grande";

const DAY = 24 * 3600_000;

/** Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset. */
const iso = (d: Date | number) => new Date(d).toISOString().replace("Z", "+00:00");

const FIRST = [
  "María",
  "Rosa",
  "Luz",
  "Alicia",
  "Rebeca",
  "Fernanda",
  "Blanca",
  "Carmen",
  "Nancy",
  "Gloria",
  "Tupak",
  "Jorge",
  "Luis",
  "Humberto",
  "Segundo",
  "Carlos",
  "Manuel",
  "Wilson",
  "Édgar",
  "Nelson",
  "Yaku",
  "Sisa",
  "Inti",
  "Killa",
  "Nina",
];
const LAST = [
  "Grefa",
  "Criollo",
  "Piaguaje",
  "Yiyoguaje",
  "Mamallacta",
  "Quenamá",
  "Ortiz",
  "Andi",
  "Shiguango",
  "Tanguila",
  "Yumbo",
  "Aguinda",
  "Cerda",
  "Payaguaje",
  "Lusitande",
  "Cabrera",
  "Vargas",
  "Noteno",
  "Alvarado",
  "Licuy",
];
const COMMUNITIES = [
  ["Sani Isla", "Kichwa"],
  ["Dureno", "A'i Cofán"],
  ["San Pablo de Katëtsiaya", "Secoya"],
  ["Sototsiaya", "Siona"],
  ["Pañacocha", "Kichwa"],
  ["Zábalo", "A'i Cofán"],
  ["Asociación Cacao Aguarico", "Mestiza"],
  ["Limoncocha", "Kichwa"],
  ["Playas de Cuyabeno", "Kichwa"],
  ["Sinangoe", "A'i Cofán"],
] as const;
const GENDERS = ["woman", "man", "woman", "man", "nonbinary", "undisclosed"];
const TOPICS = ["fauna", "crimes", "bioeconomy", "tourism", "other"];
const SUBJECTS = [
  "Turismo comunitario en la laguna",
  "Patrullajes de vigilancia del río",
  "Vivero de plantas nativas",
  "Monitoreo de fauna con cámaras trampa",
  "Venta asociativa de cacao",
  "Secado de guayusa",
  "Reglamento de caza de subsistencia",
  "Manejo de residuos en la comunidad",
  "Ruta de canoas para visitantes",
  "Calendario de mingas de limpieza",
];
const PLACES = [
  "Casa comunal de Sani Isla",
  "Centro Kichwa de Pañacocha",
  "Casa comunal de Dureno",
  "Coliseo de Limoncocha",
];

const pad = (n: number) => n.toString(36).padStart(6, "0");
/** Deterministic cuid-like ids: a prefix per table and a counter. */
const id = (prefix: string, n: number) => `c${prefix}${pad(n)}`;

export const benchEmail = (i: number) => `persona${i}@bench.minga.example`;

/** One prepared INSERT per table, named by its columns. */
function inserter(sqlite: Database, table: string, columns: string[]) {
  const statement = sqlite.prepare(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns
      .map(() => "?")
      .join(", ")})`,
  );
  let count = 0;
  const run = (row: Record<string, unknown>) => {
    statement.run(...columns.map((c) => (row[c] === undefined ? null : row[c])));
    count++;
  };
  return Object.assign(run, { count: () => count });
}

interface Person {
  userId: string;
  participantId: string;
  name: string;
}

interface Context {
  sqlite: Database;
  rnd: Random;
  sizes: BenchSizes;
  now: number;
  passwordHash: string;
  people: Person[];
  counts: Record<string, number>;
  tally(table: string, n?: number): void;
}

/** Users, each with a participant record, all sharing one precomputed password hash. */
function seedUsers(ctx: Context) {
  const user = inserter(ctx.sqlite, "User", [
    "id",
    "email",
    "name",
    "passwordHash",
    "isAdmin",
    "createdAt",
    "updatedAt",
  ]);
  const participant = inserter(ctx.sqlite, "Participant", [
    "id",
    "userId",
    "name",
    "community",
    "people",
    "gender",
    "birthYear",
    "searchText",
    "createdAt",
    "updatedAt",
  ]);
  const created = iso(ctx.now - 900 * DAY);
  for (let i = 0; i < ctx.sizes.users; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
    const [community, people] = ctx.rnd.pick(COMMUNITIES);
    const person = { userId: id("u", i), participantId: id("p", i), name };
    user({
      id: person.userId,
      email: benchEmail(i),
      name,
      passwordHash: ctx.passwordHash,
      isAdmin: i === 0 ? 1 : 0,
      createdAt: created,
      updatedAt: created,
    });
    participant({
      id: person.participantId,
      userId: person.userId,
      name,
      community,
      people,
      gender: ctx.rnd.pick(GENDERS),
      birthYear: 1950 + ctx.rnd.int(55),
      searchText: searchable(`${name} ${community}`),
      createdAt: created,
      updatedAt: created,
    });
    ctx.people.push(person);
  }
  ctx.tally("User", user.count());
  ctx.tally("Participant", participant.count());
}

function platformInserter(ctx: Context) {
  return inserter(ctx.sqlite, "Platform", [
    "id",
    "slug",
    "name",
    "descriptionEs",
    "descriptionEn",
    "country",
    "region",
    "timeZone",
    "quorumPercent",
    "approvalRule",
    "createdAt",
    "updatedAt",
  ]);
}

/** Memberships with their active periods: `members[0]` coordinates, the next ten facilitate. */
function seedMemberships(ctx: Context, platformId: string, members: Person[], pending: Person[]) {
  const membership = inserter(ctx.sqlite, "Membership", [
    "id",
    "participantId",
    "userId",
    "platformId",
    "status",
    "role",
    "note",
    "createdAt",
    "updatedAt",
  ]);
  const period = inserter(ctx.sqlite, "MembershipPeriod", [
    "id",
    "membershipId",
    "platformId",
    "startedAt",
    "endedAt",
  ]);
  const base = ctx.counts.Membership ?? 0;
  members.forEach((p, i) => {
    const membershipId = id("m", base + i);
    // Joined over the first year, before the assemblies of the benchmark's window.
    const started = ctx.now - (1000 - ctx.rnd.int(300)) * DAY;
    membership({
      id: membershipId,
      participantId: p.participantId,
      userId: p.userId,
      platformId,
      status: "active",
      role: i === 0 ? "coordinator" : i <= 10 ? "facilitator" : "member",
      createdAt: iso(started),
      updatedAt: iso(started),
    });
    period({ id: id("mp", base + i), membershipId, platformId, startedAt: iso(started) });
  });
  pending.forEach((p, j) => {
    const when = iso(ctx.now - ctx.rnd.int(30) * DAY);
    membership({
      id: id("m", base + members.length + j),
      participantId: p.participantId,
      userId: p.userId,
      platformId,
      status: "pending",
      role: "member",
      note: `Comunidad ${ctx.rnd.pick(COMMUNITIES)[0]}`,
      createdAt: when,
      updatedAt: when,
    });
  });
  ctx.tally("Membership", membership.count());
  ctx.tally("MembershipPeriod", period.count());
}

/**
 * Assemblies: held ones (with agenda, decisions, published minutes and attendance), one
 * today (attendance open) and upcoming ones with RSVPs.
 */
function seedMeetings(
  ctx: Context,
  platformId: string,
  members: Person[],
  walkIns: Person[],
  sizes: { meetings: number; upcoming: number; attendance: number; rsvps: number },
) {
  const meeting = inserter(ctx.sqlite, "Meeting", [
    "id",
    "platformId",
    "title",
    "description",
    "startsAt",
    "endsAt",
    "place",
    "status",
    "createdById",
    "minutes",
    "minutesPublishedAt",
    "minutesPublishedById",
    "quorumPercent",
    "createdAt",
    "updatedAt",
  ]);
  const agenda = inserter(ctx.sqlite, "AgendaItem", ["id", "meetingId", "position", "title"]);
  const decision = inserter(ctx.sqlite, "MeetingDecision", ["id", "meetingId", "position", "text"]);
  const attendance = inserter(ctx.sqlite, "Attendance", [
    "id",
    "meetingId",
    "participantId",
    "status",
    "walkIn",
    "recordedById",
    "createdAt",
    "updatedAt",
  ]);
  const rsvp = inserter(ctx.sqlite, "Rsvp", ["id", "meetingId", "userId", "answer", "updatedAt"]);
  const held = sizes.meetings - sizes.upcoming - 1;
  const facilitator = members[1] ?? members[0];
  const ids: string[] = [];
  for (let k = 0; k < sizes.meetings; k++) {
    const n = (ctx.counts.Meeting ?? 0) + k;
    const meetingId = id("mt", n);
    ids.push(meetingId);
    // Held weekly up to last week, one today (started an hour ago), then weekly to come.
    const start =
      k < held
        ? ctx.now - (held - k) * 7 * DAY
        : k === held
          ? ctx.now - 3600_000
          : ctx.now + (k - held) * 7 * DAY;
    const isHeld = k < held;
    const published = isHeld && k < held - 2;
    const subject = SUBJECTS[k % SUBJECTS.length];
    meeting({
      id: meetingId,
      platformId,
      title: `Asamblea ${k + 1}: ${subject.toLowerCase()}`,
      description: `Asamblea de la plataforma sobre ${subject.toLowerCase()}.`,
      startsAt: iso(start),
      endsAt: iso(start + 3 * 3600_000),
      place: PLACES[k % PLACES.length],
      // Taking attendance is what makes an assembly held: today's has its first marks.
      status: isHeld || k === held ? "held" : "scheduled",
      createdById: members[0].userId,
      minutes: isHeld ? `## Desarrollo\n\nSe trató ${subject.toLowerCase()}.\n\n- Informe.` : "",
      minutesPublishedAt: published ? iso(start + 2 * DAY) : null,
      minutesPublishedById: published ? members[0].userId : null,
      quorumPercent: published ? 50 : null,
      createdAt: iso(start - 20 * DAY),
      updatedAt: iso(start - 20 * DAY),
    });
    ["Informe de la coordinación", subject, "Varios"].forEach((title, position) =>
      agenda({ id: `${meetingId}a${position}`, meetingId, position, title }),
    );
    if (isHeld) {
      decision({ id: `${meetingId}d0`, meetingId, position: 0, text: `Aprobar: ${subject}.` });
    }
    if (isHeld || k === held) {
      const count = k === held ? Math.floor(sizes.attendance / 3) : sizes.attendance;
      const marked = ctx.rnd.sample(members, Math.max(0, count - 2));
      const recorded = iso(start + 3600_000);
      marked.forEach((p, i) => {
        const r = ctx.rnd.next();
        attendance({
          id: `${meetingId}x${i}`,
          meetingId,
          participantId: p.participantId,
          status: r < 0.8 ? "present" : r < 0.9 ? "late" : r < 0.95 ? "excused" : "absent",
          walkIn: 0,
          recordedById: facilitator.userId,
          createdAt: recorded,
          updatedAt: recorded,
        });
      });
      ctx.rnd.sample(walkIns, Math.min(2, count)).forEach((p, i) =>
        attendance({
          id: `${meetingId}w${i}`,
          meetingId,
          participantId: p.participantId,
          status: "present",
          walkIn: 1,
          recordedById: facilitator.userId,
          createdAt: recorded,
          updatedAt: recorded,
        }),
      );
    }
    if (!isHeld) {
      ctx.rnd.sample(members, sizes.rsvps).forEach((p, i) => {
        const r = ctx.rnd.next();
        rsvp({
          id: `${meetingId}r${i}`,
          meetingId,
          userId: p.userId,
          answer: r < 0.7 ? "yes" : r < 0.85 ? "maybe" : "no",
          updatedAt: iso(start - 5 * DAY),
        });
      });
    }
  }
  ctx.tally("Meeting", meeting.count());
  ctx.tally("AgendaItem", agenda.count());
  ctx.tally("MeetingDecision", decision.count());
  ctx.tally("Attendance", attendance.count());
  ctx.tally("Rsvp", rsvp.count());
  return { ids, todayId: ids[held], upcomingId: ids[held + 1] ?? ids[held] };
}

/**
 * Proposals in every state; `open` of them with a vote open now and `closed` with a vote
 * past its closing time (closed afterwards by the app), each with its ballots.
 */
function seedProposals(
  ctx: Context,
  platformId: string,
  members: Person[],
  sizes: {
    proposals: number;
    open: number;
    closed: number;
    ballotsOpen: number;
    ballotsClosed: number;
  },
) {
  const proposal = inserter(ctx.sqlite, "Proposal", [
    "id",
    "platformId",
    "authorId",
    "title",
    "summary",
    "body",
    "state",
    "searchText",
    "createdAt",
    "updatedAt",
  ]);
  const history = inserter(ctx.sqlite, "ProposalStateChange", [
    "id",
    "proposalId",
    "fromState",
    "toState",
    "actorId",
    "createdAt",
  ]);
  const vote = inserter(ctx.sqlite, "Vote", [
    "id",
    "proposalId",
    "platformId",
    "kind",
    "secret",
    "opensAt",
    "closesAt",
    "quorumPercent",
    "approvalRule",
    "createdById",
    "createdAt",
  ]);
  const option = inserter(ctx.sqlite, "VoteOption", ["id", "voteId", "position", "code", "label"]);
  const ballot = inserter(ctx.sqlite, "Ballot", [
    "id",
    "voteId",
    "userId",
    "optionId",
    "createdAt",
    "updatedAt",
  ]);
  const audit = inserter(ctx.sqlite, "AuditEvent", [
    "id",
    "action",
    "entityType",
    "entityId",
    "platformId",
    "details",
    "createdAt",
  ]);
  const closeVote = ctx.sqlite.prepare(
    `UPDATE "Vote" SET "closedAt" = ?, "result" = ?, "outcome" = ? WHERE "id" = ?`,
  );
  const setState = ctx.sqlite.prepare(`UPDATE "Proposal" SET "state" = ? WHERE "id" = ?`);
  const coordinator = members[0];
  const open: string[] = [];
  const base = ctx.counts.Proposal ?? 0;
  for (let k = 0; k < sizes.proposals; k++) {
    const proposalId = id("pr", base + k);
    const isOpen = k < sizes.open;
    const isClosed = !isOpen && k < sizes.open + sizes.closed;
    const state =
      isOpen || isClosed
        ? "voting"
        : (["discussion", "discussion", "draft", "withdrawn"] as const)[k % 4];
    const author = members[ctx.rnd.int(members.length)];
    const created = ctx.now - (isOpen ? 10 + ctx.rnd.int(20) : 40 + ctx.rnd.int(600)) * DAY;
    const title = `${SUBJECTS[k % SUBJECTS.length]} (${k + 1})`;
    const summary = `Propuesta de la comunidad sobre ${SUBJECTS[(k + 3) % SUBJECTS.length].toLowerCase()}.`;
    proposal({
      id: proposalId,
      platformId,
      authorId: author.userId,
      title,
      summary,
      body: `## Propuesta\n\n${summary}\n\n- Quién: las comunidades.\n- Cuándo: este año.`,
      state,
      searchText: searchable(`${title} ${summary}`),
      createdAt: iso(created),
      updatedAt: iso(created),
    });
    const steps: [string | null, string][] = [[null, "draft"]];
    if (state !== "draft")
      steps.push(["draft", state === "withdrawn" ? "withdrawn" : "discussion"]);
    if (state === "voting") steps.push(["discussion", "voting"]);
    steps.forEach(([from, to], i) =>
      history({
        id: `${proposalId}h${i}`,
        proposalId,
        fromState: from,
        toState: to,
        actorId: i === 2 ? coordinator.userId : author.userId,
        createdAt: iso(created + i * DAY),
      }),
    );
    if (!isOpen && !isClosed) continue;
    if (isOpen) open.push(proposalId);
    const voteId = id("v", base + k);
    const opensAt = created + 2 * DAY;
    const closesAt = isOpen ? ctx.now + 10 * DAY : opensAt + 7 * DAY;
    vote({
      id: voteId,
      proposalId,
      platformId,
      kind: "yesNo",
      secret: k % 2,
      opensAt: iso(opensAt),
      closesAt: iso(closesAt),
      quorumPercent: 50,
      approvalRule: "simple",
      createdById: coordinator.userId,
      createdAt: iso(opensAt),
    });
    const options = ["yes", "no", "abstain"].map((code, position) => {
      const optionId = `${voteId}o${position}`;
      option({ id: optionId, voteId, position, code, label: code });
      return optionId;
    });
    const voters = ctx.rnd.sample(members, isOpen ? sizes.ballotsOpen : sizes.ballotsClosed);
    const cast = iso(opensAt + DAY);
    const online = [0, 0, 0];
    voters.forEach((p, i) => {
      const r = ctx.rnd.next();
      const choice = r < 0.55 ? 0 : r < 0.9 ? 1 : 2;
      online[choice]++;
      ballot({
        id: `${voteId}b${i}`,
        voteId,
        userId: p.userId,
        optionId: options[choice],
        createdAt: cast,
        updatedAt: cast,
      });
    });
    if (isClosed) {
      // Every member joined before the vote, so all are eligible at its close.
      const result = decideVote({
        options: options.map((optionId, i) => ({
          id: optionId,
          code: ["yes", "no", "abstain"][i],
          label: ["yes", "no", "abstain"][i],
          online: online[i],
          inPerson: 0,
        })),
        eligible: members.length,
        quorumPercent: 50,
        rule: "simple",
      });
      closeVote.run(iso(closesAt), JSON.stringify(result), result.outcome, voteId);
      setState.run(result.outcome, proposalId);
      history({
        id: `${proposalId}h3`,
        proposalId,
        fromState: "voting",
        toState: result.outcome,
        createdAt: iso(closesAt),
      });
      const details = {
        reason: null,
        outcome: result.outcome,
        participation: result.participation,
        members: result.members,
        nonMembers: result.nonMembers,
      };
      audit({
        id: `${voteId}a0`,
        action: "vote.closed",
        entityType: "Vote",
        entityId: voteId,
        platformId,
        details: JSON.stringify(details),
        createdAt: iso(closesAt),
      });
      audit({
        id: `${voteId}a1`,
        action: "proposal.stateChanged",
        entityType: "Proposal",
        entityId: proposalId,
        platformId,
        details: JSON.stringify({ from: "voting", to: result.outcome, reason: null }),
        createdAt: iso(closesAt),
      });
    }
  }
  ctx.tally("AuditEvent", audit.count());
  ctx.tally("Proposal", proposal.count());
  ctx.tally("ProposalStateChange", history.count());
  ctx.tally("Vote", vote.count());
  ctx.tally("VoteOption", option.count());
  ctx.tally("Ballot", ballot.count());
  return open;
}

/** A few comments on the proposals under discussion, through the shared discussion tables. */
function seedProposalComments(ctx: Context, platformId: string, members: Person[], n: number) {
  const discussion = inserter(ctx.sqlite, "Discussion", [
    "id",
    "hostType",
    "platformId",
    "createdAt",
  ]);
  const post = inserter(ctx.sqlite, "Post", [
    "id",
    "discussionId",
    "authorId",
    "body",
    "searchText",
    "createdAt",
  ]);
  const link = ctx.sqlite.prepare(`UPDATE "Proposal" SET "discussionId" = ? WHERE "id" = ?`);
  const proposals = ctx.sqlite
    .prepare(`SELECT "id" FROM "Proposal" WHERE "platformId" = ? ORDER BY "id" LIMIT ?`)
    .all(platformId, n) as { id: string }[];
  for (const { id: proposalId } of proposals) {
    const discussionId = `${proposalId}dc`;
    const at = ctx.now - 5 * DAY;
    discussion({ id: discussionId, hostType: "proposal", platformId, createdAt: iso(at) });
    link.run(discussionId, proposalId);
    for (let i = 0; i < 8; i++) {
      const body = `Comentario ${i + 1}: estamos de acuerdo con cuidar el territorio.`;
      post({
        id: `${discussionId}p${i}`,
        discussionId,
        authorId: members[ctx.rnd.int(members.length)].userId,
        body,
        searchText: searchable(body),
        createdAt: iso(at + i * 3600_000),
      });
    }
  }
  ctx.tally("Discussion", discussion.count());
  ctx.tally("Post", post.count());
}

/** Walk-ins: participants without an account, counted at assemblies and sessions. */
function seedWalkIns(ctx: Context, n: number): Person[] {
  const participant = inserter(ctx.sqlite, "Participant", [
    "id",
    "name",
    "community",
    "ageGroup",
    "searchText",
    "createdAt",
    "updatedAt",
  ]);
  const out: Person[] = [];
  for (let i = 0; i < n; i++) {
    const name = `${ctx.rnd.pick(FIRST)} ${ctx.rnd.pick(LAST)} (visita ${i})`;
    const community = ctx.rnd.pick(COMMUNITIES)[0];
    const at = iso(ctx.now - ctx.rnd.int(600) * DAY);
    const participantId = id("pw", i);
    participant({
      id: participantId,
      name,
      community,
      ageGroup: ctx.rnd.pick(["youth", "adult", "elder"]),
      searchText: searchable(`${name} ${community}`),
      createdAt: at,
      updatedAt: at,
    });
    out.push({ userId: "", participantId, name });
  }
  ctx.tally("Participant", participant.count());
  return out;
}

/**
 * Courses with lessons, enrolments, training sessions (held ones with attendance) and a
 * facilitator. Course 0 is the benchmark's: on the big platform, with a session today.
 */
function seedCourses(
  ctx: Context,
  platforms: { id: string; timeZone: string; members: Person[] }[],
  sizes: { courses: number; enrolled: number; sessions: number },
) {
  const course = inserter(ctx.sqlite, "Course", [
    "id",
    "platformId",
    "titleEs",
    "titleEn",
    "descriptionEs",
    "descriptionEn",
    "topic",
    "capacity",
    "enrolmentOpen",
    "startDate",
    "endDate",
    "timeZone",
    "completionPercent",
    "status",
    "searchText",
    "createdById",
    "createdAt",
    "updatedAt",
  ]);
  const facilitator = inserter(ctx.sqlite, "CourseFacilitator", ["id", "courseId", "userId"]);
  const lesson = inserter(ctx.sqlite, "Lesson", [
    "id",
    "courseId",
    "position",
    "title",
    "body",
    "createdAt",
    "updatedAt",
  ]);
  const session = inserter(ctx.sqlite, "TrainingSession", [
    "id",
    "courseId",
    "topic",
    "startsAt",
    "endsAt",
    "place",
    "facilitatorId",
    "status",
    "createdAt",
    "updatedAt",
  ]);
  const enrolment = inserter(ctx.sqlite, "Enrolment", [
    "id",
    "courseId",
    "participantId",
    "status",
    "enrolledAt",
    "enrolledById",
    "updatedAt",
  ]);
  const attendance = inserter(ctx.sqlite, "Attendance", [
    "id",
    "sessionId",
    "participantId",
    "status",
    "walkIn",
    "recordedById",
    "createdAt",
    "updatedAt",
  ]);
  const date = (t: number) => new Date(t).toISOString().slice(0, 10);
  let benchSession = "";
  for (let c = 0; c < sizes.courses; c++) {
    const courseId = id("co", c);
    // A quarter portal-wide, the rest spread over the platforms (the big one first).
    const host = c % 4 === 3 ? null : platforms[c % platforms.length];
    const owner = host ? host.members : platforms[0].members;
    const teacher = owner[1] ?? owner[0];
    const topic = TOPICS[c % TOPICS.length];
    const subject = SUBJECTS[c % SUBJECTS.length];
    // Course 0 runs now; the others are spread from two years ago to next year.
    const start = c === 0 ? ctx.now - 30 * DAY : ctx.now - (700 - ((c * 7) % 900)) * DAY;
    const every = 7 * DAY;
    const sessionsHere = c === 0 ? sizes.sessions + 4 : sizes.sessions;
    const end = start + (sessionsHere - 1) * every;
    const status = c % 10 === 9 ? "draft" : "published";
    course({
      id: courseId,
      platformId: host?.id ?? null,
      titleEs: `Curso ${c + 1}: ${subject}`,
      titleEn: `Course ${c + 1}: ${subject}`,
      descriptionEs: `Formación sobre ${subject.toLowerCase()} para las comunidades del corredor.`,
      descriptionEn: `Training on ${subject.toLowerCase()} for the corridor's communities.`,
      topic,
      capacity: c % 3 === 0 ? null : sizes.enrolled * 2,
      enrolmentOpen: end > ctx.now ? 1 : 0,
      startDate: date(start),
      endDate: date(end),
      timeZone: host?.timeZone ?? "America/Guayaquil",
      completionPercent: 75,
      status,
      searchText: searchable(`Curso ${c + 1}: ${subject} Course ${c + 1}: ${subject}`),
      createdById: teacher.userId,
      createdAt: iso(start - 30 * DAY),
      updatedAt: iso(start - 30 * DAY),
    });
    facilitator({ id: `${courseId}f`, courseId, userId: teacher.userId });
    for (let l = 0; l < 3; l++) {
      lesson({
        id: `${courseId}l${l}`,
        courseId,
        position: l,
        title: `Lección ${l + 1}`,
        body: `Contenido de la lección ${l + 1} sobre **${subject.toLowerCase()}**.`,
        createdAt: iso(start - 20 * DAY),
        updatedAt: iso(start - 20 * DAY),
      });
    }
    const enrolledHere = c === 0 ? sizes.enrolled * 2 : sizes.enrolled;
    const learners = ctx.rnd.sample(owner, enrolledHere);
    learners.forEach((p, i) =>
      enrolment({
        id: `${courseId}e${i}`,
        courseId,
        participantId: p.participantId,
        status: "enrolled",
        enrolledAt: iso(start - 7 * DAY),
        enrolledById: teacher.userId,
        updatedAt: iso(start - 7 * DAY),
      }),
    );
    for (let s = 0; s < sessionsHere; s++) {
      const sessionId = `${courseId}s${s}`;
      const at = start + s * every;
      const today = c === 0 && at <= ctx.now && at + every > ctx.now;
      // Course 0's session today starts an hour ago so its attendance form is open.
      const startsAt = today ? ctx.now - 3600_000 : at;
      if (today) benchSession = sessionId;
      const held = startsAt + 3 * 3600_000 < ctx.now && status === "published";
      session({
        id: sessionId,
        courseId,
        topic: `Sesión ${s + 1}: ${subject.toLowerCase()}`,
        startsAt: iso(startsAt),
        endsAt: iso(startsAt + 3 * 3600_000),
        place: PLACES[s % PLACES.length],
        facilitatorId: teacher.userId,
        status: held ? "held" : "scheduled",
        createdAt: iso(start - 20 * DAY),
        updatedAt: iso(start - 20 * DAY),
      });
      if (!held) continue;
      const recorded = iso(startsAt + 3 * 3600_000);
      learners.forEach((p, i) => {
        const r = ctx.rnd.next();
        attendance({
          id: `${sessionId}x${i}`,
          sessionId,
          participantId: p.participantId,
          status: r < 0.75 ? "present" : r < 0.85 ? "late" : r < 0.92 ? "excused" : "absent",
          walkIn: 0,
          recordedById: teacher.userId,
          createdAt: recorded,
          updatedAt: recorded,
        });
      });
    }
  }
  ctx.tally("Course", course.count());
  ctx.tally("CourseFacilitator", facilitator.count());
  ctx.tally("Lesson", lesson.count());
  ctx.tally("TrainingSession", session.count());
  ctx.tally("Enrolment", enrolment.count());
  ctx.tally("Attendance", attendance.count());
  return { courseId: id("co", 0), sessionId: benchSession || `${id("co", 0)}s0` };
}

/**
 * Groups with their members, threads and posts. A thread is a discussion (hostType
 * "thread") whose first post is its body; replies hang one level under top-level posts.
 * Group 0 (public, open) holds the most threads, and its first thread the most posts.
 */
function seedForums(
  ctx: Context,
  platformId: string,
  members: Person[],
  sizes: { groups: number; threads: number; posts: number },
) {
  const group = inserter(ctx.sqlite, "Group", [
    "id",
    "platformId",
    "nameEs",
    "nameEn",
    "descriptionEs",
    "descriptionEn",
    "visibility",
    "joining",
    "createdById",
    "createdAt",
    "updatedAt",
  ]);
  const groupMembership = inserter(ctx.sqlite, "GroupMembership", [
    "id",
    "groupId",
    "userId",
    "status",
    "role",
    "createdAt",
    "updatedAt",
  ]);
  const discussion = inserter(ctx.sqlite, "Discussion", [
    "id",
    "hostType",
    "platformId",
    "createdAt",
  ]);
  const thread = inserter(ctx.sqlite, "Thread", [
    "id",
    "groupId",
    "authorId",
    "title",
    "searchText",
    "discussionId",
    "pinnedAt",
    "lastActivityAt",
    "createdAt",
  ]);
  const post = inserter(ctx.sqlite, "Post", [
    "id",
    "discussionId",
    "authorId",
    "parentId",
    "body",
    "searchText",
    "createdAt",
  ]);
  const read = inserter(ctx.sqlite, "ThreadRead", ["threadId", "userId", "readAt"]);
  const kinds = [
    ["Mujeres", "Women"],
    ["Jóvenes", "Youth"],
    ["Guardianes del territorio", "Territory guardians"],
    ["Productores de cacao", "Cacao growers"],
    ["Turismo comunitario", "Community tourism"],
  ];
  const groups: { id: string; members: Person[] }[] = [];
  const created = ctx.now - 400 * DAY;
  for (let g = 0; g < sizes.groups; g++) {
    const groupId = id("g", g);
    const [es, en] = kinds[g % kinds.length];
    const visibility = g % 5 === 4 ? "private" : "public";
    group({
      id: groupId,
      platformId,
      nameEs: `${es} ${g + 1}`,
      nameEn: `${en} ${g + 1}`,
      descriptionEs: `Foro del grupo ${es.toLowerCase()}.`,
      descriptionEn: `Forum of the ${en.toLowerCase()} group.`,
      visibility,
      joining: visibility === "private" ? "approval" : "open",
      createdById: members[0].userId,
      createdAt: iso(created),
      updatedAt: iso(created),
    });
    // The coordinator belongs to (and moderates) every group, so its pages show everything.
    const inGroup = [
      members[0],
      ...ctx.rnd.sample(members.slice(1), Math.min(200, members.length - 1)),
    ];
    inGroup.forEach((p, i) =>
      groupMembership({
        id: `${groupId}m${i}`,
        groupId,
        userId: p.userId,
        status: "active",
        role: i < 2 ? "moderator" : "member",
        createdAt: iso(created),
        updatedAt: iso(created),
      }),
    );
    groups.push({ id: groupId, members: inGroup });
  }
  // Group 0 gets a tenth of the threads, the rest share the remainder.
  const groupOf = (t: number) =>
    t < Math.ceil(sizes.threads / 10) || groups.length === 1
      ? groups[0]
      : groups[1 + (t % (groups.length - 1))];
  const perThread = Math.max(1, Math.floor(sizes.posts / sizes.threads));
  let postsLeft = sizes.posts;
  for (let t = 0; t < sizes.threads; t++) {
    const { id: groupId, members: inGroup } = groupOf(t);
    const threadId = id("t", t);
    const discussionId = `${threadId}dc`;
    // Thread 0 (the benchmark's thread page) is five times as long as the others.
    const wanted = t === 0 ? perThread * 5 : t === sizes.threads - 1 ? postsLeft : perThread;
    const count = Math.max(1, Math.min(wanted, postsLeft - (sizes.threads - 1 - t)));
    postsLeft -= count;
    const start = ctx.now - (300 - ((t * 13) % 300)) * DAY;
    const author = ctx.rnd.pick(inGroup);
    const title = `${SUBJECTS[t % SUBJECTS.length]}: ideas ${t + 1}`;
    discussion({ id: discussionId, hostType: "thread", platformId, createdAt: iso(start) });
    let last = start;
    let top = `${discussionId}p0`;
    for (let i = 0; i < count; i++) {
      const postId = `${discussionId}p${i}`;
      const reply = i > 0 && ctx.rnd.chance(0.3);
      last = start + i * 2 * 3600_000;
      const body =
        i === 0
          ? `Propongo hablar de ${SUBJECTS[t % SUBJECTS.length].toLowerCase()} en el grupo. ¿Qué opinan?`
          : `Respuesta ${i}: en nuestra comunidad lo hacemos así, con todos de acuerdo.`;
      post({
        id: postId,
        discussionId,
        authorId: i === 0 ? author.userId : ctx.rnd.pick(inGroup).userId,
        parentId: reply ? top : null,
        body,
        searchText: searchable(body),
        createdAt: iso(last),
      });
      if (!reply) top = postId;
    }
    thread({
      id: threadId,
      groupId,
      authorId: author.userId,
      title,
      searchText: searchable(title),
      discussionId,
      pinnedAt: t === 1 ? iso(start) : null,
      lastActivityAt: iso(last),
      createdAt: iso(start),
    });
    if (t % 3 === 0) read({ threadId, userId: members[0].userId, readAt: iso(last) });
  }
  ctx.tally("Group", group.count());
  ctx.tally("GroupMembership", groupMembership.count());
  ctx.tally("Discussion", discussion.count());
  ctx.tally("Thread", thread.count());
  ctx.tally("Post", post.count());
  ctx.tally("ThreadRead", read.count());
  return { groupId: groups[0].id, threadId: id("t", 0) };
}

/**
 * Fills a migrated, empty database. `passwordHash` is one argon2id hash of BENCH_PASSWORD
 * (computed once by the caller: hashing 10,000 times would take minutes).
 */
export function seedBench(
  sqlite: Database,
  sizes: BenchSizes,
  passwordHash: string,
  now = Date.now(),
): BenchWorld {
  const counts: Record<string, number> = {};
  const ctx: Context = {
    sqlite,
    rnd: seededRandom(20261122),
    sizes,
    now,
    passwordHash,
    people: [],
    counts,
    tally: (table, n = 1) => (counts[table] = (counts[table] ?? 0) + n),
  };
  const world = sqlite.transaction((): BenchWorld => {
    seedUsers(ctx);
    const walkIns = seedWalkIns(ctx, Math.max(10, Math.floor(sizes.users / 20)));
    const platform = platformInserter(ctx);
    const created = iso(now - 1200 * DAY);
    const describe = (name: string) => ({
      name,
      descriptionEs: `Plataforma de decisión ${name}.`,
      descriptionEn: `Decision-making platform ${name}.`,
      country: "EC",
      region: "Sucumbíos",
      timeZone: "America/Guayaquil",
      quorumPercent: 50,
      approvalRule: "simple",
      createdAt: created,
      updatedAt: created,
    });
    // User 0 is an administrator; users 1… are the big platform's members (1 coordinates,
    // 2–11 facilitate); then its pending requests; then the small platforms' members.
    const bigId = id("pl", 0);
    platform({ id: bigId, slug: BIG_SLUG, ...describe("Corredor Grande Putumayo–Aguarico") });
    const bigMembers = ctx.people.slice(1, 1 + sizes.bigMembers);
    const pending = ctx.people.slice(1 + sizes.bigMembers, 1 + sizes.bigMembers + 40);
    seedMemberships(ctx, bigId, bigMembers, pending);
    const platforms = [{ id: bigId, timeZone: "America/Guayaquil", members: bigMembers }];
    let next = 1 + sizes.bigMembers + pending.length;
    for (let s = 0; s < sizes.smallPlatforms; s++) {
      const smallId = id("pl", s + 1);
      platform({
        id: smallId,
        slug: `plataforma-${s + 1}`,
        ...describe(`Plataforma comunitaria ${s + 1}`),
      });
      // Wrap around: with few users the small platforms share people (never twice in one).
      const members = Array.from(
        { length: Math.min(sizes.smallMembers, ctx.people.length - 1) },
        (_, i) => ctx.people[1 + ((next + i - 1) % (ctx.people.length - 1))],
      );
      next += members.length;
      seedMemberships(ctx, smallId, members, []);
      platforms.push({ id: smallId, timeZone: "America/Guayaquil", members });
      seedMeetings(ctx, smallId, members, walkIns, {
        meetings: 10,
        upcoming: 2,
        attendance: Math.floor(members.length / 3),
        rsvps: Math.floor(members.length / 4),
      });
      seedProposals(ctx, smallId, members, {
        proposals: 10,
        open: 1,
        closed: 2,
        ballotsOpen: Math.floor(members.length / 2),
        ballotsClosed: Math.floor(members.length / 2),
      });
    }
    ctx.tally("Platform", platform.count());
    const meetings = seedMeetings(ctx, bigId, bigMembers, walkIns, {
      meetings: sizes.meetings,
      upcoming: sizes.upcomingMeetings,
      attendance: sizes.attendancePerMeeting,
      rsvps: sizes.rsvpsPerUpcoming,
    });
    const open = seedProposals(ctx, bigId, bigMembers, {
      proposals: sizes.proposals,
      open: sizes.openVotes,
      closed: sizes.closedVotes,
      ballotsOpen: sizes.ballotsPerOpenVote,
      ballotsClosed: sizes.ballotsPerClosedVote,
    });
    seedProposalComments(ctx, bigId, bigMembers, 20);
    const course = seedCourses(ctx, platforms, {
      courses: sizes.courses,
      enrolled: sizes.enrolledPerCourse,
      sessions: sizes.sessionsPerCourse,
    });
    const forum = seedForums(ctx, bigId, bigMembers, sizes);
    const account = (i: number) => ({
      id: ctx.people[i].userId,
      email: benchEmail(i),
      name: ctx.people[i].name,
    });
    return {
      bigSlug: BIG_SLUG,
      coordinatorEmail: benchEmail(1),
      facilitatorEmail: benchEmail(2),
      memberEmails: Array.from({ length: sizes.bigMembers - 11 }, (_, i) => benchEmail(12 + i)),
      accounts: {
        coordinator: account(1),
        facilitator: account(2),
        member: account(12),
      },
      proposalWithVoteId: open[0],
      openProposalIds: open,
      upcomingMeetingId: meetings.upcomingId,
      todayMeetingId: meetings.todayId,
      courseId: course.courseId,
      courseSessionId: course.sessionId,
      groupId: forum.groupId,
      threadId: forum.threadId,
      counts,
    };
  })();
  return world;
}
