/**
 * What a domain function returns for input it refuses: message keys per field (shown
 * beside the field) and for the whole form. Nothing is written when it is not ok.
 */
export type FieldErrors = Record<string, string[]>;
export type Refusal = { ok: false; fieldErrors: FieldErrors; formErrors?: string[] };
export type Outcome<T> = { ok: true; value: T } | Refusal;

export function refuse(field: string, message: string): Refusal {
  return { ok: false, fieldErrors: { [field]: [message] } };
}

export function refuseForm(message: string): Refusal {
  return { ok: false, fieldErrors: {}, formErrors: [message] };
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/**
 * Thrown inside a transaction to undo what it wrote and answer with a refusal instead: for a
 * rule that can only be checked once the writes are made (a count that must still fit).
 */
export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super("refused");
  }
}

/** Runs a transaction that may throw `Refused`: its writes are undone, its refusal answered. */
export async function undoneIfRefused<T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}
