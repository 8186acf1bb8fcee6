/** Course topics, from the programme's training lines (../shared/DESIGN.md). */
export const COURSE_TOPICS = ["fauna", "crimes", "bioeconomy", "tourism", "other"] as const;
export type CourseTopic = (typeof COURSE_TOPICS)[number];

export const COURSE_STATUSES = ["draft", "published", "closed"] as const;
