import { recordAudit } from "~/audit/audit.server";
import type { DbClient } from "~/db.server";
import type { ProposalState } from "./schemas";

/** A proposal's move to another state, kept in its history and audited (same client). */
export async function recordStateChange(
  client: DbClient,
  proposal: { id: string; platformId: string; state: string },
  to: ProposalState,
  actorId: string | null,
  reason?: string | null,
  // When the change took effect, if not now: a vote closed on first read after its closing
  // time changed the proposal at that closing time, not when someone happened to look.
  at?: Date,
) {
  await client.proposal.update({ where: { id: proposal.id }, data: { state: to } });
  await client.proposalStateChange.create({
    data: {
      ...(at ? { createdAt: at } : {}),
      proposalId: proposal.id,
      fromState: proposal.state,
      toState: to,
      actorId,
      reason: reason ?? null,
    },
  });
  await recordAudit(client, {
    actorId,
    action: "proposal.stateChanged",
    entityType: "Proposal",
    entityId: proposal.id,
    platformId: proposal.platformId,
    details: { from: proposal.state, to, reason: reason ?? null },
  });
}
