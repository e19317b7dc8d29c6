import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Two projects, following the test layers (docs/architecture.md, Testing layers):
 * - `unit`: pure logic, `*.test.ts(x)` beside the code, no database, fully parallel.
 * - `integration`: use cases against a real database, `*.int.test.ts`. The global setup migrates one
 *   template database; every test file gets its own copy through `createTestDb()` (src/test/db.ts).
 *   PostgreSQL when TEST_DATABASE_URL is set, otherwise an in-memory PGlite clone.
 */
const src = fileURLToPath(new URL("./src", import.meta.url));

export default defineConfig({
  resolve: { alias: { "~": src } },
  test: {
    // Global (non-project) options.
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["src/**/*.test.{ts,tsx}"],
          exclude: ["src/**/*.int.test.{ts,tsx}", "**/node_modules/**"],
          server: { deps: { inline: ["next-auth"] } },
          // PDF rendering and property tests take seconds on a busy 2-core machine: a limit, not a speed check.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["src/**/*.int.test.{ts,tsx}"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["./src/test/global-setup.ts"],
          // Tests call the doors far faster than anyone may; request limits are tested with their own limiter.
          env: { API_RATE_LIMIT: "0" },
          server: { deps: { inline: ["next-auth"] } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each worker holds a database clone (PGlite: ~100 MB of WASM memory); two fit 2 cores well.
          pool: "forks",
          maxWorkers: 2,
        },
      },
    ],
  },
});
