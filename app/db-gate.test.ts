import { accessFor, Gate } from "~/db-gate.server";

/** A piece of work that records when it starts and ends, and ends when told to. */
function work(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: async () => {
      log.push(`${name}+`);
      await done;
      log.push(`${name}-`);
      return name;
    },
    finish,
  };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("the SQLite connection's gate", () => {
  it("lets reads run together", async () => {
    const gate = new Gate();
    const log: string[] = [];
    const [a, b] = [work(log, "a"), work(log, "b")];
    const runs = [gate.run("read", a.run), gate.run("read", b.run)];
    await tick();
    expect(log).toEqual(["a+", "b+"]);
    expect(gate.state.readers).toBe(2);
    a.finish();
    b.finish();
    expect(await Promise.all(runs)).toEqual(["a", "b"]);
    expect(gate.state).toEqual({ readers: 0, exclusive: false, waiting: 0 });
  });

  it("gives a write the connection alone: after the reads before it, before the reads after it", async () => {
    const gate = new Gate();
    const log: string[] = [];
    const [r1, w, r2] = [work(log, "r1"), work(log, "w"), work(log, "r2")];
    const runs = [gate.run("read", r1.run), gate.run("exclusive", w.run), gate.run("read", r2.run)];
    await tick();
    expect(log).toEqual(["r1+"]);
    r1.finish();
    await tick();
    expect(log).toEqual(["r1+", "r1-", "w+"]);
    w.finish();
    r2.finish();
    await Promise.all(runs);
    expect(log).toEqual(["r1+", "r1-", "w+", "w-", "r2+", "r2-"]);
  });

  it("runs two writes one after the other, and lets the reads queued behind them go together", async () => {
    const gate = new Gate();
    const log: string[] = [];
    const [w1, w2, r1, r2] = ["w1", "w2", "r1", "r2"].map((n) => work(log, n));
    const runs = [
      gate.run("exclusive", w1.run),
      gate.run("exclusive", w2.run),
      gate.run("read", r1.run),
      gate.run("read", r2.run),
    ];
    await tick();
    expect(log).toEqual(["w1+"]);
    w1.finish();
    await tick();
    expect(log).toEqual(["w1+", "w1-", "w2+"]);
    w2.finish();
    await tick();
    expect(log).toEqual(["w1+", "w1-", "w2+", "w2-", "r1+", "r2+"]);
    r1.finish();
    r2.finish();
    await Promise.all(runs);
  });

  it("frees the connection when a piece of work fails", async () => {
    const gate = new Gate();
    await expect(
      gate.run("exclusive", async () => {
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await gate.run("read", async () => "after")).toBe("after");
    expect(gate.state).toEqual({ readers: 0, exclusive: false, waiting: 0 });
  });
});

describe("which queries may share the connection", () => {
  const sql = (text: string) => ({ strings: [text], values: [] });
  it.each([
    ["findMany", {}, "read"],
    ["count", {}, "read"],
    ["groupBy", {}, "read"],
    ["create", {}, "exclusive"],
    ["upsert", {}, "exclusive"],
    ["updateMany", {}, "exclusive"],
    ["$queryRaw", sql('SELECT "groupId", COUNT(*) FROM "Thread"'), "read"],
    ["$queryRaw", sql("  select 1"), "read"],
    ["$queryRaw", sql('DELETE FROM "Thread" RETURNING "id"'), "exclusive"],
    ["$queryRaw", sql("SELECT 1; DELETE FROM x"), "exclusive"],
    ["$queryRawUnsafe", ["SELECT 1"], "exclusive"],
    ["$executeRaw", sql("SELECT 1"), "exclusive"],
  ] as const)("%s %j → %s", (operation, args, access) => {
    expect(accessFor(operation, args)).toBe(access);
  });
});
