/** The portal's public address, for links that leave the page (calendars, WhatsApp, Open Graph). */
export function publicUrl(request: Request, path: string): string {
  const origin = process.env.PUBLIC_URL ?? new URL(request.url).origin;
  return new URL(path, origin).toString();
}
