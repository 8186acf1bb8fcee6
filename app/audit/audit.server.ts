import type { DbClient } from "~/db.server";
import type { AuditAction } from "./actions";

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
  await client.auditEvent.create({ data: auditRow(entry) });
}

function auditRow(entry: AuditEntry) {
  return {
    actorId: entry.actorId,
    actorErased: entry.actorErased ?? false,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    platformId: entry.platformId ?? null,
    details: JSON.stringify(entry.details ?? {}),
  };
}

/**
 * Appends many entries in one statement (a whole roster marked present at once), inside the
 * caller's transaction like `recordAudit`: one entry per thing done, not one per request.
 */
export async function recordAudits(client: DbClient, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await client.auditEvent.createMany({ data: entries.map(auditRow) });
}

/** Entries a page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;
