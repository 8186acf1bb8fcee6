import type { AttendanceStatus } from "./statuses";

/**
 * The marks a facilitator changed on the screen: each person's status as sent, unless it is
 * the status the screen showed for them when it was drawn (`shown`, from the form's hidden
 * fields). A form carries every row of its page, changed or not; writing the unchanged ones
 * would put back, over a second facilitator's correction made meanwhile, what the first
 * screen still showed. So only changes are written, with or without JavaScript (with it,
 * the page sends only the changes in the first place).
 */
export function changedMarks(
  sent: Record<string, AttendanceStatus>,
  shown: Record<string, string>,
): Record<string, AttendanceStatus> {
  const changed: Record<string, AttendanceStatus> = {};
  for (const [participantId, status] of Object.entries(sent)) {
    if (shown[participantId] !== status) changed[participantId] = status;
  }
  return changed;
}
