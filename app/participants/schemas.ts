import { z } from "zod";
import { REQUIRED } from "~/forms/messages";
import { emailField } from "~/forms/fields";

/** The e-mail of the account a walk-in opened later (they must have asked to join). */
export const linkSchema = z.object({ email: emailField });

/** The other record of the same person, picked from the search results. */
export const mergeSchema = z.object({
  otherId: z.string({ required_error: REQUIRED }).trim().min(1, REQUIRED).max(40),
});
