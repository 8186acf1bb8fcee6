import { z } from "zod";
import { REQUIRED, msg } from "~/forms/messages";
import { emailField, optionalInt, optionalText, requiredText } from "~/forms/fields";
import { AGE_GROUPS, GENDERS } from "./demographics";

/** The e-mail of the account a walk-in opened later (they must have asked to join). */
export const linkSchema = z.object({ email: emailField });

/** The other record of the same person, picked from the search results. */
export const mergeSchema = z.object({
  otherId: z.string({ required_error: REQUIRED }).trim().min(1, REQUIRED).max(40),
});

const choice = () => ({ errorMap: () => ({ message: msg("validation.choice") }) });
const currentYear = new Date().getFullYear();

/**
 * A member without an account, as a coordinator adds them: the walk-in's fields, plus the
 * people, a birth year (or just an age group) and a phone to reach them, all optional.
 */
export const memberWithoutAccountSchema = z.object({
  name: requiredText(100),
  community: optionalText(100),
  people: optionalText(100),
  gender: z.enum(GENDERS, choice()).optional(),
  ageGroup: z.enum(AGE_GROUPS, choice()).optional(),
  birthYear: optionalInt(currentYear - 120, currentYear - 12),
  phone: optionalText(30).refine(
    (p) => p === undefined || /^\+?[0-9][0-9 ()-]{5,28}$/.test(p),
    msg("participants:errors.phone"),
  ),
});
export type MemberWithoutAccountInput = z.infer<typeof memberWithoutAccountSchema>;

/** "Make member" sends nothing but the button: the person is the page's. */
export const makeMemberSchema = z.object({});
