import {
  courseRefusesSessions,
  dateOutsideCourse,
  sessionCancelRefusal,
  sessionEditRefusal,
} from "./session-rules";

const course = { status: "published", startDate: "2027-03-01", endDate: "2027-03-31" };

describe("session rules (table)", () => {
  it.each([
    ["2027-02-28", "training:errors.outsideCourse|start=2027-03-01|end=2027-03-31"],
    ["2027-03-01", null],
    ["2027-03-15", null],
    ["2027-03-31", null],
    ["2027-04-01", "training:errors.outsideCourse|start=2027-03-01|end=2027-03-31"],
  ])("a session on %s", (date, refusal) => {
    expect(dateOutsideCourse(date, course)).toBe(refusal);
  });

  it.each([
    ["draft", null],
    ["published", null],
    ["closed", "training:errors.courseClosed"],
  ])("a %s course takes sessions: %s", (status, refusal) => {
    expect(courseRefusesSessions({ status })).toBe(refusal);
  });

  it.each([
    ["scheduled", null, null],
    ["held", "training:errors.held", "training:errors.heldNotCancelled"],
    ["cancelled", "training:errors.cancelled", "training:errors.cancelled"],
  ])("a %s session: edit %s, cancel %s", (status, edit, cancel) => {
    expect(sessionEditRefusal(status)).toBe(edit);
    expect(sessionCancelRefusal(status)).toBe(cancel);
  });
});
