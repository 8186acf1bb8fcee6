// A platform's fixed choices: roles, approval rules, countries, time zones.
// Kept apart from the schemas so pages can use them without shipping the validation library.

export const ROLES = ["member", "facilitator", "coordinator"] as const;
export type PlatformRole = (typeof ROLES)[number];
export const APPROVAL_RULES = ["simple", "twoThirds"] as const;
export const COUNTRIES = ["EC", "PE", "CO", "BO", "BR"] as const;
export const TIME_ZONES = [
  "America/Guayaquil",
  "America/Lima",
  "America/Bogota",
  "America/La_Paz",
  "America/Manaus",
] as const;
