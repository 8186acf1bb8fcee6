/**
 * Dates, times and numbers through Intl, in the reader's language and the
 * platform's time zone (never the server's).
 */
const intlLocale = (locale: string) => (locale === "es" ? "es-EC" : locale);

export function formatDateTime(date: Date | string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "full",
    timeStyle: "short",
    timeZone,
  }).format(new Date(date));
}

export function formatDate(date: Date | string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone }).format(
    new Date(date),
  );
}

export function formatTime(date: Date | string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: "short", timeZone }).format(
    new Date(date),
  );
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}
