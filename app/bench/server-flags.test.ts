import { readFileSync } from "node:fs";
import { SERVER_NODE_FLAGS, nodeFlagsOf } from "./server";

// The production server runs with a capped heap (decision 029) wherever it is started: by
// `npm start`, by `npm run demo`, by the browser tests' server, and by the benchmark.
describe("the server's Node flags", () => {
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
    scripts: Record<string, string>;
  };

  it("cap the heap in npm start", () => {
    expect(SERVER_NODE_FLAGS).toEqual(["--max-old-space-size=160", "--max-semi-space-size=8"]);
  });

  it("are the same for the demo and the browser tests' server", () => {
    expect(nodeFlagsOf(pkg.scripts.demo)).toEqual(SERVER_NODE_FLAGS);
    expect(nodeFlagsOf(readFileSync("e2e/start-server.sh", "utf8"))).toEqual(SERVER_NODE_FLAGS);
  });

  it("are read from a command line", () => {
    expect(nodeFlagsOf("prisma migrate deploy && node ./build/index.js")).toEqual([]);
    expect(nodeFlagsOf("node --a=1 --b build/index.js")).toEqual(["--a=1", "--b"]);
    expect(() => nodeFlagsOf("remix-serve build")).toThrow();
  });
});
