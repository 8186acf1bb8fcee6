import { attendancePersonalData } from "~/attendance/personal-data.server";
import { authPersonalData } from "~/auth/personal-data.server";
import { coursesPersonalData } from "~/courses/personal-data.server";
import type { DbClient } from "~/db.server";
import { discussionsPersonalData } from "~/discussions/personal-data.server";
import { groupsPersonalData } from "~/groups/personal-data.server";
import { meetingsPersonalData } from "~/meetings/personal-data.server";
import { participantsPersonalData } from "~/participants/personal-data.server";
import { platformsPersonalData } from "~/platforms/personal-data.server";
import { proposalsPersonalData } from "~/proposals/personal-data.server";
import { votesPersonalData } from "~/votes/personal-data.server";
import type { PersonalDataDeclaration } from "./declaration";

/** Every module's declaration of the personal data it holds. */
export const PERSONAL_DATA: PersonalDataDeclaration[] = [
  ...authPersonalData,
  ...participantsPersonalData,
  ...platformsPersonalData,
  ...meetingsPersonalData,
  ...attendancePersonalData,
  ...proposalsPersonalData,
  ...discussionsPersonalData,
  ...votesPersonalData,
  ...coursesPersonalData,
  ...groupsPersonalData,
  // This module's own: what an erased account took part in (erase.server.ts).
  {
    model: "ErasedActivity",
    fields: ["participantId"],
    purpose:
      "Written only when an account is deleted: the kind, platform and time of each ballot, raised hand, public forum post and proposal of the person, on their anonymous person record, so participation reports keep their figures. No choice, no text; exists only for people who no longer have an account, so there is nothing to export.",
    erasure: "keep",
  },
];

/**
 * "Download my data": everything the portal holds about the signed-in person, one key per
 * declaration that exports. Secret ballots appear only as "voted".
 */
export async function collectMyData(client: DbClient, userId: string, now = new Date()) {
  const participant = await client.participant.findUnique({
    where: { userId },
    select: { id: true },
  });
  const person = { userId, participantId: participant?.id ?? null };
  const data: Record<string, unknown> = { generatedAt: now.toISOString() };
  for (const d of PERSONAL_DATA) {
    if (d.export) data[d.export.key] = await d.export.collect(client, person);
  }
  return data;
}
