#!/usr/bin/env node
// Playwright cannot download its browsers here; the e2e tests use Debian's chromium (playwright.config.ts).
// Installs it when missing and we are root; otherwise says what to install.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function isInstalled() {
  try {
    fs.accessSync(chromium, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

if (isInstalled()) process.exit(0);

if (process.getuid?.() === 0 && chromium === "/usr/bin/chromium") {
  console.log("[ensure-chromium] /usr/bin/chromium missing: apt-get install -y chromium");
  const result = spawnSync("sh", ["-c", "apt-get update && apt-get install -y chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status === 0 && isInstalled()) process.exit(0);
  console.error("[ensure-chromium] apt-get install -y chromium failed");
  process.exit(1);
}

console.error(
  `[ensure-chromium] ${chromium} not found: install Debian's chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
);
process.exit(1);
