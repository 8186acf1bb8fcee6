import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests run against real SQLite files: one migrated template, copied
// afresh for every test file (app/test/setup-database.ts).
export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    globals: true,
    include: ["app/**/*.test.ts"],
    globalSetup: ["./app/test/global-setup.ts"],
    setupFiles: ["./app/test/setup-database.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
