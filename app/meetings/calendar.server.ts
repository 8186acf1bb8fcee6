/** Assemblies' calendars use the shared iCalendar writer. */
export { buildCalendar, calendarResponse, escapeText } from "~/calendar/ics.server";
export type { CalendarEvent } from "~/calendar/ics.server";
