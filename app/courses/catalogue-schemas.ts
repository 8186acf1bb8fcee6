import { z } from "zod";
import { dateField, hiddenId, optionalText, requiredText } from "~/forms/fields";
import { REQUIRED, msg } from "~/forms/messages";
import { COURSE_TOPICS } from "./topics";
import { isWebLink } from "./uploads";
import { COURSE_TIME_ZONES } from "./choices";
export { COURSE_TIME_ZONES } from "./choices";

const choice = () => ({ errorMap: () => ({ message: msg("validation.choice") }) });

/**
 * Create or edit a course. `platform` is fixed by the page (the actor chooses it first);
 * `timeZone` is read only for portal-wide courses, `facilitatorIds` only for platform
 * courses and `facilitatorEmails` only for portal-wide ones.
 */
export const courseSchema = z
  .object({
    titleEs: requiredText(200),
    titleEn: optionalText(200),
    descriptionEs: requiredText(20_000),
    descriptionEn: optionalText(20_000),
    topic: z.enum(COURSE_TOPICS, choice()),
    timeZone: z.enum(COURSE_TIME_ZONES, choice()).optional(),
    facilitatorIds: z.array(z.string().max(40)).max(50).optional(),
    facilitatorEmails: optionalText(5_000),
    capacity: z
      .number({ invalid_type_error: msg("validation.number") })
      .int(msg("validation.number"))
      .min(1, msg("validation.between", { min: 1, max: 10_000 }))
      .max(10_000, msg("validation.between", { min: 1, max: 10_000 }))
      .optional(),
    // A checkbox: absent when unticked, so absent means closed.
    enrolmentOpen: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    startDate: dateField,
    endDate: dateField,
    completionPercent: z
      .number({ required_error: REQUIRED, invalid_type_error: msg("validation.number") })
      .int(msg("validation.number"))
      .min(1, msg("validation.between", { min: 1, max: 100 }))
      .max(100, msg("validation.between", { min: 1, max: 100 })),
  })
  .superRefine((c, ctx) => {
    // Same-format "YYYY-MM-DD" strings compare like dates.
    if (c.endDate < c.startDate) {
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: msg("courses:errors.endBeforeStart"),
      });
    }
  });
export type CourseInput = z.infer<typeof courseSchema>;

/** The e-mail addresses typed for a portal-wide course's facilitators, one per line or comma. */
export function splitEmails(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? "")
        .split(/[\s,;]+/)
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export const lessonSchema = z.object({
  title: requiredText(200),
  body: optionalText(50_000),
});
export type LessonInput = z.infer<typeof lessonSchema>;

export const linkSchema = z.object({
  title: requiredText(200),
  url: z
    .string({ required_error: REQUIRED })
    .trim()
    .min(1, REQUIRED)
    .max(1000, msg("validation.tooLong", { max: 1000 }))
    .refine(isWebLink, msg("validation.url")),
});
export type LinkInput = z.infer<typeof linkSchema>;

/** The text fields of the upload form (the file itself is checked while it streams). */
export const uploadSchema = z.object({
  title: optionalText(200),
  /** Checked on the server by materials.server.ts; here only so the field has its errors. */
  file: z.unknown().optional(),
});

/** Which lesson or material a row's button acts on. */
export const lessonRef = z.object({ lessonId: hiddenId() });
export const materialRef = z.object({ materialId: hiddenId() });
