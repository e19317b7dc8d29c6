import { defineConfig, devices, type ReporterDescription } from "@playwright/test";

/**
 * E2E journeys against the PRODUCTION build (scripts/e2e-server.mjs: next build + next start on :3100,
 * embedded PGlite in a fresh temp DATA_DIR, demo data seeded before the server reports ready).
 * The `setup` project signs in once per role and saves e2e/.auth/<role>.json; specs pick a role with
 * `test.use({ storageState: "e2e/.auth/rep.json" })`.
 */
const isCI = !!process.env.CI;
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const skipBuild = process.env.E2E_SKIP_BUILD === "1";

// Playwright cannot download browsers here: use the Debian package (scripts/ensure-chromium.mjs).
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const reporter: ReporterDescription[] = isCI ? [["list"], ["html", { open: "never" }]] : [["list"]];
// scripts/test-all.mjs reads the counts from here.
if (process.env.E2E_JSON_REPORT) reporter.push(["json", { outputFile: process.env.E2E_JSON_REPORT }]);

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter,
  use: {
    baseURL,
    viewport: { width: 1440, height: 900 },
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    {
      name: "setup",
      testMatch: /.*\.setup\.ts/,
    },
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1440, height: 900 },
        launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
      },
      dependencies: ["setup"],
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/login`,
    reuseExistingServer: !isCI,
    // Build (2 cores) + first start with demo seeding.
    timeout: skipBuild ? 600_000 : 900_000,
    stdout: "pipe",
    stderr: "pipe",
    // Lets the script stop `next start` and remove its temp DATA_DIR.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { E2E_PORT: String(port) },
  },
});
