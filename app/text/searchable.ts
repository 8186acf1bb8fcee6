/** Lower case without accents: "Turismo en la LAGUNA" and "laguna" meet on any database. */
export function searchable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}
