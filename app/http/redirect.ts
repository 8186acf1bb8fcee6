/**
 * Where to go after a form: only paths on this site. Anything else ("//evil.example",
 * "https://…", "/\\evil") falls back, so a crafted link cannot send people elsewhere.
 */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = "/",
): string {
  if (typeof to !== "string" || !to) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[\r\n\t]/.test(to) || to.includes("\\")) return fallback;
  try {
    const url = new URL(to, "http://minga.invalid");
    if (url.origin !== "http://minga.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
