import { z } from "zod";
import { POST_MAX_LENGTH, REASON_MAX_LENGTH } from "~/discussions/rules";
import { requiredText } from "~/forms/fields";
import { THREAD_TITLE_MAX } from "./rules";

/** A new thread: its title, and its body (the first post, under the discussion's limits). */
export const threadSchema = z.object({
  title: requiredText(THREAD_TITLE_MAX),
  body: requiredText(POST_MAX_LENGTH),
});
export type ThreadInput = z.infer<typeof threadSchema>;

export const hideThreadSchema = z.object({ reason: requiredText(REASON_MAX_LENGTH) });

/** Pin, lock and raise carry no fields: the schema only gives their refusals a form. */
export const moderationSchema = z.object({});

/** What a group's moderators do to a thread from its page (besides the discussion's intents). */
export const THREAD_INTENTS = ["pin", "unpin", "lock", "unlock", "hideThread", "raise"] as const;
export type ThreadIntent = (typeof THREAD_INTENTS)[number];

export function isThreadIntent(value: unknown): value is ThreadIntent {
  return typeof value === "string" && (THREAD_INTENTS as readonly string[]).includes(value);
}
