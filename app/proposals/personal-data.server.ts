import type { PersonalDataDeclaration } from "~/privacy/declaration";

export const proposalsPersonalData: PersonalDataDeclaration[] = [
  {
    model: "Proposal",
    fields: ["authorId"],
    purpose:
      "Proposals a member wrote (kept as the platform's record, shown as by a former member after erasure).",
    erasure: "detach",
    export: {
      key: "proposals",
      collect: (client, { userId }) =>
        client.proposal.findMany({
          where: { authorId: userId },
          select: {
            title: true,
            summary: true,
            body: true,
            state: true,
            createdAt: true,
            platform: { select: { name: true } },
          },
          orderBy: { createdAt: "asc" },
        }),
    },
  },
  {
    model: "ProposalStateChange",
    fields: ["actorId"],
    purpose: "Who moved a proposal from one state to another (its history).",
    erasure: "detach",
  },
];
