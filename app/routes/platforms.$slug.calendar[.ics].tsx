import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicUrl } from "~/http/public-url.server";
import { buildCalendar, calendarResponse } from "~/meetings/calendar.server";
import { calendarEvents } from "~/meetings/meetings.server";
import { requirePlatform } from "~/platforms/platforms.server";

/** A feed people subscribe to: every meeting of the platform, in its time zone. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const platform = await requirePlatform(params.slug);
  const events = await calendarEvents(platform, (id) =>
    publicUrl(request, `/platforms/${platform.slug}/meetings/${id}`),
  );
  const body = buildCalendar({ name: platform.name, timeZone: platform.timeZone, events });
  return calendarResponse(body, `${platform.slug}.ics`);
}
