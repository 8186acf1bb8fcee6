// A course's fixed choices.
// Kept apart from the schemas so pages can use them without shipping the validation library.

/** Time zones offered for a course without a platform (the programme's two countries). */
export const COURSE_TIME_ZONES = ["America/Guayaquil", "America/Lima"] as const;
