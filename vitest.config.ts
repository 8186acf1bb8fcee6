import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// Integration tests run against real databases: one migrated template, copied afresh for every
// test file (app/test/setup-database.ts) — SQLite files, or with TEST_DATABASE=postgresql
// databases of a PostgreSQL server (npm run test:postgresql).
const postgresql = process.env.TEST_DATABASE === "postgresql";

// What only SQLite has: its migrations' data tests, its file backup, the benchmark's copy.
const sqliteOnly = [
  "app/attendance/migration.test.ts",
  "app/discussions/migration.test.ts",
  "app/ops/backup.test.ts",
  "app/bench/bench-pages.test.ts",
];

// The role × action matrices (`*.permissions.test.ts`) check who may do what, mostly through
// queries the other tests run too; on PostgreSQL they took half the pass (264 of 530 s of test
// time on a busy machine), so to keep CI short they run on SQLite only. app/platforms/permission-matrix.test.ts (every
// route and intent) runs on both.
const samePermissionsOnBoth = ["app/**/*.permissions.test.ts"];

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    globals: true,
    include: ["app/**/*.test.ts"],
    exclude: [
      ...configDefaults.exclude,
      ...(postgresql ? [...sqliteOnly, ...samePermissionsOnBoth] : []),
    ],
    globalSetup: ["./app/test/global-setup.ts"],
    setupFiles: ["./app/test/setup-database.ts"],
    pool: "forks",
    // The integration tests wait on their databases as much as they compute: four forks on
    // two cores ran the SQLite pass in 147 s instead of ~230 s, PostgreSQL's in 132 s
    // instead of 195 s (every test file has its own database, so they do not meet).
    maxWorkers: 4,
    minWorkers: 1,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
