import { recordAudit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import { getMeeting } from "./meetings.server";
import { splitLines, type MinutesInput } from "./schemas";

interface Actor {
  id: string;
}

/** Facilitators write the minutes and decisions as a draft until a coordinator publishes. */
export async function saveMinutes(
  actor: Actor,
  platformId: string,
  meetingId: string,
  input: MinutesInput,
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const meeting = await getMeeting(platformId, meetingId, tx);
    if (meeting.status === "cancelled") return refuseForm("meetings:errors.cancelled");
    if (meeting.minutesPublishedAt) return refuseForm("meetings:errors.minutesPublished");
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
    return ok(null);
  });
}

/** After this the minutes are read-only; corrections go through amendments. */
export async function publishMinutes(
  actor: Actor,
  platformId: string,
  meetingId: string,
  now = new Date(),
): Promise<Outcome<null>> {
  return db.$transaction(async (tx) => {
    const meeting = await getMeeting(platformId, meetingId, tx);
    if (meeting.minutesPublishedAt) return refuseForm("meetings:errors.minutesPublished");
    if (meeting.status !== "held") return refuseForm("meetings:errors.notHeld");
    if (!meeting.minutes.trim()) return refuse("minutes", "meetings:errors.minutesEmpty");
    await tx.meeting.update({
      where: { id: meetingId },
      data: { minutesPublishedAt: now, minutesPublishedById: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "minutes.published",
      entityType: "Meeting",
      entityId: meetingId,
      platformId,
      details: { minutes: meeting.minutes, decisions: meeting.decisions.map((d) => d.text) },
    });
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
    const meeting = await getMeeting(platformId, meetingId, tx);
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
