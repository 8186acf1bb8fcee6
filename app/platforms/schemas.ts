import { z } from "zod";
import { optionalText, requiredText } from "~/forms/fields";
import { REQUIRED, msg } from "~/forms/messages";
import { ROLES, APPROVAL_RULES, COUNTRIES, TIME_ZONES } from "./choices";
export { ROLES, APPROVAL_RULES, COUNTRIES, TIME_ZONES } from "./choices";
export type { PlatformRole } from "./choices";

const choice = () => ({ errorMap: () => ({ message: msg("validation.choice") }) });

export const platformSchema = z.object({
  name: requiredText(150),
  slug: z
    .string({ required_error: REQUIRED })
    .trim()
    .toLowerCase()
    .max(60, msg("validation.tooLong", { max: 60 }))
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, msg("platforms:errors.slugFormat")),
  descriptionEs: requiredText(3000),
  descriptionEn: requiredText(3000),
  country: z.enum(COUNTRIES, choice()),
  region: requiredText(100),
  timeZone: z.enum(TIME_ZONES, choice()),
  quorumPercent: z
    .number({ required_error: REQUIRED, invalid_type_error: msg("validation.number") })
    .int(msg("validation.number"))
    .min(1, msg("validation.between", { min: 1, max: 100 }))
    .max(100, msg("validation.between", { min: 1, max: 100 })),
  approvalRule: z.enum(APPROVAL_RULES, choice()),
  // A checkbox: absent when unticked, so absent means no.
  nonMembersVoteByHand: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export type PlatformInput = z.infer<typeof platformSchema>;

export const joinSchema = z.object({ note: optionalText(300) });

export const reasonSchema = z.object({ reason: requiredText(500) });

export const optionalReasonSchema = z.object({ reason: optionalText(500) });

export const roleSchema = z.object({
  role: z.enum(ROLES, choice()),
});
