/**
 * Zod messages are translation keys, optionally with values: "validation.tooLong|max=100".
 * The same schema runs in the browser and on the server; each side translates the key.
 */
export function msg(key: string, values?: Record<string, string | number>): string {
  if (!values) return key;
  const params = Object.entries(values).map(([k, v]) => `${k}=${v}`);
  return [key, ...params].join("|");
}

export function decodeMessage(message: string): { key: string; values: Record<string, string> } {
  const [key, ...params] = message.split("|");
  const values: Record<string, string> = {};
  for (const p of params) {
    const [k, v] = p.split("=");
    values[k] = v;
  }
  return { key, values };
}

export const REQUIRED = msg("validation.required");
