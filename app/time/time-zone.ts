import { cachedFormatter } from "~/i18n/format";
/**
 * Wall-clock times in a platform's time zone ⇄ instants, with Intl only. Forms ask for a
 * date and times as people read them on the platform's clocks (America/Guayaquil,
 * America/Lima), whatever the server's or the browser's zone.
 */
function wallParts(instant: Date, timeZone: string) {
  const parts = cachedFormatter(
    `wall|${timeZone}`,
    () =>
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      }),
  ).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** How far the zone's clocks are ahead of UTC at that instant, in milliseconds. */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = wallParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** "2026-12-05" + "09:30" on the zone's clocks → the instant, or null if malformed. */
export function zonedToInstant(date: string, time: string, timeZone: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [+d[1], +d[2], +d[3], +t[1], +t[2]];
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, da, h, mi);
  if (new Date(wall).getUTCDate() !== da) return null; // 31 February and the like
  // Two passes settle the offset even next to a daylight-saving change.
  let instant = wall - zoneOffsetMs(new Date(wall), timeZone);
  instant = wall - zoneOffsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant as the zone's "YYYY-MM-DD" and "HH:MM", for form fields. */
export function instantToZoned(instant: Date, timeZone: string): { date: string; time: string } {
  const p = wallParts(instant, timeZone);
  return {
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
  };
}

/** Whether the zone changes its clocks during the year of that instant. */
export function observesDst(instant: Date, timeZone: string): boolean {
  const year = new Date(instant).getUTCFullYear();
  const jan = zoneOffsetMs(new Date(Date.UTC(year, 0, 1)), timeZone);
  const jul = zoneOffsetMs(new Date(Date.UTC(year, 6, 1)), timeZone);
  return jan !== jul;
}
