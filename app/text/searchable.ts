/** Lower case without accents: "Turismo en la LAGUNA" and "laguna" meet on any database. */
export function searchable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/**
 * The words of a search box, searchable and bounded: letters and digits only (`%` and `_`
 * would be wildcards to the database's LIKE), at most `max` words.
 */
export function searchWords(query: string, max = 5): string[] {
  return searchable(query)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter(Boolean)
    .slice(0, max);
}
