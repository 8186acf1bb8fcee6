import { parseWithZod } from "@conform-to/zod";
import { db, type DbClient } from "~/db.server";
import type { Outcome } from "~/forms/outcome";
import { rejectForm, redirectWithNotice } from "~/forms/respond.server";
import {
  addPost,
  dismissReports,
  editPost,
  hidePost,
  reportPost,
  type DiscussionHost,
} from "./discussions.server";
import { placeOfPost, withPlace } from "./read.server";
import {
  dismissReportsSchema,
  editPostSchema,
  hidePostSchema,
  postSchema,
  reportPostSchema,
  type DiscussionIntent,
} from "./schemas";

interface Actor {
  id: string;
}

/**
 * A host page's action for its discussion's forms: parses the intent's fields, runs the
 * module inside one transaction (the host is built from that transaction's reads) and
 * answers with the errors beside the fields or back to the page with a notice.
 */
export async function discussionAction(options: {
  intent: DiscussionIntent;
  formData: FormData;
  formId: string;
  actor: Actor;
  /** Builds the host with the transaction's client, so its checks and the write agree. */
  host: (tx: DbClient) => Promise<DiscussionHost>;
  back: string;
}): Promise<Response> {
  const { intent, formData, formId, actor, back } = options;
  const run = async <T>(work: (tx: DbClient, host: DiscussionHost) => Promise<Outcome<T>>) =>
    db.$transaction(async (tx) => work(tx, await options.host(tx)));

  switch (intent) {
    case "post": {
      const submission = parseWithZod(formData, { schema: postSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const outcome = await run((tx, host) => addPost(tx, host, actor, submission.value));
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return toPost(back, outcome.value.postId, "postAdded");
    }
    case "editPost": {
      const submission = parseWithZod(formData, { schema: editPostSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const { postId, body } = submission.value;
      const outcome = await run((tx, host) => editPost(tx, host, actor, postId, body));
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return toPost(back, postId, "postEdited");
    }
    case "hidePost": {
      const submission = parseWithZod(formData, { schema: hidePostSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const { postId, reason } = submission.value;
      const outcome = await run((tx, host) => hidePost(tx, host, actor, postId, reason));
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return toPost(back, postId, "postHidden");
    }
    case "reportPost": {
      const submission = parseWithZod(formData, { schema: reportPostSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const { postId, reason } = submission.value;
      const outcome = await run((tx, host) => reportPost(tx, host, actor, postId, reason));
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return toPost(back, postId, "postReported");
    }
    case "dismissReports": {
      const submission = parseWithZod(formData, { schema: dismissReportsSchema });
      if (submission.status !== "success") return rejectForm(formId, submission);
      const { postId } = submission.value;
      const outcome = await run((tx, host) => dismissReports(tx, host, actor, postId));
      if (!outcome.ok) return rejectForm(formId, submission, outcome);
      return toPost(back, postId, "reportsDismissed");
    }
  }
}

/**
 * Back to the page where the post shows, at the post: a new post may be on the last page, a
 * reply among its post's own pages, and an edited or hidden one on the page it was read on.
 */
async function toPost(back: string, postId: string, notice: string) {
  const place = await placeOfPost(db, postId);
  return redirectWithNotice(`${withPlace(back, place)}#post-${postId}`, notice);
}
