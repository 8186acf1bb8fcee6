import type { PersonalDataDeclaration } from "~/privacy/declaration";

export const groupsPersonalData: PersonalDataDeclaration[] = [
  {
    model: "GroupMembership",
    fields: ["userId"],
    purpose: "Which groups a person belongs to or asked to join, and their role there.",
    erasure: "delete",
    export: {
      key: "groupMemberships",
      collect: async (client, { userId }) => {
        const rows = await client.groupMembership.findMany({
          where: { userId },
          select: {
            status: true,
            role: true,
            reason: true,
            createdAt: true,
            group: { select: { nameEs: true } },
          },
          orderBy: { createdAt: "asc" },
        });
        return rows.map(({ group, ...m }) => ({ group: group.nameEs, ...m }));
      },
    },
  },
  {
    model: "Thread",
    fields: ["authorId", "hiddenById"],
    purpose: "Forum threads a person opened (their first post is in posts).",
    erasure: "detach",
    export: {
      key: "threads",
      collect: async (client, { userId }) => {
        const rows = await client.thread.findMany({
          where: { authorId: userId },
          select: { title: true, createdAt: true, group: { select: { nameEs: true } } },
          orderBy: { createdAt: "asc" },
        });
        return rows.map((t) => ({ title: t.title, group: t.group.nameEs, createdAt: t.createdAt }));
      },
    },
  },
  {
    model: "ThreadRead",
    fields: ["userId"],
    purpose: "When a member last read a thread, to show what is new.",
    erasure: "delete",
  },
  {
    model: "Group",
    fields: ["createdById"],
    purpose: "Who created a group.",
    erasure: "detach",
  },
];
