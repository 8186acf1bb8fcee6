import type { DbClient } from "~/db.server";
import { searchable } from "~/text/searchable";

/**
 * A user's own participant record: every account has one (accounts.server makes it), and
 * one is made here, with the account's name, for an older account that lacks it. Kept apart
 * from participants.server so the membership module can use it without an import cycle.
 */
export async function ownParticipant(client: DbClient, user: { id: string; name: string }) {
  const found = await client.participant.findUnique({ where: { userId: user.id } });
  if (found) return found;
  return client.participant.create({
    data: { userId: user.id, name: user.name, searchText: searchable(user.name.trim()) },
  });
}
