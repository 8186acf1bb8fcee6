import { parseWithZod } from "@conform-to/zod";
import { redirect } from "@remix-run/node";
import { badRequest } from "~/auth/guards.server";
import type { DbClient } from "~/db.server";
import type { Outcome } from "~/forms/outcome";
import { formIdOf, redirectWithNotice, rejectForm } from "~/forms/respond.server";
import {
  addWalkIn,
  everyoneUnmarkedPresent,
  removeWalkIn,
  writeMarks,
  type Actor,
  type AttendanceHost,
} from "./attendance.server";
import { changedMarks } from "./changes";
import type { AttendanceFormSchema } from "./schemas";

/**
 * Runs one write in a transaction with the host loaded from that transaction's client
 * (an assembly, a training session), so the host's rules see what the write sees.
 */
export type InHost = <T>(
  write: (tx: DbClient, host: AttendanceHost) => Promise<Outcome<T>>,
) => Promise<Outcome<T>>;

/**
 * What the attendance page's one form does, for every host: whichever button was pressed,
 * the marks on screen are saved with it, in one transaction, so none is lost without a word.
 * Save marks / another page of the roster or of the walk-ins / mark everyone present (the
 * whole roster, every page) / find a walk-in again / add a known or new walk-in / remove a
 * walk-in. Routes only check who may take attendance and load the host.
 */
export async function attendanceFormAction(options: {
  request: Request;
  formData: FormData;
  actor: Actor;
  schema: AttendanceFormSchema;
  inHost: InHost;
  now?: Date;
}): Promise<Response> {
  const { request, formData, actor, schema, inHost } = options;
  const now = options.now ?? new Date();
  const formId = formIdOf(formData);
  const back = new URL(request.url);
  const here = `${back.pathname}${back.search}`;

  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return rejectForm(formId, submission);
  const {
    status: sent,
    shown,
    intent,
    goto,
    gotoWalkIns,
    removeWalkIn: removeId,
    knownWalkIn,
    who,
    ...walkIn
  } = submission.value;
  // Only the marks changed on this screen are written, whichever button was pressed.
  const status = changedMarks(sent, shown);
  const refused = (outcome: Outcome<unknown>) =>
    outcome.ok ? null : rejectForm(formId, submission, outcome);

  if (removeId) {
    const outcome = await inHost((tx, host) =>
      removeWalkIn(tx, actor, host, removeId, now, status),
    );
    return refused(outcome) ?? redirectWithNotice(here, "walkInRemoved");
  }
  if (knownWalkIn) {
    const outcome = await inHost((tx, host) =>
      addWalkIn(tx, actor, host, { participantId: knownWalkIn }, now, status),
    );
    const added = withParam(withParam(here, "who", ""), "walkins", "");
    return refused(outcome) ?? redirectWithNotice(added, "walkInAdded");
  }
  const turn = goto
    ? { param: "page", to: goto }
    : gotoWalkIns
      ? { param: "walkins", to: gotoWalkIns }
      : null;
  if (turn) {
    // Another page of the roster or of the walk-ins: the marks on screen are saved on the way.
    const outcome = await inHost((tx, host) => writeMarks(tx, actor, host, status, now));
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    const next = withParam(here, turn.param, turn.to > 1 ? String(turn.to) : "");
    return outcome.value.changed > 0 ? redirectWithNotice(next, "attendanceSaved") : redirect(next);
  }
  if (intent === "findWalkIn") {
    // The marks on screen are saved before the page changes to show who was found.
    const outcome = await inHost((tx, host) => writeMarks(tx, actor, host, status, now));
    if (!outcome.ok) return rejectForm(formId, submission, outcome);
    const found = withParam(here, "who", who ?? "");
    return outcome.value.changed > 0
      ? redirectWithNotice(found, "attendanceSaved")
      : redirect(found);
  }
  // Saving with a name typed in the walk-in fields records that person too.
  if (intent === "walkIn" || walkIn.name) {
    const person = { ...walkIn, name: walkIn.name ?? "" };
    const outcome = await inHost((tx, host) => addWalkIn(tx, actor, host, person, now, status));
    // The latest walk-ins are listed first: back to their first page, where this one is.
    return refused(outcome) ?? redirectWithNotice(withParam(here, "walkins", ""), "walkInAdded");
  }
  if (intent === "markAllPresent") {
    const outcome = await inHost(async (tx, host) =>
      writeMarks(tx, actor, host, await everyoneUnmarkedPresent(tx, host, status, now), now),
    );
    return refused(outcome) ?? redirectWithNotice(here, "attendanceSaved");
  }
  if (intent !== "attendance") badRequest();
  const outcome = await inHost((tx, host) => writeMarks(tx, actor, host, status, now));
  return refused(outcome) ?? redirectWithNotice(here, "attendanceSaved");
}

function withParam(path: string, name: string, value: string): string {
  const url = new URL(path, "http://minga.invalid");
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  return `${url.pathname}${url.search}`;
}
