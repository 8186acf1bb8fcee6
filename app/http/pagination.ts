/**
 * One way to page a list: `?page=N` read leniently (anything odd is page 1), the database
 * counts and slices, and a page past the end shows the last one. Every paginated list uses
 * this with a stable order (a unique column last), so a row never shows on two pages.
 */
export const MAX_PAGE = 100_000;

export function pageFromUrl(url: URL | string, param = "page"): number {
  const raw = (typeof url === "string" ? new URL(url) : url).searchParams.get(param);
  const n = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), MAX_PAGE);
}

export interface PageInfo {
  page: number;
  pages: number;
  total: number;
  skip: number;
  take: number;
}

/** Where the requested page starts, clamped to the last page that exists. */
export function pageOf(requested: number, total: number, size: number): PageInfo {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pages);
  return { page, pages, total, skip: (page - 1) * size, take: size };
}

/**
 * A page of a list, counted only when it must be: the first page is read one row past its
 * size, and when that row is not there the page is the whole list (most lists of a course
 * or an event fit on one), so there is nothing to count. A longer list, or a later page, is
 * counted as `pageOf` needs. Never more statements than counting first; one fewer when the
 * list fits.
 */
export async function readPage<T>(
  requested: number,
  size: number,
  read: (skip: number, take: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<{ rows: T[]; page: PageInfo }> {
  // Anything that is not past page 1 is page 1, as in `pageOf`.
  if (!(Math.floor(requested) > 1)) {
    const first = await read(0, size + 1);
    if (first.length <= size) return { rows: first, page: pageOf(1, first.length, size) };
    return { rows: first.slice(0, size), page: pageOf(1, await count(), size) };
  }
  const page = pageOf(requested, await count(), size);
  return { rows: await read(page.skip, page.take), page };
}

/** The same address with another page (page 1 drops the parameter). */
export function pageHref(search: string | URLSearchParams, page: number, param = "page"): string {
  const params = new URLSearchParams(search);
  if (page > 1) params.set(param, String(page));
  else params.delete(param);
  const query = params.toString();
  return query ? `?${query}` : "?";
}

/** The same address at a cursor of a list read newer / older from an entry (the audit log). */
export function cursorHref(
  search: string | URLSearchParams,
  direction: "newer" | "older",
  cursor: string,
): string {
  const params = new URLSearchParams(search);
  for (const stale of ["newer", "older", "page"]) params.delete(stale);
  params.set(direction, cursor);
  return `?${params.toString()}`;
}
