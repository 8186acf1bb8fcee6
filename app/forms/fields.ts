import { z } from "zod";
import { REQUIRED, msg } from "./messages";

/** Field builders shared by every form schema, so limits and messages agree everywhere. */
export function requiredText(max: number) {
  return z
    .string({ required_error: REQUIRED, invalid_type_error: REQUIRED })
    .trim()
    .min(1, REQUIRED)
    .max(max, msg("validation.tooLong", { max }));
}

export function optionalText(max: number) {
  return z
    .string({ invalid_type_error: REQUIRED })
    .trim()
    .max(max, msg("validation.tooLong", { max }))
    .optional();
}

export const emailField = z
  .string({ required_error: REQUIRED })
  .trim()
  .max(254, msg("validation.tooLong", { max: 254 }))
  .email(msg("validation.email"))
  .transform((v) => v.toLowerCase());

export const newPasswordField = z
  .string({ required_error: REQUIRED })
  .min(10, msg("validation.passwordTooShort", { min: 10 }))
  .max(256, msg("validation.tooLong", { max: 256 }));

export function optionalInt(min: number, max: number) {
  return z
    .number({ invalid_type_error: msg("validation.number") })
    .int(msg("validation.number"))
    .min(min, msg("validation.between", { min, max }))
    .max(max, msg("validation.between", { min, max }))
    .optional();
}

/** A calendar day as the date input sends it: "2026-12-05". */
export const dateField = z
  .string({ required_error: REQUIRED })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("validation.date"));

/** A wall-clock time as the time input sends it: "09:30". */
export const timeField = z
  .string({ required_error: REQUIRED })
  .trim()
  .regex(/^\d{2}:\d{2}$/, msg("validation.time"));

/**
 * The id a form's hidden field names (a post, a lesson): only a tampered or truncated form
 * lacks it, and even then the answer is a key both languages translate.
 */
export function hiddenId() {
  return z
    .string({ required_error: REQUIRED, invalid_type_error: REQUIRED })
    .min(1, REQUIRED)
    .max(40);
}
