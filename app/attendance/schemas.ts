import { z } from "zod";
import { GENDERS } from "~/auth/schemas";
import { optionalText, requiredText } from "~/forms/fields";
import { REQUIRED, msg } from "~/forms/messages";
import { MAX_PAGE } from "~/http/pagination";
import { AGE_GROUPS } from "~/participants/demographics";
import type { AttendanceStatus } from "./statuses";

const choice = () => ({ errorMap: () => ({ message: msg("validation.choice") }) });

export const walkInSchema = z.object({
  name: requiredText(100),
  community: optionalText(100),
  gender: z.enum(GENDERS, choice()).optional(),
  ageGroup: z.enum(AGE_GROUPS, choice()).optional(),
});
export type WalkInInput = z.infer<typeof walkInSchema>;

export const ATTENDANCE_INTENTS = ["attendance", "walkIn", "findWalkIn", "markAllPresent"] as const;

/**
 * The attendance page's one form, for any host: the roster's statuses (only those the host
 * offers), the walk-in fields and which button was pressed. The name is required only when
 * "add walk-in" was pressed.
 */
export function attendanceFormSchema(statuses: readonly [AttendanceStatus, ...AttendanceStatus[]]) {
  return z
    .object({
      /** One status per participant, as "status.<participantId>" fields. */
      status: z.record(z.string(), z.enum(statuses, choice())).default({}),
      /**
       * The status each row showed when the page was drawn ("shown.<participantId>", hidden):
       * a row sent as shown is not written (changes.ts). Not checked: a value that is no
       * status only means the row is written.
       */
      shown: z.record(z.string(), z.string().max(20)).default({}),
      intent: z.enum(ATTENDANCE_INTENTS).optional(),
      removeWalkIn: z.string().max(40).optional(),
      /** A person without an account found again (participants module), marked present. */
      knownWalkIn: z.string().max(40).optional(),
      /** Another page of the roster, asked for by its button: the marks on screen are saved. */
      goto: z.coerce.number().int().min(1).max(MAX_PAGE).optional(),
      /** Another page of the walk-ins, asked for by its button: the marks are saved too. */
      gotoWalkIns: z.coerce.number().int().min(1).max(MAX_PAGE).optional(),
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
}
export type AttendanceFormSchema = ReturnType<typeof attendanceFormSchema>;
