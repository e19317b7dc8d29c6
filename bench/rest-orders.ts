/**
 * What the scripts that place orders through the REST door of the production build share
 * (bench/place-orders.ts, bench/torture.ts): the build check, master data made through the use cases
 * (warehouses, customers, products with stock, an API key), `next start` on a port, and a random order body.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createProduct } from "~/server/catalog/create-product";
import { createCustomer } from "~/server/customers/create-customer";
import type { Db } from "~/server/db";
import { adjustStock } from "~/server/inventory/adjust-stock";
import { createWarehouse } from "~/server/inventory/warehouses";
import { createApiKey } from "~/server/integration/api-keys";
import { SYSTEM_ACTOR } from "~/server/auth/actor";
import { actors } from "~/test/fixtures";

export const ROOT = path.resolve(import.meta.dirname, "..");

export const WAREHOUSES = [
  { code: "EAST", region: "NJ", priority: 10 },
  { code: "CENTRAL", region: "IL", priority: 20 },
  { code: "WEST", region: "CA", priority: 30 },
];

/** Exits with a clear message when there is no production build to start. */
export function requireProductionBuild(script: string) {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.error(`${script} runs the production build: run \`npm run build\` first.`);
    process.exit(1);
  }
}

/**
 * Warehouses EAST, CENTRAL and WEST, `customers` wholesale customers (`BENCH-01`…, credit without limit),
 * `skus` products (`BEN-0001`…) with `stockOf(index)` units in every warehouse, and a manager API key.
 */
export async function createOrderMasterData(
  db: Db,
  options: { customers: number; skus: number; stockOf?: (skuIndex: number) => number; keyName?: string },
): Promise<{ customerCodes: string[]; skus: string[]; key: string }> {
  const address = (region: string) => ({ line1: "1 Dock Rd", city: "Springfield", region, postalCode: "07102", country: "US" });
  for (const w of WAREHOUSES) {
    await createWarehouse({ db, actor: actors.admin, input: { code: w.code, name: `${w.code} DC`, address: address(w.region), priority: w.priority } });
  }
  const customerCodes = Array.from({ length: options.customers }, (_, i) => `BENCH-${String(i + 1).padStart(2, "0")}`);
  for (const [i, code] of customerCodes.entries()) {
    const region = WAREHOUSES[i % WAREHOUSES.length]!.region;
    await createCustomer({
      db,
      actor: actors.admin,
      input: { code, name: `Bench customer ${i + 1}`, segment: "wholesale", demandClass: "B", currency: "USD", creditLimit: 10_000_000_000, paymentTermsDays: 30, taxExempt: false, billingAddress: address(region) },
    });
  }
  const skus = Array.from({ length: options.skus }, (_, i) => `BEN-${String(i + 1).padStart(4, "0")}`);
  for (const [i, sku] of skus.entries()) {
    await createProduct({
      db,
      actor: actors.admin,
      input: { sku, name: `Bench part ${i + 1}`, category: "Bench", unit: "each", currency: "USD", listPrice: 500 + i, cost: 250, weightGrams: 100, taxCategory: "standard", leadTimeDays: 14 },
    });
    const quantity = options.stockOf?.(i) ?? 1_000_000;
    if (quantity <= 0) continue;
    for (const w of WAREHOUSES) {
      await adjustStock({ db, actor: actors.admin, input: { sku, warehouse: w.code, quantity, reason: "initial_stock" } });
    }
  }
  const { key } = await createApiKey({ db, actor: SYSTEM_ACTOR, input: { name: options.keyName ?? "bench", role: "manager" } });
  return { customerCodes, skus, key };
}

/**
 * `next start` of the production build on 127.0.0.1:`port` against `databaseUrl`, in its own process group
 * (stop it with stopProcessGroup).
 */
export function startProductionServer(options: { port: number; databaseUrl: string; nodeArgs?: string[]; stdio?: StdioOptions }): ChildProcess {
  const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  return spawn(process.execPath, [...(options.nodeArgs ?? []), nextBin, "start", "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      AUTH_TRUST_HOST: "true",
      PORT: String(options.port),
      NEXT_TELEMETRY_DISABLED: "1",
      // The scripts measure the server, not one key's allowance (rate-limit.ts).
      API_RATE_LIMIT: "0",
    },
    stdio: options.stdio ?? ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

/** SIGTERM to a detached child's whole process group; nothing when it is gone already. */
export function stopProcessGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** Waits until `target` answers below 500 (or `status` exactly, when given). */
export async function waitForServer(target: string, options: { timeoutMs?: number; status?: number } = {}) {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(target, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (options.status === undefined ? response.status < 500 : response.status === options.status) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${target} did not come up within ${Math.round(timeoutMs / 1000)} s`);
}

/** A TCP port nobody listens on right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A deterministic pseudo-random source in [0, 1) (the same run places the same orders). */
export function seededRandom(seed = 42) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** The JSON body of `POST /orders`: `lines` distinct SKUs of 1–5 units each for `customer`. */
export function orderBody(random: () => number, options: { customer: string; skus: string[]; lines: number; customerReference: string }): string {
  const picked = new Set<string>();
  while (picked.size < Math.min(options.lines, options.skus.length)) picked.add(options.skus[Math.floor(random() * options.skus.length)]!);
  return JSON.stringify({
    customer: options.customer,
    channel: "api",
    customerReference: options.customerReference,
    lines: [...picked].map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 5) })),
  });
}
