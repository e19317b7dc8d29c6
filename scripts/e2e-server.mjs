#!/usr/bin/env node
// The server Playwright tests against (playwright.config.ts `webServer`): the PRODUCTION build on
// embedded PGlite in a fresh temp DATA_DIR, so every run starts from the same demo data.
//
//   1. `npm run build` (skip with E2E_SKIP_BUILD=1 when .next is current)
//   2. pre-seed the temp DATA_DIR through the app's own boot (migrate + demo seed), so the server only
//      reports ready once sign-in works (skip with E2E_PRESEED=0; the app then seeds on first request)
//   3. `next start -p 3100` (E2E_PORT) with a random AUTH_SECRET and AUTH_TRUST_HOST=true
//
// The temp dir is removed when the server stops (SIGTERM/SIGINT); dirs of crashed runs are swept at start.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.E2E_PORT ?? process.env.PORT ?? "3100";
const TMP_PREFIX = "orderdesk-e2e-";
const log = (message) => console.log(`[e2e-server] ${message}`);

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function sweepStaleDirs() {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(TMP_PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    try {
      const owner = Number(fs.readFileSync(path.join(dir, "owner.pid"), "utf8"));
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) continue;
    } catch {
      // no owner file: half-created, stale
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

sweepStaleDirs();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), TMP_PREFIX));
fs.writeFileSync(path.join(tmp, "owner.pid"), String(process.pid));
const dataDir = path.join(tmp, "data");

let removed = false;
function removeTmp() {
  if (removed) return;
  removed = true;
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.on("exit", removeTmp);

const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_TRUST_HOST: "true" };
// Always the embedded database, whatever the caller's shell has.
delete baseEnv.DATABASE_URL;
delete baseEnv.SEED_DEMO;
delete baseEnv.E2E_JSON_REPORT;

let current; // the running child, for signal forwarding
let stopping = false;

function run(command, args, env, { allowFailure = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    current = child;
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      current = undefined;
      if (stopping) return resolve(1);
      if (code === 0 || allowFailure) return resolve(code ?? 1);
      reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`));
    });
  });
}

function stop(signal) {
  if (stopping) return;
  stopping = true;
  if (current) {
    current.once("exit", () => {
      removeTmp();
      process.exit(0);
    });
    current.kill(signal);
  } else {
    removeTmp();
    process.exit(0);
  }
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

const bin = (name) => path.join(root, "node_modules", ".bin", name);

try {
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const started = Date.now();
    log("building (set E2E_SKIP_BUILD=1 to reuse .next)…");
    // A throwaway DATA_DIR: build workers must never share (or lock) the server's database.
    await run("npm", ["run", "build"], {
      ...baseEnv,
      NODE_ENV: "production",
      DATA_DIR: path.join(tmp, "build-data"),
      AUTH_SECRET: randomBytes(32).toString("hex"),
    });
    fs.rmSync(path.join(tmp, "build-data"), { recursive: true, force: true });
    log(`build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const env = {
    ...baseEnv,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    PORT: port,
  };

  if (process.env.E2E_PRESEED !== "0") {
    const started = Date.now();
    const code = await run(
      bin("tsx"),
      [
        "--conditions=react-server",
        "--eval",
        `import("./src/server/app-db.ts").then(async (m) => { const h = await m.getAppDbHandle(); await h.close(); })`,
      ],
      env,
      { allowFailure: true },
    );
    if (stopping) process.exit(0);
    if (code === 0) {
      log(`database migrated and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else {
      log("pre-seeding failed; starting on an empty DATA_DIR (the app seeds on first request)");
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }

  log(`next start on http://127.0.0.1:${port} (DATA_DIR ${dataDir})`);
  const code = await run(bin("next"), ["start", "-p", port, "-H", "127.0.0.1"], env, { allowFailure: true });
  removeTmp();
  process.exit(stopping ? 0 : code);
} catch (error) {
  console.error(`[e2e-server] ${error instanceof Error ? error.message : String(error)}`);
  removeTmp();
  process.exit(1);
}
