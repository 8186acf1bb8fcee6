import { Prisma } from "@prisma/client";
import { retryOnUniqueViolation } from "~/row-lock.server";

const raced = () =>
  new Prisma.PrismaClientKnownRequestError("Unique constraint failed", {
    code: "P2002",
    clientVersion: Prisma.prismaVersion.client,
  });

describe("a transaction that lost an insert race", () => {
  it("runs once more, as a new transaction, and gives that answer", async () => {
    let runs = 0;
    const answer = await retryOnUniqueViolation(async () => {
      runs += 1;
      if (runs === 1) throw raced();
      return "replaced";
    });
    expect([runs, answer]).toEqual([2, "replaced"]);
  });

  it("retries only once, and never another kind of failure", async () => {
    let runs = 0;
    await expect(
      retryOnUniqueViolation(async () => {
        runs += 1;
        throw raced();
      }),
    ).rejects.toMatchObject({ code: "P2002" });
    expect(runs).toBe(2);
    runs = 0;
    await expect(
      retryOnUniqueViolation(async () => {
        runs += 1;
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(runs).toBe(1);
  });
});
