import { z } from "zod";
import { emailField, optionalText, requiredText } from "~/forms/fields";
import { msg } from "~/forms/messages";
import { GROUP_DESCRIPTION_MAX, GROUP_JOINING, GROUP_NAME_MAX, GROUP_VISIBILITIES } from "./rules";

const choice = () => ({ errorMap: () => ({ message: msg("validation.choice") }) });

/** Name and description in both languages (Spanish required, English falls back), and the rules. */
export const groupSchema = z.object({
  nameEs: requiredText(GROUP_NAME_MAX),
  nameEn: optionalText(GROUP_NAME_MAX),
  descriptionEs: optionalText(GROUP_DESCRIPTION_MAX),
  descriptionEn: optionalText(GROUP_DESCRIPTION_MAX),
  visibility: z.enum(GROUP_VISIBILITIES, choice()),
  joining: z.enum(GROUP_JOINING, choice()),
});
export type GroupInput = z.infer<typeof groupSchema>;

/** Creating also names the first moderator (empty: the creator). */
export const newGroupSchema = groupSchema.extend({
  moderatorEmail: emailField.optional(),
});
export type NewGroupInput = z.infer<typeof newGroupSchema>;

export const appointByEmailSchema = z.object({ email: emailField });

export const GROUP_REASON_MAX = 500;
export const removeReasonSchema = z.object({ reason: requiredText(GROUP_REASON_MAX) });
export const optionalReasonSchema = z.object({ reason: optionalText(GROUP_REASON_MAX) });
