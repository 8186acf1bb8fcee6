import { z } from "zod";
import { GENDERS } from "~/auth/schemas";
import { dateField, optionalText, requiredText, timeField } from "~/forms/fields";
import { REQUIRED, msg } from "~/forms/messages";

export { AGE_GROUPS } from "~/participants/demographics";
import { AGE_GROUPS } from "~/participants/demographics";
export const ATTENDANCE_STATUSES = ["present", "absent", "excused"] as const;
export const RSVP_ANSWERS = ["yes", "no", "maybe"] as const;
export const MAX_AGENDA_ITEMS = 30;

const choice = () => ({ errorMap: () => ({ message: msg("validation.choice") }) });

/** One line, one item: how agendas and decisions are typed on a phone (any line ending). */
export function splitLines(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function lineList(maxItems: number, maxLength: number) {
  return optionalText(maxItems * (maxLength + 2)).superRefine((text, ctx) => {
    const lines = splitLines(text);
    if (lines.length > maxItems) {
      ctx.addIssue({
        code: "custom",
        message: msg("meetings:errors.tooManyLines", { max: maxItems }),
      });
    }
    if (lines.some((l) => l.length > maxLength)) {
      ctx.addIssue({
        code: "custom",
        message: msg("meetings:errors.lineTooLong", { max: maxLength }),
      });
    }
  });
}

const date = dateField;
const time = timeField;

export const meetingSchema = z
  .object({
    title: requiredText(200),
    description: optionalText(5000),
    agenda: lineList(MAX_AGENDA_ITEMS, 200),
    date,
    startTime: time,
    endTime: time,
    place: optionalText(200),
    onlineUrl: z
      .string()
      .trim()
      .max(500, msg("validation.tooLong", { max: 500 }))
      .url(msg("validation.url"))
      .refine((u) => /^https?:\/\//i.test(u), msg("validation.url"))
      .optional(),
  })
  .superRefine((m, ctx) => {
    // Same-format "HH:MM" strings compare like times.
    if (m.endTime <= m.startTime) {
      ctx.addIssue({
        code: "custom",
        path: ["endTime"],
        message: msg("meetings:errors.endBeforeStart"),
      });
    }
    if (!m.place && !m.onlineUrl) {
      ctx.addIssue({
        code: "custom",
        path: ["place"],
        message: msg("meetings:errors.placeOrLink"),
      });
    }
  });
export type MeetingInput = z.infer<typeof meetingSchema>;

export const rsvpSchema = z.object({ answer: z.enum(RSVP_ANSWERS, choice()) });

/** The roster: one status per participant, as "status.<participantId>" fields. */
export const attendanceSchema = z.object({
  status: z.record(z.string(), z.enum(ATTENDANCE_STATUSES, choice())).default({}),
});

export const walkInSchema = z.object({
  name: requiredText(100),
  community: optionalText(100),
  gender: z.enum(GENDERS, choice()).optional(),
  ageGroup: z.enum(AGE_GROUPS, choice()).optional(),
});
export type WalkInInput = z.infer<typeof walkInSchema>;

/**
 * The attendance page's one form: the roster's statuses, the walk-in fields and which button
 * was pressed. The name is required only when "add walk-in" was pressed.
 */
export const attendanceFormSchema = attendanceSchema
  .extend({
    intent: z.enum(["attendance", "walkIn", "findWalkIn"]).optional(),
    removeWalkIn: z.string().max(40).optional(),
    /** A person without an account found again (participants module), marked present. */
    knownWalkIn: z.string().max(40).optional(),
    /** Name or community typed to find someone already recorded. */
    who: optionalText(100),
    name: optionalText(100),
    community: walkInSchema.shape.community,
    gender: walkInSchema.shape.gender,
    ageGroup: walkInSchema.shape.ageGroup,
  })
  .superRefine((v, ctx) => {
    if (v.intent === "walkIn" && !v.name) {
      ctx.addIssue({ code: "custom", path: ["name"], message: REQUIRED });
    }
  });

export const minutesSchema = z.object({
  minutes: optionalText(50_000),
  decisions: lineList(50, 1000),
});
export type MinutesInput = z.infer<typeof minutesSchema>;

export const amendmentSchema = z.object({
  text: requiredText(5000),
  reason: requiredText(500),
});
