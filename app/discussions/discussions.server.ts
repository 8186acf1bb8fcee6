import { recordAudit } from "~/audit/audit.server";
import { forbidden, notFound } from "~/auth/guards.server";
import type { DbClient } from "~/db.server";
import { ok, refuse, refuseForm, type Outcome } from "~/forms/outcome";
import { searchable } from "~/text/searchable";
import { canEditPost, canReplyTo, canReportPost } from "./rules";

/**
 * One discussion mechanism for every host (a proposal's comments, a forum thread). The host
 * decides who may read, post, report and moderate, and whether posting is open; this module
 * does the rest — threads of one-level replies, the edit window, hiding with a reason,
 * reports — once. Every write takes the caller's transaction client and scopes each post by
 * the host's discussion. See docs/decisions/017-one-discussion-module.md.
 */
export interface DiscussionHost {
  hostType: "proposal" | "thread";
  hostId: string;
  platformId: string;
  /** The host's discussion, once it has one (a proposal gets it with its first comment). */
  discussionId: string | null;
  /** Attaches a new discussion to the host, inside the caller's transaction. */
  attach(tx: DbClient, discussionId: string): Promise<void>;
  /** Why nobody may post now (a proposal not under discussion, a locked thread), or null. */
  closedReason: string | null;
  /** What the acting reader may do, as the host's own permission rules decided. */
  may: { post: boolean; report: boolean; moderate: boolean };
  /** What the host keeps up to date when a post is added (a thread's last activity). */
  onPosted?(
    tx: DbClient,
    post: { id: string; authorId: string | null; createdAt: Date },
  ): Promise<void>;
}

interface Actor {
  id: string;
}

async function discussionFor(tx: DbClient, host: DiscussionHost): Promise<string> {
  if (host.discussionId) return host.discussionId;
  const created = await tx.discussion.create({
    data: { hostType: host.hostType, platformId: host.platformId },
  });
  await host.attach(tx, created.id);
  return created.id;
}

/** A post of this host's discussion, or a 404 (never another host's post). */
async function postOf(tx: DbClient, host: DiscussionHost, postId: string) {
  if (!host.discussionId) notFound();
  const post = await tx.post.findFirst({ where: { id: postId, discussionId: host.discussionId } });
  if (!post) notFound();
  return post;
}

export async function addPost(
  tx: DbClient,
  host: DiscussionHost,
  author: Actor,
  input: { body: string; parentId?: string | null },
): Promise<Outcome<{ postId: string }>> {
  if (!host.may.post) forbidden();
  if (host.closedReason) return refuseForm(host.closedReason);
  if (input.parentId) {
    const parent = host.discussionId
      ? await tx.post.findFirst({ where: { id: input.parentId, discussionId: host.discussionId } })
      : null;
    if (!parent || !canReplyTo(parent)) return refuseForm("discussions:errors.badParent");
  }
  const discussionId = await discussionFor(tx, host);
  const post = await tx.post.create({
    data: {
      discussionId,
      authorId: author.id,
      body: input.body,
      searchText: searchable(input.body),
      parentId: input.parentId ?? null,
    },
  });
  await host.onPosted?.(tx, post);
  return ok({ postId: post.id });
}

export async function editPost(
  tx: DbClient,
  host: DiscussionHost,
  author: Actor,
  postId: string,
  body: string,
  now = new Date(),
): Promise<Outcome<null>> {
  // Someone who may no longer post here (left the group or the platform) may not edit either.
  if (!host.may.post) forbidden();
  const post = await postOf(tx, host, postId);
  if (post.authorId !== author.id) forbidden();
  if (!canEditPost(post, author.id, now)) return refuse("body", "discussions:errors.editWindow");
  if (host.closedReason) return refuseForm(host.closedReason);
  await tx.post.update({
    where: { id: post.id },
    data: { body, searchText: searchable(body), editedAt: now },
  });
  return ok(null);
}

/** A moderator hides a post with a reason: it keeps its place, not its words. Audited. */
export async function hidePost(
  tx: DbClient,
  host: DiscussionHost,
  moderator: Actor,
  postId: string,
  reason: string,
  now = new Date(),
): Promise<Outcome<null>> {
  if (!host.may.moderate) forbidden();
  const post = await postOf(tx, host, postId);
  if (post.hiddenAt) return refuseForm("discussions:errors.alreadyHidden");
  await tx.post.update({
    where: { id: post.id },
    data: { hiddenAt: now, hiddenReason: reason, hiddenById: moderator.id },
  });
  // Hiding answers every open report of the post.
  await tx.postReport.updateMany({
    where: { postId: post.id, resolvedAt: null },
    data: { resolvedAt: now, resolvedById: moderator.id },
  });
  await recordAudit(tx, {
    actorId: moderator.id,
    action: "post.hidden",
    entityType: "Post",
    entityId: post.id,
    platformId: host.platformId,
    // Ids, not the post's words: the log is append-only and must not keep a hidden text.
    details: { hostType: host.hostType, hostId: host.hostId, authorId: post.authorId, reason },
  });
  return ok(null);
}

/** A member flags someone else's post for the moderators; once per person and post. */
export async function reportPost(
  tx: DbClient,
  host: DiscussionHost,
  reporter: Actor,
  postId: string,
  reason: string,
): Promise<Outcome<null>> {
  if (!host.may.report) forbidden();
  const post = await postOf(tx, host, postId);
  if (!canReportPost(post, reporter.id)) return refuseForm("discussions:errors.cannotReport");
  const already = await tx.postReport.findUnique({
    where: { postId_reporterId: { postId: post.id, reporterId: reporter.id } },
  });
  if (already) return refuseForm("discussions:errors.alreadyReported");
  await tx.postReport.create({ data: { postId: post.id, reporterId: reporter.id, reason } });
  return ok(null);
}

/** A moderator keeps a reported post visible: its open reports are closed. Audited. */
export async function dismissReports(
  tx: DbClient,
  host: DiscussionHost,
  moderator: Actor,
  postId: string,
  now = new Date(),
): Promise<Outcome<null>> {
  if (!host.may.moderate) forbidden();
  const post = await postOf(tx, host, postId);
  const { count } = await tx.postReport.updateMany({
    where: { postId: post.id, resolvedAt: null },
    data: { resolvedAt: now, resolvedById: moderator.id },
  });
  if (count === 0) return refuseForm("discussions:errors.noOpenReports");
  await recordAudit(tx, {
    actorId: moderator.id,
    action: "post.reportsDismissed",
    entityType: "Post",
    entityId: post.id,
    platformId: host.platformId,
    details: { hostType: host.hostType, hostId: host.hostId, reports: count },
  });
  return ok(null);
}
