/**
 * Every action the audit log records. `recordAudit` takes no other: a new kind of entry is
 * added here, with its label in both languages (a test holds them together). The log's
 * filter offers these without reading the log: grouping a platform's events by action read
 * every one of them on each view.
 */
export const AUDIT_ACTIONS = [
  "platform.created",
  "platform.updated",
  "membership.requested",
  "membership.approved",
  "membership.rejected",
  "membership.roleChanged",
  "membership.removed",
  "membership.left",
  "membership.withdrawn",
  "membership.addedWithoutAccount",
  "membership.madeMember",
  "meeting.scheduled",
  "meeting.updated",
  "meeting.cancelled",
  "attendance.recorded",
  "attendance.corrected",
  "attendance.walkInAdded",
  "attendance.walkInRemoved",
  "minutes.saved",
  "minutes.published",
  "minutes.amended",
  "proposal.created",
  "proposal.stateChanged",
  "vote.opened",
  "vote.closed",
  "vote.closedEarly",
  "vote.tallyRecorded",
  "vote.tallyCorrected",
  "post.hidden",
  "post.reportsDismissed",
  "course.created",
  "course.updated",
  "course.published",
  "course.unpublished",
  "course.lessonAdded",
  "course.lessonUpdated",
  "course.lessonMoved",
  "course.lessonDeleted",
  "course.materialAdded",
  "course.materialDeleted",
  "course.closed",
  "trainingSession.scheduled",
  "trainingSession.updated",
  "trainingSession.cancelled",
  "trainingSession.walkInEnrolled",
  "trainingSession.walkInUnenrolled",
  "enrolment.enrolled",
  "enrolment.left",
  "enrolment.withdrawn",
  "certificate.issued",
  "certificate.revoked",
  "account.deleted",
  "account.madeAdmin",
  "group.created",
  "group.updated",
  "groupMember.joined",
  "groupMember.requested",
  "groupMember.requestWithdrawn",
  "groupMember.left",
  "groupMember.approved",
  "groupMember.rejected",
  "groupMember.removed",
  "groupMember.moderatorAppointed",
  "groupMember.moderatorRemoved",
  "thread.hidden",
  "thread.locked",
  "thread.unlocked",
  "thread.pinned",
  "thread.unpinned",
  "thread.raised",
  "participant.linked",
  "participant.merged",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What happens inside a platform's groups (who joined a private group, a thread hidden) is
 * the group's own: not in the platform's log (see readAuditLog's scope), nor in its filter.
 */
export function inGroupsOnly(action: AuditAction): boolean {
  return action.startsWith("groupMember.") || action.startsWith("thread.");
}
