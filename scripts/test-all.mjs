#!/usr/bin/env node
// `npm test`: typecheck → lint → unit → integration → e2e, in sequence, stopping at the first failure.
// Prints a summary with timings and ends with one line `N passed, N failed`: the test counts of the
// vitest/Playwright JSON reports, plus one check each for typecheck and lint (a failed step whose
// report shows no failed test still counts as one failure).
//
//   node scripts/test-all.mjs [--skip=e2e,lint] [--only=unit,integration] [--keep-going]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const listArg = (name) =>
  args
    .filter((a) => a.startsWith(`--${name}=`))
    .flatMap((a) => a.slice(name.length + 3).split(","))
    .filter(Boolean);
const skip = new Set(listArg("skip"));
const only = new Set(listArg("only"));
const keepGoing = args.includes("--keep-going");

const reports = fs.mkdtempSync(path.join(os.tmpdir(), "orderdesk-test-all-"));
const vitestJson = (name) => ["--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, `${name}.json`)}`];

const steps = [
  { name: "typecheck", cmd: ["npm", "run", "-s", "typecheck"] },
  { name: "lint", cmd: ["npm", "run", "-s", "lint"] },
  { name: "unit", cmd: ["npm", "run", "-s", "test:unit", "--", ...vitestJson("unit")], report: "vitest" },
  {
    name: "integration",
    cmd: ["npm", "run", "-s", "test:int", "--", ...vitestJson("integration")],
    report: "vitest",
  },
  {
    name: "e2e",
    cmd: ["npm", "run", "-s", "test:e2e"],
    env: { E2E_JSON_REPORT: path.join(reports, "e2e.json") },
    report: "playwright",
  },
];

function run(cmd, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", (error) => {
      console.error(error.message);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** { passed, failed, skipped } from a JSON report, or undefined when there is none. */
function readCounts(step) {
  const file = path.join(reports, `${step.name}.json`);
  if (!step.report || !fs.existsSync(file)) return undefined;
  try {
    const json = JSON.parse(fs.readFileSync(file, "utf8"));
    if (step.report === "vitest") {
      return {
        passed: json.numPassedTests ?? 0,
        failed: json.numFailedTests ?? 0,
        skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
      };
    }
    const s = json.stats ?? {};
    return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
  } catch {
    return undefined;
  }
}

const results = [];
let stopped = false;
const total = Date.now();
for (const step of steps) {
  if (skip.has(step.name) || (only.size > 0 && !only.has(step.name))) {
    results.push({ step, status: "skipped (flag)" });
    continue;
  }
  if (stopped) {
    results.push({ step, status: "not run" });
    continue;
  }
  console.log(`\n━━ ${step.name}: ${step.cmd.join(" ")}`);
  const started = Date.now();
  const code = await run(step.cmd, step.env);
  const seconds = (Date.now() - started) / 1000;
  const counts = readCounts(step);
  let passed = counts ? counts.passed : code === 0 ? 1 : 0;
  let failed = counts ? counts.failed : code === 0 ? 0 : 1;
  if (code !== 0 && failed === 0) failed = 1;
  if (code === 0 && !counts) passed = 1;
  results.push({ step, status: code === 0 ? "ok" : "FAILED", seconds, passed, failed, counts });
  if (code !== 0 && !keepGoing) stopped = true;
}
fs.rmSync(reports, { recursive: true, force: true });

let passed = 0;
let failed = 0;
console.log("\n━━ Summary");
for (const r of results) {
  const mark = r.status === "ok" ? "✓" : r.status === "FAILED" ? "✗" : "–";
  const time = r.seconds === undefined ? "" : `${r.seconds.toFixed(1).padStart(7)} s`;
  let detail = "";
  if (r.counts) {
    detail = `${r.counts.passed} passed, ${r.counts.failed} failed${r.counts.skipped ? `, ${r.counts.skipped} skipped` : ""}`;
  }
  if (r.status !== "ok" && r.status !== "FAILED") detail = r.status;
  console.log(`  ${mark} ${r.step.name.padEnd(12)}${time.padEnd(11)} ${detail}`.trimEnd());
  passed += r.passed ?? 0;
  failed += r.failed ?? 0;
}
console.log(`  total ${((Date.now() - total) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.some((r) => r.status === "FAILED") ? 1 : 0);
