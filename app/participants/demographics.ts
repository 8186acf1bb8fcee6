/**
 * The self-declared, optional profile data the portal counts people by, in one place:
 * profiles, walk-ins, reports and exports all take their lists and rules from here.
 */
export const GENDERS = ["woman", "man", "nonbinary", "undisclosed"] as const;
export type Gender = (typeof GENDERS)[number];

/** The corridor programme's age groups: youth 15–29, adult 30–59, elder 60+. */
export const AGE_GROUPS = ["youth", "adult", "elder"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** First age of each group; an age past OLDEST is taken for a mistyped year. */
export const AGE_THRESHOLDS = { youth: 15, adult: 30, elder: 60, oldest: 130 } as const;
const { youth: YOUTH_FROM, adult: ADULT_FROM, elder: ELDER_FROM, oldest: OLDEST } = AGE_THRESHOLDS;

/**
 * The age group of someone born in `birthYear`, at the instant `at`. Only the year of
 * birth is known, so the age is the one reached during that calendar year (the common
 * convention of census tables). Children under 15 and unknown years belong to no group.
 */
export function ageGroupOf(birthYear: number | null | undefined, at: Date): AgeGroup | null {
  if (birthYear == null || !Number.isInteger(birthYear)) return null;
  const age = at.getUTCFullYear() - birthYear;
  if (age < YOUTH_FROM || age > OLDEST) return null;
  if (age < ADULT_FROM) return "youth";
  if (age < ELDER_FROM) return "adult";
  return "elder";
}

/**
 * A person's age group at `at`: from the birth year when given (it moves with time),
 * else the group recorded for a walk-in who gave no year.
 */
export function ageGroupOfPerson(
  person: { birthYear: number | null; ageGroup: string | null },
  at: Date,
): AgeGroup | null {
  if (person.birthYear != null) return ageGroupOf(person.birthYear, at);
  return (AGE_GROUPS as readonly string[]).includes(person.ageGroup ?? "")
    ? (person.ageGroup as AgeGroup)
    : null;
}
