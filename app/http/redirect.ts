const BASE = "http://minga.invalid";

/**
 * Where to go after a form: only paths on this site. The value is normalized first (as a
 * browser would resolve it: "/./", "%2e", …) and the result must be a path starting with
 * a single "/", so "/.//evil.example" cannot come out as "//evil.example". Anything
 * else ("https://…", "//evil", "/\\evil", control characters) falls back.
 */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = "/",
): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2000) return fallback;
  // Browsers read "\" as "/" and drop tabs and newlines, so such values are never paths here.
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001F\u007F\\]/.test(to)) return fallback;
  try {
    const url = new URL(to, BASE);
    if (url.origin !== BASE) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
    // The result must resolve to itself on this site, whatever reads it next.
    const again = new URL(path, BASE);
    if (again.origin !== BASE || `${again.pathname}${again.search}${again.hash}` !== path) {
      return fallback;
    }
    return path;
  } catch {
    return fallback;
  }
}
