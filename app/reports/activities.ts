/**
 * The rows of a participation report, in order: for the server that counts them
 * (./took-part.server.ts) and the page that shows them alike.
 */
export const ACTIVITIES = [
  "anyActivity",
  "assemblies",
  "assemblyMembers",
  "assemblyOthers",
  "votes",
  "votesOnline",
  "votesByHand",
  "forums",
  "coursesEnrolled",
  "coursesCompleted",
  "certificates",
] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const HEADLINES = ["participants", "roleHolders", "proposalAuthors"] as const;
export type Headline = (typeof HEADLINES)[number];
