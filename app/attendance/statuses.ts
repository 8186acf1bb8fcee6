/**
 * Attendance statuses shared by every host (assemblies, training sessions). A host may
 * offer a subset (assemblies do not record "late"); the order is the order of the form.
 */
export const ATTENDANCE_STATUSES = ["present", "late", "excused", "absent"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
