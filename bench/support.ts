/**
 * What the benchmarks share: a fresh PostgreSQL database per run (dropped at the end) beside a pgbench
 * database, and pgbench tpcb-like measured on the same server in the same run, so every result can be
 * read as a ratio to what this machine's PostgreSQL does.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { createProduct } from "~/server/catalog/create-product";
import type { Db } from "~/server/db";
import { connectPostgres, socketOptions } from "~/server/db/client";
import { migrate } from "~/server/db/migrate";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { createWarehouse } from "~/server/inventory/warehouses";
import { actors } from "~/test/fixtures";

export const log = (message: string) => console.error(`[bench] ${message}`);

/** Drops and creates `url`'s database and its pgbench sibling, and migrates the first. */
export async function freshDatabases(url: URL) {
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = postgres(socketOptions(adminUrl.toString()).url, { max: 1, onnotice: () => {}, path: socketOptions(adminUrl.toString()).path });
  const dbName = url.pathname.slice(1);
  const pgbenchUrl = new URL(url);
  pgbenchUrl.pathname = `/${dbName}_pgbench`;
  const names = [dbName, `${dbName}_pgbench`];
  for (const name of names) {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  }
  const migrator = connectPostgres(url.toString(), 1);
  await migrate(migrator);
  await migrator.close();
  return {
    pgbenchUrl,
    /** Drops both databases: the numbers of the next run must not depend on this one. */
    async dropAll() {
      for (const name of names) await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** pgbench tpcb-like (scale 10) on `url`'s database with `clients` clients for `seconds`: transactions per second. */
export function pgbenchTps(url: URL, clients: number, seconds: number): number {
  execFileSync("pgbench", ["-i", "-q", "-s", "10", url.toString()], { stdio: ["ignore", "ignore", "ignore"] });
  const out = execFileSync("pgbench", ["-c", String(clients), "-j", String(Math.min(clients, os.cpus().length)), "-T", String(seconds), url.toString()], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN);
}

/** The machine the numbers come from. */
export const machine = () => ({ cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) });

/** The arguments of a use-case benchmark: its database (fresh each run), how many orders, how many clerks. */
export function caseBenchArgs(database: string) {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: `postgres://postgres@127.0.0.1:5432/${database}` },
      orders: { type: "string", default: "10000" },
      workers: { type: "string", default: "8" },
    },
  });
  return { url: new URL(values.url!), orderCount: Number(values.orders), workers: Number(values.workers) };
}

/** Runs `work` over the items with `workers` at once, like clerks taking the next job from one queue. */
export async function inParallel<T>(items: T[], workers: number, work: (item: T) => Promise<unknown>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** The p-th percentile (0–1) of `list`, to a tenth. */
export function percentile(list: number[], p: number): number {
  const sorted = [...list].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN) * 10) / 10;
}

/** Warehouse EAST with `count` plain SKUs (`<prefix>-001`…) of a million units each, through the use cases. */
export async function stockedWarehouse(db: Db, options: { prefix: string; listPrice: number; count?: number }): Promise<string[]> {
  await createWarehouse({ db, actor: actors.admin, input: { code: "EAST", name: "East DC", address: BENCH_ADDRESS, priority: 10 } });
  const skus = Array.from({ length: options.count ?? 100 }, (_, i) => `${options.prefix}-${String(i + 1).padStart(3, "0")}`);
  for (const sku of skus) {
    await createProduct({
      db,
      actor: actors.admin,
      input: { sku, name: sku, category: "Bench", unit: "each", currency: "USD", listPrice: options.listPrice, cost: 500, weightGrams: 100, taxCategory: "standard", leadTimeDays: 14 },
    });
    await adjustStock({ db, actor: actors.admin, input: { sku, warehouse: "EAST", quantity: 1_000_000, reason: "initial_stock" } });
  }
  return skus;
}

export const BENCH_ADDRESS = { line1: "1 Dock Rd", city: "Newark", region: "NJ", postalCode: "07102", country: "US" };

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/** CPU seconds (user + system) a process has used so far, with its children's when asked. */
export function cpuSecondsOf(pid: number, withChildren = true): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    let total = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    if (!withChildren) return total;
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    for (const child of children ? children.split(" ") : []) total += cpuSecondsOf(Number(child));
    return total;
  } catch {
    return 0; // the process ended
  }
}

/** CPU seconds every PostgreSQL process on this machine has used so far. */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") total += cpuSecondsOf(Number(entry), false);
    } catch {
      // gone
    }
  }
  return total;
}
