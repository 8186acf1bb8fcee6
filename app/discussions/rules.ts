/**
 * What may be done with a post, whatever hosts it (a proposal's comments, a forum thread).
 * Pure, so a page (what it offers) and the domain (what it accepts) apply the same rule.
 * See docs/decisions/017-one-discussion-module.md.
 */

/** Authors may correct a post for a short while; after that it stays as it was read. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
export const POST_MAX_LENGTH = 5000;
export const REASON_MAX_LENGTH = 500;

export interface PostFacts {
  /** Null once the author's account was erased: nobody may edit it any more. */
  authorId: string | null;
  parentId: string | null;
  hiddenAt: Date | null;
  createdAt: Date;
}

export function canEditPost(post: PostFacts, userId: string | null, now: Date): boolean {
  return (
    !!userId &&
    post.authorId === userId &&
    !post.hiddenAt &&
    now.getTime() - post.createdAt.getTime() < EDIT_WINDOW_MS
  );
}

/** Replies are one level deep, and never to a post a moderator hid. */
export function canReplyTo(post: Pick<PostFacts, "parentId" | "hiddenAt">): boolean {
  return !post.parentId && !post.hiddenAt;
}

/** Members report other people's visible posts; moderators hide them instead. */
export function canReportPost(
  post: Pick<PostFacts, "authorId" | "hiddenAt">,
  userId: string | null,
): boolean {
  return !!userId && post.authorId !== userId && !post.hiddenAt;
}
