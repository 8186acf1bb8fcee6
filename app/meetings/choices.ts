// A meeting's fixed choices: attendance statuses, RSVP answers, agenda size.
// Kept apart from the schemas so pages can use them without shipping the validation library.

export const ATTENDANCE_STATUSES = ["present", "absent", "excused"] as const;
export const RSVP_ANSWERS = ["yes", "no", "maybe"] as const;
export const MAX_AGENDA_ITEMS = 30;
