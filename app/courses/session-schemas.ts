import { z } from "zod";
import { dateField, optionalText, requiredText, timeField } from "~/forms/fields";
import { msg } from "~/forms/messages";
import { attendanceFormSchema } from "~/attendance/schemas";
import { ATTENDANCE_STATUSES } from "~/attendance/statuses";

export const sessionSchema = z
  .object({
    topic: requiredText(200),
    date: dateField,
    startTime: timeField,
    endTime: timeField,
    place: optionalText(200),
    /** One of the course's facilitators, or none. */
    facilitatorId: optionalText(40),
  })
  .superRefine((s, ctx) => {
    // Same-format "HH:MM" strings compare like times.
    if (s.endTime <= s.startTime) {
      ctx.addIssue({
        code: "custom",
        path: ["endTime"],
        message: msg("training:errors.endBeforeStart"),
      });
    }
  });
export type SessionInput = z.infer<typeof sessionSchema>;

/** Training sessions offer every status, "late" included. */
export const sessionAttendanceFormSchema = attendanceFormSchema(ATTENDANCE_STATUSES);
