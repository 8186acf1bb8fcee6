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
