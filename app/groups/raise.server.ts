import { recordAudit } from "~/audit/audit.server";
import { forbidden } from "~/auth/guards.server";
import type { DbClient } from "~/db.server";
import { ok, refuseForm, type Outcome } from "~/forms/outcome";
import { openingPost } from "~/discussions/read.server";
import { summarize } from "~/http/share-meta";
import { createProposalIn } from "~/proposals/proposals.server";
import { lockRow } from "~/row-lock.server";
import { getThread, groupActorOf, groupText, mayReadThread, type Group } from "./groups.server";
import { canModerateGroup, canRaiseThread, canReadGroup, type GroupActor } from "./rules";

/**
 * "Raise to the platform": a group's moderator turns a thread into a proposal draft of the
 * platform, credited to the group, once per thread. The proposal carries the opening post's
 * words (the moderator chose to make them public); the thread itself keeps the group's
 * visibility, so the proposal page links back only for readers of the group.
 */

interface Actor {
  id: string;
}

export async function raiseThread(
  tx: DbClient,
  group: Pick<Group, "id" | "platformId">,
  actor: GroupActor,
  moderator: Actor,
  threadId: string,
): Promise<Outcome<{ proposalId: string }>> {
  if (!canModerateGroup(actor)) forbidden();
  // Two moderators at once: the second waits here, then finds the thread raised (below)
  // instead of drafting a second proposal.
  await lockRow(tx, "Thread", threadId);
  const thread = await getThread(tx, group.id, threadId);
  if (thread.proposalId) return refuseForm("forums:errors.alreadyRaised");
  if (!canRaiseThread(thread, actor)) return refuseForm("forums:errors.threadHidden");
  // The opening post's words, unless a moderator hid them.
  const first = await openingPost(tx, thread.discussionId);
  const body = first && !first.hiddenAt ? first.body : "";
  const created = await createProposalIn(tx, moderator, group.platformId, {
    title: thread.title,
    summary: summarize(body || thread.title),
    body,
    raisedByGroupId: group.id,
  });
  if (!created.ok) return created;
  const { proposalId } = created.value;
  // Only a thread not yet raised takes the proposal: two moderators at once raise it once.
  const { count } = await tx.thread.updateMany({
    where: { id: thread.id, proposalId: null },
    data: { proposalId },
  });
  // Not reached while the lock above holds; kept so a second proposal can never stick.
  if (count !== 1) throw new Error("The thread was raised meanwhile");
  await recordAudit(tx, {
    actorId: moderator.id,
    action: "thread.raised",
    entityType: "Thread",
    entityId: thread.id,
    platformId: group.platformId,
    details: { groupId: group.id, proposalId },
  });
  return ok({ proposalId });
}

/**
 * What a proposal page says about the group that raised it: the group's name always; the
 * thread's address and title only to readers of the group (a private group's thread stays
 * its members' — the page says so, and nothing more).
 */
export async function raisedCredit(
  client: DbClient,
  proposal: { id: string; raisedByGroupId: string | null; platformId: string },
  user: { id: string; isAdmin: boolean } | null,
  locale: string,
): Promise<{
  groupName: string;
  groupId: string;
  /** null: the reader may not read the group; a null title: the thread is hidden to them. */
  thread: { id: string; title: string | null } | null;
} | null> {
  if (!proposal.raisedByGroupId) return null;
  const group = await client.group.findFirst({
    where: { id: proposal.raisedByGroupId, platformId: proposal.platformId },
  });
  if (!group) return null;
  const actor = await groupActorOf(client, user, group);
  const name = groupText(group, locale).name;
  if (!canReadGroup(group, actor)) return { groupName: name, groupId: group.id, thread: null };
  const thread = await client.thread.findFirst({
    where: { proposalId: proposal.id, groupId: group.id },
    select: { id: true, title: true, hiddenAt: true },
  });
  return {
    groupName: name,
    groupId: group.id,
    thread: thread
      ? { id: thread.id, title: mayReadThread(thread, actor) ? thread.title : null }
      : null,
  };
}
