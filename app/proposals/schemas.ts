import { z } from "zod";
import { optionalText, requiredText } from "~/forms/fields";
import { msg } from "~/forms/messages";
import { PROPOSAL_STATES } from "./choices";
export { PROPOSAL_STATES } from "./choices";
export type { ProposalState } from "./choices";

export const proposalSchema = z.object({
  title: requiredText(200),
  summary: requiredText(500),
  body: optionalText(20_000),
  meetingId: z.string().max(40).optional(),
});
export type ProposalInput = z.infer<typeof proposalSchema>;

/** The moves people make by hand; voting, accepted and rejected come from votes. */
export const MANUAL_TARGETS = ["discussion", "draft", "withdrawn"] as const;

export const stateChangeSchema = z.object({
  to: z.enum(MANUAL_TARGETS, { errorMap: () => ({ message: msg("validation.choice") }) }),
  reason: optionalText(500),
});

export const proposalFilterSchema = z.object({
  state: z.enum(PROPOSAL_STATES).optional(),
  q: z.string().trim().max(100).optional(),
});
