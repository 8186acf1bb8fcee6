import type { PersonalDataDeclaration } from "~/privacy/declaration";

export const platformsPersonalData: PersonalDataDeclaration[] = [
  {
    model: "Membership",
    fields: ["userId", "participantId"],
    purpose:
      "Who belongs to which platform, with what role and since when (quorum counts it). The membership belongs to the person record (members without an account too); userId mirrors the record's account and is cut when the account is deleted, so past quorums stay.",
    erasure: "detach",
    export: {
      key: "memberships",
      collect: (client, { userId, participantId }) =>
        client.membership.findMany({
          // By person record: a membership held before the account was linked is theirs too.
          where: participantId ? { participantId } : { userId },
          select: {
            platform: { select: { name: true } },
            status: true,
            role: true,
            note: true,
            reason: true,
            createdAt: true,
            periods: { select: { startedAt: true, endedAt: true }, orderBy: { startedAt: "asc" } },
          },
          orderBy: { createdAt: "asc" },
        }),
    },
  },
  {
    model: "AuditEvent",
    fields: ["actorId"],
    purpose:
      "Who did what to governance records. Entries hold ids, not names; the log is append-only.",
    erasure: "keep",
    export: {
      key: "auditedActions",
      collect: (client, { userId }) =>
        client.auditEvent.findMany({
          where: { actorId: userId },
          select: { action: true, entityType: true, entityId: true, createdAt: true },
          orderBy: { createdAt: "asc" },
        }),
    },
  },
];
