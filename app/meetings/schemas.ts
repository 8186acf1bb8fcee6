import { z } from "zod";
import { attendanceFormSchema as sharedAttendanceFormSchema } from "~/attendance/schemas";
import { dateField, optionalText, requiredText, timeField } from "~/forms/fields";
import { msg } from "~/forms/messages";
import { ATTENDANCE_STATUSES, RSVP_ANSWERS, MAX_AGENDA_ITEMS } from "./choices";
export { ATTENDANCE_STATUSES, RSVP_ANSWERS, MAX_AGENDA_ITEMS } from "./choices";

export { AGE_GROUPS } from "~/participants/demographics";

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

/** Assemblies do not record "late". */
export const attendanceFormSchema = sharedAttendanceFormSchema(ATTENDANCE_STATUSES);
export { walkInSchema, type WalkInInput } from "~/attendance/schemas";

export const minutesSchema = z.object({
  minutes: optionalText(50_000),
  decisions: lineList(50, 1000),
});
export type MinutesInput = z.infer<typeof minutesSchema>;

export const amendmentSchema = z.object({
  text: requiredText(5000),
  reason: requiredText(500),
});
