import { acceptsRsvp, isUpcoming, rsvpRefusal } from "./upcoming";

const now = new Date("2027-03-15T12:00:00Z");
const later = new Date("2027-03-25T12:00:00Z");
const earlier = new Date("2027-03-01T12:00:00Z");

describe("upcoming meetings and RSVP", () => {
  it.each([
    ["scheduled, ten days ahead", "scheduled", later, true, null],
    [
      "held before its start (attendance taken early)",
      "held",
      later,
      false,
      "meetings:errors.rsvpAfterAttendance",
    ],
    ["held and over", "held", earlier, false, "meetings:errors.rsvpAfterAttendance"],
    ["scheduled but over", "scheduled", earlier, false, "meetings:errors.over"],
    ["cancelled, date ahead", "cancelled", later, true, "meetings:errors.cancelled"],
    ["cancelled and over", "cancelled", earlier, false, "meetings:errors.cancelled"],
  ])("%s", (_name, status, endsAt, upcoming, refusal) => {
    const meeting = { status, endsAt };
    expect(isUpcoming(meeting, now)).toBe(upcoming);
    expect(rsvpRefusal(meeting, now)).toBe(refusal);
    expect(acceptsRsvp(meeting, now)).toBe(refusal === null);
  });
});
