import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

/**
 * An explicit CHROMIUM_PATH, else Debian's headless shell, else Debian's Chromium, else
 * Playwright's own download. The headless shell (`chromium-headless-shell`, the browser
 * Playwright itself uses for headless runs) ran the browser tests in about half the time of
 * the full Chromium, whose "new" headless mode draws like a desktop browser.
 */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const path of ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"])
    if (existsSync(path)) return path;
  return undefined;
}

export default defineConfig({
  testDir: "e2e",
  // The two-instance test starts servers of its own and loads the machine: it runs alone,
  // after the rest (`npm run test:instances`), so no other browser test competes with it.
  testIgnore: process.env.E2E_TWO_INSTANCES ? [] : ["**/two-instances.spec.ts"],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "es-EC",
    // Recording a trace costs every test ~10 %; on CI nobody opens it.
    trace: process.env.CI ? "off" : "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      // Keep Chromium from reaching for the internet, which is closed here.
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
      ],
    },
  },
  // The production build against a fresh database with the demo content.
  webServer: {
    command: "sh e2e/start-server.sh",
    url: `http://localhost:${PORT}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      NODE_ENV: "production",
      DATABASE_URL: "file:./.tmp/e2e.db",
      UPLOADS_DIR: "./.tmp/e2e-uploads",
    },
  },
});
