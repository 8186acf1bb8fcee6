import { z } from "zod";
import { emailField, optionalText, requiredText } from "~/forms/fields";
import { REQUIRED, msg } from "~/forms/messages";
import { AGE_GROUPS, GENDERS } from "~/participants/demographics";

const choice = () => ({ errorMap: () => ({ message: msg("validation.choice") }) });
const id = z.string({ required_error: REQUIRED }).trim().min(1, REQUIRED).max(40);

/** The signed-in person's own place: the only two things they can ask for. */
export const selfSchema = z.object({ intent: z.enum(["enrol", "leave"], choice()) });

/** A manager enrols someone with an account, by the e-mail they signed up with. */
export const byEmailSchema = z.object({ email: emailField });

/** A manager enrols a person without an account found again by name and community. */
export const knownPersonSchema = z.object({ participantId: id });

/** A manager enrols a person without an account who has never been recorded. */
export const newPersonSchema = z.object({
  name: requiredText(100),
  community: optionalText(100),
  gender: z.enum(GENDERS, choice()).optional(),
  ageGroup: z.enum(AGE_GROUPS, choice()).optional(),
});

/** A manager withdraws someone: the reason is required and kept on the enrolment. */
export const withdrawSchema = z.object({ enrolmentId: id, reason: requiredText(500) });
