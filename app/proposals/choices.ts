// A proposal's states.
// Kept apart from the schemas so pages can use them without shipping the validation library.

export const PROPOSAL_STATES = [
  "draft",
  "discussion",
  "voting",
  "accepted",
  "rejected",
  "withdrawn",
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
