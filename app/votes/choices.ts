// A vote's fixed choices: kinds, rules, standard options, secrecy.
// Kept apart from the schemas so pages can use them without shipping the validation library.

export const VOTE_KINDS = ["yesNo", "custom"] as const;
export const YES_NO_RULES = ["simple", "twoThirds"] as const;
export const STANDARD_OPTIONS = ["yes", "no", "abstain"] as const;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
export const SECRECY = ["secret", "public"] as const;
