import type { PersonalDataDeclaration } from "~/privacy/declaration";

export const votesPersonalData: PersonalDataDeclaration[] = [
  {
    model: "Ballot",
    fields: ["userId"],
    purpose:
      "A member's ballot. In a secret vote the choice is never exported, even to its voter: only that they voted. Erasure keeps the ballot in the count and cuts it from the person.",
    erasure: "detach",
    export: {
      key: "ballots",
      collect: async (client, { userId }) => {
        const rows = await client.ballot.findMany({
          where: { userId },
          select: {
            createdAt: true,
            updatedAt: true,
            option: { select: { code: true, label: true } },
            vote: { select: { secret: true, proposal: { select: { title: true } } } },
          },
          orderBy: { createdAt: "asc" },
        });
        return rows.map((b) =>
          b.vote.secret
            ? { proposal: b.vote.proposal.title, secret: true, voted: true }
            : {
                proposal: b.vote.proposal.title,
                secret: false,
                choice: b.option.code ?? b.option.label,
                castAt: b.createdAt,
                changedAt: b.updatedAt,
              },
        );
      },
    },
  },
  {
    model: "InPersonVoter",
    fields: ["userId", "participantId"],
    // Erasure cuts the account; the person record it points to is anonymised, not deleted.
    purpose: "Members who raised a hand at an assembly (so no one votes twice).",
    erasure: "detach",
    export: {
      key: "handsRaised",
      collect: async (client, { userId, participantId }) => {
        const rows = await client.inPersonVoter.findMany({
          where: participantId ? { OR: [{ userId }, { participantId }] } : { userId },
          select: { createdAt: true, vote: { select: { proposal: { select: { title: true } } } } },
        });
        return rows.map((r) => ({ proposal: r.vote.proposal.title, at: r.createdAt }));
      },
    },
  },
  {
    model: "Vote",
    fields: ["createdById", "closedById"],
    purpose: "Who opened and closed a vote (a governance record).",
    erasure: "detach",
  },
  {
    model: "InPersonTally",
    fields: ["recordedById"],
    purpose: "Who recorded a show-of-hands count (a governance record).",
    erasure: "detach",
  },
];
