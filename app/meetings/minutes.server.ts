import { recordAudit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import { lockRow } from "~/row-lock.server";
import { getMeeting, type Meeting } from "./meetings.server";
import { splitLines, type MinutesInput } from "./schemas";

interface Actor {
  id: string;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function writeDraft(
  tx: Tx,
  actor: Actor,
  platformId: string,
  meetingId: string,
  input: MinutesInput,
) {
  await tx.meetingDecision.deleteMany({ where: { meetingId } });
  await tx.meeting.update({
    where: { id: meetingId },
    data: {
      minutes: input.minutes ?? "",
      decisions: {
        create: splitLines(input.decisions).map((text, position) => ({ text, position })),
      },
    },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "minutes.saved",
    entityType: "Meeting",
    entityId: meetingId,
    platformId,
    details: {
      length: (input.minutes ?? "").length,
      decisions: splitLines(input.decisions).length,
    },
  });
}

async function publish(tx: Tx, actor: Actor, meeting: Meeting, now: Date) {
  const platform = await tx.platform.findUniqueOrThrow({ where: { id: meeting.platformId } });
  const stored = await getMeeting(meeting.platformId, meeting.id, tx);
  await tx.meeting.update({
    where: { id: meeting.id },
    // The quorum rule in force is frozen with the minutes.
    data: {
      minutesPublishedAt: now,
      minutesPublishedById: actor.id,
      quorumPercent: platform.quorumPercent,
    },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "minutes.published",
    entityType: "Meeting",
    entityId: meeting.id,
    platformId: meeting.platformId,
    details: {
      minutes: stored.minutes,
      decisions: stored.decisions.map((d) => d.text),
      quorumPercent: platform.quorumPercent,
    },
  });
}

/**
 * The assembly, read for a change to its minutes: its row is locked first (FOR UPDATE on
 * PostgreSQL), so drafts, publication and attendance take turns on it. Without it, a draft
 * read as unpublished before a publication committed replaced the published text after it.
 */
async function meetingToChange(tx: Tx, platformId: string, meetingId: string) {
  await lockRow(tx, "Meeting", meetingId);
  return getMeeting(platformId, meetingId, tx);
}

/**
 * Drafts are written until the minutes are published. Someone who sends a text after that
 * (published meanwhile by a coordinator) is told so; the route gives the text back to copy
 * into an amendment.
 */
function refusalToEdit(meeting: Meeting, sentText: boolean) {
  if (meeting.status === "cancelled") return refuseForm("meetings:errors.cancelled");
  if (meeting.minutesPublishedAt) {
    return refuseForm(
      sentText ? "meetings:errors.publishedMeanwhile" : "meetings:errors.minutesPublished",
    );
  }
  return null;
}

function refusalToPublish(meeting: Meeting, minutes: string) {
  if (meeting.status !== "held") return refuseForm("meetings:errors.notHeld");
  if (!minutes.trim()) return refuse("minutes", "meetings:errors.minutesEmpty");
  return null;
}

/** Facilitators write the minutes and decisions as a draft until a coordinator publishes. */
export async function saveMinutes(
  actor: Actor,
  platformId: string,
  meetingId: string,
  input: MinutesInput,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const meeting = await meetingToChange(tx, platformId, meetingId);
    const refused = refusalToEdit(meeting, true);
    if (refused) return refused;
    await writeDraft(tx, actor, platformId, meetingId, input);
    return ok(null);
  });
}

/**
 * Saves what the coordinator has in front of them and publishes exactly that, in one
 * transaction; if publishing is refused, the stored draft is left as it was.
 */
export async function saveAndPublishMinutes(
  actor: Actor,
  platformId: string,
  meetingId: string,
  input: MinutesInput,
  now = new Date(),
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const meeting = await meetingToChange(tx, platformId, meetingId);
    const refused = refusalToEdit(meeting, true) ?? refusalToPublish(meeting, input.minutes ?? "");
    if (refused) return refused;
    await writeDraft(tx, actor, platformId, meetingId, input);
    await publish(tx, actor, meeting, now);
    return ok(null);
  });
}

/** Publishes the stored draft. After this the minutes are read-only; amendments correct them. */
export async function publishMinutes(
  actor: Actor,
  platformId: string,
  meetingId: string,
  now = new Date(),
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const meeting = await meetingToChange(tx, platformId, meetingId);
    const refused = refusalToEdit(meeting, false) ?? refusalToPublish(meeting, meeting.minutes);
    if (refused) return refused;
    await publish(tx, actor, meeting, now);
    return ok(null);
  });
}

export async function amendMinutes(
  actor: Actor,
  platformId: string,
  meetingId: string,
  text: string,
  reason: string,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const meeting = await meetingToChange(tx, platformId, meetingId);
    if (!meeting.minutesPublishedAt) return refuseForm("meetings:errors.minutesNotPublished");
    const amendment = await tx.minutesAmendment.create({
      data: { meetingId, text, reason, authorId: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "minutes.amended",
      entityType: "Meeting",
      entityId: meetingId,
      platformId,
      details: { amendmentId: amendment.id, text, reason },
    });
    return ok(null);
  });
}
