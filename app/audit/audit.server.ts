import type { DbClient } from "~/db.server";
import { db } from "~/db.server";

export interface AuditEntry {
  actorId: string | null;
  action: string;
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
  const page = Math.max(1, options.page ?? 1);
  const where = options.platformId ? { platformId: options.platformId } : {};
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { name: true, email: true } } },
    }),
    db.auditEvent.count({ where }),
  ]);
  return { events, total, page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
