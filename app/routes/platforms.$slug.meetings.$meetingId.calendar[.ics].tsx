import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicUrl } from "~/http/public-url.server";
import { buildCalendar, calendarResponse } from "~/meetings/calendar.server";
import { calendarEvents, getMeeting } from "~/meetings/meetings.server";
import { requirePlatform } from "~/platforms/platforms.server";

/** One meeting as an .ics file to add to a phone's calendar. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const meeting = await getMeeting(platform.id, params.meetingId ?? "");
  const events = await calendarEvents(
    platform,
    (id) => publicUrl(request, `/platforms/${platform.slug}/meetings/${id}`),
    meeting.id,
  );
  const body = buildCalendar({ name: platform.name, timeZone: platform.timeZone, events });
  return calendarResponse(body, `minga-${meeting.id}.ics`);
}
