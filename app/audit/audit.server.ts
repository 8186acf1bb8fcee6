import type { DbClient } from "~/db.server";
import type { AuditAction } from "./actions";
import { db } from "~/db.server";
import { pageOf } from "~/http/pagination";

export interface AuditEntry {
  actorId: string | null;
  /** The entry is about what a person did whose account is now erased (account.deleted). */
  actorErased?: boolean;
  action: AuditAction;
  entityType: string;
  entityId: string;
  platformId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit log, inside the caller's transaction so that a change and its
 * record are written together or not at all. There is deliberately no update or delete.
 */
export async function recordAudit(client: DbClient, entry: AuditEntry): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: entry.actorId,
      actorErased: entry.actorErased ?? false,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      platformId: entry.platformId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, for administrators, optionally for one platform. */
export async function listAuditEvents(options: { platformId?: string; page?: number }) {
  const where = options.platformId ? { platformId: options.platformId } : {};
  const total = await db.auditEvent.count({ where });
  const page = pageOf(options.page ?? 1, total, AUDIT_PAGE_SIZE);
  const events = await db.auditEvent.findMany({
    where,
    // Newest first; the id breaks ties between events of the same millisecond.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: page.skip,
    take: page.take,
    include: { actor: { select: { name: true, email: true } } },
  });
  return { events, total, page: page.page, pages: page.pages };
}
