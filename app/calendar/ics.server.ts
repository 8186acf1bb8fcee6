import { instantToZoned, observesDst, zoneOffsetMs } from "~/time/time-zone";

export interface CalendarEvent {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  status: string;
  updatedAt: Date;
  url: string;
}

/**
 * RFC 5545 TEXT: backslash, ";" and "," escaped, any line ending (CRLF, CR, LF) as "\\n",
 * and other control characters dropped — a bare CR would otherwise end the line for
 * clients that split on it, letting a title inject properties or whole events.
 */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n|\r|\n/g, "\n")
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "")
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\n/g, "\\n")
  );
}

/** Lines longer than 75 octets are folded, continuing with a space. */
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  for (const ch of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + ch, "utf8") > limit) {
      parts.push(current);
      current = "";
    }
    current += ch;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function localStamp(d: Date, timeZone: string): string {
  const { date, time } = instantToZoned(d, timeZone);
  return `${date.replace(/-/g, "")}T${time.replace(":", "")}00`;
}

function offsetText(ms: number): string {
  const sign = ms < 0 ? "-" : "+";
  const minutes = Math.abs(ms) / 60_000;
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * iCalendar files for assemblies and training sessions: one escaping, one line folding.
 *
 * A calendar in the event's time zone. Zones without daylight saving (Guayaquil, Lima)
 * get a VTIMEZONE and local times; a zone that changes clocks gets UTC times, which are
 * always right, rather than a half-true zone definition.
 */
export function buildCalendar(options: {
  name: string;
  /** Which kind of calendar this is, for clients that show it. */
  prodId?: string;
  timeZone: string;
  events: CalendarEvent[];
  now?: Date;
}): string {
  const now = options.now ?? new Date();
  const tz = options.timeZone;
  const local = ![now, ...options.events.map((e) => e.startsAt)].some((d) => observesDst(d, tz));
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${options.prodId ?? "-//Minga//Asambleas//ES"}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${tz}`,
  ];
  if (local) {
    const offset = offsetText(zoneOffsetMs(now, tz));
    lines.push(
      "BEGIN:VTIMEZONE",
      `TZID:${tz}`,
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      "END:STANDARD",
      "END:VTIMEZONE",
    );
  }
  const when = (d: Date) => (local ? `;TZID=${tz}:${localStamp(d, tz)}` : `:${utcStamp(d)}`);
  for (const e of options.events) {
    const location = [e.place, e.onlineUrl].filter(Boolean).join(" — ");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.id}@minga`,
      `DTSTAMP:${utcStamp(e.updatedAt)}`,
      `DTSTART${when(e.startsAt)}`,
      `DTEND${when(e.endsAt)}`,
      `SUMMARY:${escapeText(e.title)}`,
      `DESCRIPTION:${escapeText([e.description, e.url].filter(Boolean).join("\n\n"))}`,
      ...(location ? [`LOCATION:${escapeText(location)}`] : []),
      `URL:${e.url}`,
      `STATUS:${e.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join("\r\n") + "\r\n";
}

/** `shared: false` for what only some readers may see (a draft course's sessions). */
export function calendarResponse(body: string, filename: string, shared = true): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": shared ? "public, max-age=300" : "private, no-store",
    },
  });
}
