import { z } from "zod";
import { hiddenId, requiredText } from "~/forms/fields";
import { POST_MAX_LENGTH, REASON_MAX_LENGTH } from "./rules";

const id = hiddenId();

export const postSchema = z.object({
  body: requiredText(POST_MAX_LENGTH),
  parentId: id.optional(),
});
export const editPostSchema = z.object({ postId: id, body: requiredText(POST_MAX_LENGTH) });
export const hidePostSchema = z.object({ postId: id, reason: requiredText(REASON_MAX_LENGTH) });
export const reportPostSchema = z.object({ postId: id, reason: requiredText(REASON_MAX_LENGTH) });
export const dismissReportsSchema = z.object({ postId: id });

/** The intents every host's page accepts for its discussion. */
export const DISCUSSION_INTENTS = [
  "post",
  "editPost",
  "hidePost",
  "reportPost",
  "dismissReports",
] as const;
export type DiscussionIntent = (typeof DISCUSSION_INTENTS)[number];

export function isDiscussionIntent(value: unknown): value is DiscussionIntent {
  return typeof value === "string" && (DISCUSSION_INTENTS as readonly string[]).includes(value);
}
