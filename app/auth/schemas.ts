import { z } from "zod";
import {
  emailField,
  newPasswordField,
  optionalInt,
  optionalText,
  requiredText,
} from "~/forms/fields";
import { REQUIRED, msg } from "~/forms/messages";

import { GENDERS } from "~/participants/demographics";

export { GENDERS };

const currentYear = new Date().getFullYear();

/** Self-declared, optional profile data; only ever used in anonymous statistics. */
const profileFields = {
  name: requiredText(100),
  gender: z.enum(GENDERS, { errorMap: () => ({ message: msg("validation.choice") }) }).optional(),
  birthYear: optionalInt(currentYear - 120, currentYear - 12),
  community: optionalText(100),
  people: optionalText(100),
  locale: z.string().max(10, msg("validation.choice")).optional(),
};

function passwordsMatch<T extends { confirmPassword: string }>(
  data: T,
  ctx: z.RefinementCtx,
  field: keyof T & string,
) {
  if (data.confirmPassword !== data[field]) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["confirmPassword"],
      message: msg("validation.passwordMismatch"),
    });
  }
}

export const signupSchema = z
  .object({
    ...profileFields,
    email: emailField,
    password: newPasswordField,
    confirmPassword: z.string({ required_error: REQUIRED }),
    redirectTo: z.string().optional(),
  })
  .superRefine((data, ctx) => passwordsMatch(data, ctx, "password"));

export const loginSchema = z.object({
  email: emailField,
  password: z
    .string({ required_error: REQUIRED })
    .max(256, msg("validation.tooLong", { max: 256 })),
  redirectTo: z.string().optional(),
});

export const profileSchema = z.object({
  ...profileFields,
  email: emailField,
  // Only needed when the e-mail changes (checked in updateProfile).
  currentPassword: z
    .string()
    .max(256, msg("validation.tooLong", { max: 256 }))
    .optional(),
});

export const passwordChangeSchema = z
  .object({
    currentPassword: z
      .string({ required_error: REQUIRED })
      .max(256, msg("validation.tooLong", { max: 256 })),
    newPassword: newPasswordField,
    confirmPassword: z.string({ required_error: REQUIRED }),
  })
  .superRefine((data, ctx) => passwordsMatch(data, ctx, "newPassword"));

export type SignupInput = z.infer<typeof signupSchema>;
export type ProfileInput = z.infer<typeof profileSchema>;

/** "Delete my account": the password again, so a forgotten open session cannot do it. */
export const deleteAccountSchema = z.object({
  password: z
    .string({ required_error: REQUIRED })
    .max(256, msg("validation.tooLong", { max: 256 })),
});
