import type { AuthUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { createThread } from "./forum.server";
import { groupActorOf } from "./groups.server";
import { addGroupMember, addMember, makeGroup, makePlatform, makeUser } from "~/test/world";

/** Everyone a forum's permissions are about, from the outside in. */
export const FORUM_ROLES = [
  "anonymous",
  "platformMember",
  "pending",
  "member",
  "moderator",
  "otherModerator",
  "coordinator",
  "admin",
] as const;
export type ForumRole = (typeof FORUM_ROLES)[number];

/**
 * A platform with a group (public or private) and a person in every role: a platform member
 * outside the group, one whose request is pending, a member, a moderator, the moderator of
 * another group of the same platform, the platform's coordinator and an administrator.
 */
export async function makeForum(visibility: "public" | "private" = "public") {
  const platform = await makePlatform();
  const group = await makeGroup(platform.id, { visibility, name: "Mujeres del corredor" });
  const otherGroup = await makeGroup(platform.id, { name: "Jóvenes" });
  const users: Record<ForumRole, AuthUser | null> = {
    anonymous: null,
    platformMember: await makeUser("Vecina"),
    pending: await makeUser("Pendiente"),
    member: await makeUser("Rosa Andi"),
    moderator: await makeUser("Moderadora"),
    otherModerator: await makeUser("Moderador de otro"),
    coordinator: await makeUser("Coordinadora"),
    admin: await makeUser("Admin", true),
  };
  for (const role of ["platformMember", "pending", "member", "moderator", "otherModerator"]) {
    await addMember(users[role as ForumRole]!, platform.id);
  }
  await addMember(users.coordinator!, platform.id, "coordinator");
  await addGroupMember(users.pending!, group.id, "member", "pending");
  await addGroupMember(users.member!, group.id);
  await addGroupMember(users.moderator!, group.id, "moderator");
  await addGroupMember(users.otherModerator!, otherGroup.id, "moderator");
  // Writes the threads and posts others act on (nobody reports their own post).
  const writer = await makeUser("Escritora");
  await addMember(writer, platform.id);
  await addGroupMember(writer, group.id);
  const base = `/platforms/${platform.slug}/groups/${group.id}`;
  return { platform, group, otherGroup, users, writer, base };
}

export type Forum = Awaited<ReturnType<typeof makeForum>>;

/** A thread started by a member through the domain, as the page would. */
export async function startThread(
  forum: Pick<Forum, "group">,
  author: AuthUser,
  title: string,
  body: string,
  now?: Date,
): Promise<string> {
  const outcome = await db.$transaction(async (tx) =>
    createThread(
      tx,
      forum.group,
      await groupActorOf(tx, author, forum.group),
      author,
      { title, body },
      now,
    ),
  );
  if (!outcome.ok) throw new Error("thread refused");
  return outcome.value.threadId;
}
