import type { PersonalDataDeclaration } from "~/privacy/declaration";

export const discussionsPersonalData: PersonalDataDeclaration[] = [
  {
    model: "Post",
    fields: ["authorId", "hiddenById"],
    purpose: "Comments on proposals and forum posts a person wrote; who hid a post.",
    erasure: "detach",
    export: {
      key: "posts",
      collect: async (client, { userId }) => {
        const rows = await client.post.findMany({
          where: { authorId: userId },
          select: {
            body: true,
            createdAt: true,
            editedAt: true,
            hiddenAt: true,
            discussion: {
              select: {
                hostType: true,
                proposal: { select: { title: true } },
                thread: { select: { title: true, authorId: true } },
              },
            },
          },
          orderBy: { createdAt: "asc" },
        });
        return rows.map((p) => ({
          body: p.body,
          createdAt: p.createdAt,
          editedAt: p.editedAt,
          hidden: !!p.hiddenAt,
          // A thread's title is its author's words: given only for the person's own threads
          // (they may since have left a private group, or the thread been hidden).
          on:
            p.discussion.hostType === "proposal"
              ? { proposal: p.discussion.proposal?.title ?? null }
              : {
                  thread:
                    p.discussion.thread?.authorId === userId ? p.discussion.thread.title : null,
                },
        }));
      },
    },
  },
  {
    model: "PostReport",
    fields: ["reporterId", "resolvedById"],
    purpose:
      "Reports a member made about a post, for the moderators (a moderation record: it stays, by nobody).",
    erasure: "detach",
    export: {
      key: "postReports",
      collect: (client, { userId }) =>
        client.postReport.findMany({
          where: { reporterId: userId },
          select: { reason: true, createdAt: true, resolvedAt: true },
          orderBy: { createdAt: "asc" },
        }),
    },
  },
];
