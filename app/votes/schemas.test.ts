import { openVoteSchema } from "./schemas";

const base = {
  kind: "yesNo",
  opens: "now",
  closeDate: "2027-03-20",
  closeTime: "18:00",
  quorumPercent: 50,
  approvalRule: "simple",
};

describe("secret or public ballot is a deliberate choice", () => {
  it("is refused beside the field when neither is chosen", () => {
    const r = openVoteSchema.safeParse(base);
    expect(r.success).toBe(false);
    expect(r.error?.flatten().fieldErrors.secret).toEqual(["votes:errors.chooseSecrecy"]);
    expect(
      openVoteSchema.safeParse({ ...base, secret: "maybe" }).error?.flatten().fieldErrors.secret,
    ).toEqual(["votes:errors.chooseSecrecy"]);
  });

  it.each([
    ["secret", true],
    ["public", false],
  ])("%s", (choice, secret) => {
    expect(openVoteSchema.parse({ ...base, secret: choice }).secret).toBe(secret);
  });
});
