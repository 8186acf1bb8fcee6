import { readFileSync } from "node:fs";
import {
  REFUSAL_NOTICES,
  type CourseForEnrolment,
  type EnrolledBy,
  type EnrolmentRefusal,
  type EnrolmentStatus,
  endRefusal,
  enrolmentRefusal,
  placesLeft,
  reEnrolmentRefusal,
  refusalMessage,
  refusalOf,
} from "./enrolment-rules";

const TODAY = "2026-11-22";
const open: CourseForEnrolment = {
  status: "published",
  enrolmentOpen: true,
  endDate: "2026-12-20",
  capacity: 10,
};

describe("enrolmentRefusal", () => {
  const cases: [
    string,
    Partial<CourseForEnrolment>,
    EnrolledBy,
    number,
    EnrolmentRefusal | null,
  ][] = [
    ["open with places", {}, "self", 9, null],
    ["last place taken", {}, "self", 10, "full"],
    ["over capacity already (walk-ins)", {}, "self", 12, "full"],
    ["managers respect capacity too", {}, "manager", 10, "full"],
    ["no limit", { capacity: null }, "self", 500, null],
    ["enrolment closed", { enrolmentOpen: false }, "self", 0, "enrolmentClosed"],
    ["enrolment closed, a manager enrols", { enrolmentOpen: false }, "manager", 0, null],
    ["draft", { status: "draft" }, "self", 0, "notPublished"],
    ["draft, a manager enrols", { status: "draft" }, "manager", 0, null],
    ["closed course", { status: "closed" }, "self", 0, "courseClosed"],
    ["closed course, a manager", { status: "closed" }, "manager", 0, "courseClosed"],
    ["unknown status", { status: "archived" }, "manager", 0, "notPublished"],
    ["ended yesterday", { endDate: "2026-11-21" }, "self", 0, "courseEnded"],
    ["ended, a manager", { endDate: "2026-11-21" }, "manager", 0, "courseEnded"],
    ["ends today", { endDate: TODAY }, "self", 0, null],
    ["full and closed: closed first", { status: "closed" }, "self", 10, "courseClosed"],
  ];
  it.each(cases)("%s", (_, overrides, by, count, expected) => {
    expect(enrolmentRefusal({ ...open, ...overrides }, by, TODAY, count)).toBe(expected);
  });
});

describe("reEnrolmentRefusal", () => {
  const cases: [EnrolmentStatus | null, EnrolledBy, EnrolmentRefusal | null][] = [
    [null, "self", null],
    [null, "manager", null],
    ["enrolled", "self", "alreadyEnrolled"],
    ["enrolled", "manager", "alreadyEnrolled"],
    ["left", "self", null],
    ["left", "manager", null],
    ["withdrawn", "self", "withdrawnByManager"],
    ["withdrawn", "manager", null],
  ];
  it.each(cases)("%s by %s", (current, by, expected) => {
    expect(reEnrolmentRefusal(current, by)).toBe(expected);
  });
});

describe("endRefusal", () => {
  const cases: [string, EnrolmentStatus | null, EnrolmentRefusal | null][] = [
    ["published", "enrolled", null],
    ["draft", "enrolled", null],
    ["published", "left", "notEnrolled"],
    ["published", "withdrawn", "notEnrolled"],
    ["published", null, "notEnrolled"],
    ["closed", "enrolled", "courseClosed"],
  ];
  it.each(cases)("course %s, enrolment %s", (status, current, expected) => {
    expect(endRefusal({ status }, current)).toBe(expected);
  });
});

describe("placesLeft", () => {
  it.each([
    [10, 0, 10],
    [10, 9, 1],
    [10, 10, 0],
    [10, 14, 0],
    [null, 99, null],
  ] as const)("capacity %s, %s enrolled → %s", (capacity, count, expected) => {
    expect(placesLeft(capacity, count)).toBe(expected);
  });
});

describe("refusal messages", () => {
  const file = (lng: string, ns: string) =>
    JSON.parse(readFileSync(`locales/${lng}/${ns}.json`, "utf8")) as Record<
      string,
      Record<string, string>
    >;
  it.each(["es", "en"])("every refusal has a message and a course-page notice in %s", (lng) => {
    const notices = file(lng, "common").notices;
    const errors = file(lng, "enrolment").errors;
    for (const [refusal, notice] of Object.entries(REFUSAL_NOTICES)) {
      expect(notices[notice], notice).toBeTruthy();
      expect(errors[refusal], refusal).toBeTruthy();
    }
  });

  it("reads a refusal back from its message key, and nothing else", () => {
    expect(refusalOf(refusalMessage("full"))).toBe("full");
    expect(refusalOf("enrolment:errors.toString")).toBeNull();
    expect(refusalOf("validation.required")).toBeNull();
    expect(refusalOf(undefined)).toBeNull();
  });
});
