/**
 * CSV import benchmark (issue 16): order lines imported per second through the production build on PostgreSQL,
 * as an integrator would (upload, start, poll), with the server's peak memory, a raw COPY of the same file and
 * pgbench in the same run, and a second import killed mid-way and resumed. Prints JSON.
 *
 *   npm run build && npx tsx bench/import.ts [--lines 100000] [--lines-per-order 20] [--skus 500]
 *                                            [--resume-lines 10000] [--url postgres://…/orderdesk_bench_import]
 *
 * A fresh database with 32 customers and `skus` products stocked in 3 warehouses (through the use cases) and a
 * manager API key; an orders CSV of `lines` lines in orders of `lines-per-order` (distinct SKUs, unique customer
 * references). Then: COPY of the file into a scratch table (the floor: what PostgreSQL takes to read the file);
 * `next start` on the database; POST /api/v1/imports (the file streamed), POST /imports/{id}/start, GET
 * /imports/{id} every 250 ms until completed, the server's resident memory sampled meanwhile from /proc. Then a
 * second file: started, the server SIGKILLed once a third is imported, started again, and polled until the
 * job worker's sweep has resumed and completed it; the books are checked (one order per reference, every row
 * imported, none twice). pgbench tpcb-like last, on the same server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Readable } from "node:stream";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { connectPostgres, socketOptions } from "~/server/db/client";
import { executeRows } from "~/server/db/execute";
import { createOrderMasterData, freePort, requireProductionBuild, seededRandom, startProductionServer, stopProcessGroup, waitForServer } from "./rest-orders";
import { cpuSecondsOf, freshDatabases, log, machine, pgbenchTps, postgresCpuSeconds } from "./support";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/orderdesk_bench_import" },
    lines: { type: "string", default: "100000" },
    "lines-per-order": { type: "string", default: "20" },
    skus: { type: "string", default: "500" },
    "resume-lines": { type: "string", default: "10000" },
    "pgbench-seconds": { type: "string", default: "15" },
  },
});
const url = new URL(values.url!);
const LINES = Number(values.lines);
const PER_ORDER = Number(values["lines-per-order"]);
const RESUME_LINES = Number(values["resume-lines"]);

requireProductionBuild("bench/import.ts");

log("migrating and creating customers, products, stock and an API key through the use cases…");
const databases = await freshDatabases(url);
const handle = connectPostgres(url.toString(), 2);
const { customerCodes, skus, key } = await createOrderMasterData(handle.db, { customers: 32, skus: Number(values.skus) });
await handle.db.execute(sql`analyze`);

/** An orders CSV of `lines` lines: orders of PER_ORDER distinct SKUs, references `<prefix>-<n>`. */
function writeOrdersFile(file: string, lines: number, prefix: string, seed: number) {
  const random = seededRandom(seed);
  const out = fs.createWriteStream(file);
  out.write("customer,customer_reference,sku,quantity,requested_date,notes\n");
  let written = 0;
  for (let order = 1; written < lines; order++) {
    const customer = customerCodes[order % customerCodes.length]!;
    const picked = new Set<string>();
    while (picked.size < Math.min(PER_ORDER, lines - written)) picked.add(skus[Math.floor(random() * skus.length)]!);
    for (const sku of picked) out.write(`${customer},${prefix}-${order},${sku},${1 + Math.floor(random() * 9)},,"Imported, line of ${prefix}-${order}"\n`);
    written += picked.size;
  }
  out.end();
  return new Promise<{ orders: number; bytes: number }>((resolve) => out.on("finish", () => resolve({ orders: Math.ceil(lines / PER_ORDER), bytes: fs.statSync(file).size })));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "orderdesk-import-bench-"));
const mainFile = path.join(dir, "orders.csv");
const resumeFile = path.join(dir, "orders-resume.csv");
const mainShape = await writeOrdersFile(mainFile, LINES, "BENCH-PO", 11);
await writeOrdersFile(resumeFile, RESUME_LINES, "RESUME-PO", 12);

// The floor: PostgreSQL reading the same file into a table of text columns.
log("COPY of the same file…");
const socket = socketOptions(url.toString());
const raw = postgres(socket.url, { max: 1, onnotice: () => {}, ...(socket.path ? { path: socket.path } : {}) });
await raw.unsafe("create table bench_copy (customer text, customer_reference text, sku text, quantity text, requested_date text, notes text)");
let started = performance.now();
const copy = await raw.unsafe("copy bench_copy from stdin with (format csv, header true)").writable();
await new Promise<void>((resolve, reject) => fs.createReadStream(mainFile).pipe(copy).on("finish", resolve).on("error", reject));
const copySeconds = (performance.now() - started) / 1000;
const [{ count: copied }] = (await raw.unsafe("select count(*)::int as count from bench_copy")) as unknown as [{ count: number }];
await raw.unsafe("drop table bench_copy");
await raw.end();

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const headers = { authorization: `Bearer ${key}` };

const serverLog = fs.openSync(path.join(os.tmpdir(), "orderdesk-import-bench-server.log"), "w");
async function startServer() {
  const nodeArgs = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const server = startProductionServer({ port, databaseUrl: url.toString(), stdio: ["ignore", serverLog, serverLog], nodeArgs });
  await waitForServer(`${base}/api/health`);
  return server;
}

/** Resident memory of the server's process group (kB in /proc → MB). */
function serverRssMb(pgid: number): number {
  let kb = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== pgid) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return Math.round(kb / 1024);
}

type Import = { id: string; status: string; totalRows: number; invalidRows: number; validRows: number; groupCount: number; importedRows: number; skippedRows: number; failedRows: number; error: string | null };

async function api<T>(method: string, route: string, body?: BodyInit, extra: Record<string, string> = {}): Promise<T> {
  const response = await fetch(`${base}/api/v1${route}`, { method, headers: { ...headers, ...extra }, body, duplex: "half" } as RequestInit);
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

const upload = (file: string) => api<Import>("POST", `/imports?kind=orders&name=${path.basename(file)}`, Readable.toWeb(fs.createReadStream(file)) as ReadableStream, { "content-type": "text/csv" });

/** Polls until the import is completed (or `until` says stop), sampling the server's memory. */
async function pollImport(id: string, pgid: number, until?: (current: Import) => boolean) {
  let peakRssMb = 0;
  for (;;) {
    peakRssMb = Math.max(peakRssMb, serverRssMb(pgid));
    const current = await api<Import>("GET", `/imports/${id}`);
    if (current.status === "completed" || current.status === "failed" || until?.(current)) return { current, peakRssMb };
    await new Promise((r) => setTimeout(r, 250));
  }
}

log(`starting the production server; importing ${LINES.toLocaleString("en-US")} lines (${mainShape.orders} orders, ${(mainShape.bytes / 1e6).toFixed(1)} MB)…`);
let server = await startServer();
const idleRssMb = serverRssMb(server.pid!);
started = performance.now();
const staged = await upload(mainFile);
const checkSeconds = (performance.now() - started) / 1000;
const checkRssMb = serverRssMb(server.pid!);
const runStarted = performance.now();
const cpuBefore = { server: cpuSecondsOf(server.pid!), postgres: postgresCpuSeconds() };
await api<Import>("POST", `/imports/${staged.id}/start`);
const { current: done, peakRssMb } = await pollImport(staged.id, server.pid!);
const runSeconds = (performance.now() - runStarted) / 1000;
const cpuDuringRun = { server: (cpuSecondsOf(server.pid!) - cpuBefore.server) * 1000, postgres: (postgresCpuSeconds() - cpuBefore.postgres) * 1000 };
const totalSeconds = checkSeconds + runSeconds;
log(`imported ${done.importedRows} lines in ${totalSeconds.toFixed(1)} s (check ${checkSeconds.toFixed(1)} s, run ${runSeconds.toFixed(1)} s)`);

let resume: Record<string, unknown> | null = null;
if (RESUME_LINES > 0) {
  log(`killing the server mid-way through a second import of ${RESUME_LINES.toLocaleString("en-US")} lines…`);
  const second = await upload(resumeFile);
  await api<Import>("POST", `/imports/${second.id}/start`);
  const { current: atKill } = await pollImport(second.id, server.pid!, (c) => c.importedRows >= second.validRows / 3);
  stopProcessGroup(server, "SIGKILL");
  const killedAt = Date.now();
  await new Promise((r) => setTimeout(r, 1_000));
  server = await startServer();
  const { current: resumed } = await pollImport(second.id, server.pid!);
  const resumeSeconds = (Date.now() - killedAt) / 1000;
  const [books] = await executeRows<{ orders: number; references: number; rows: number; imported: number }>(
    handle.db,
    sql`select (select count(*)::int from orders where customer_reference like 'RESUME-PO-%') as orders,
               (select count(distinct customer_reference)::int from orders where customer_reference like 'RESUME-PO-%') as references,
               (select count(*)::int from import_rows where import_id = ${second.id}) as rows,
               (select count(*)::int from import_rows where import_id = ${second.id} and status = 'imported') as imported`,
  );
  resume = {
    lines: RESUME_LINES,
    importedWhenKilled: atKill.importedRows,
    status: resumed.status,
    imported: resumed.importedRows,
    secondsFromKillToCompleted: Number(resumeSeconds.toFixed(1)),
    ordersMade: books!.orders,
    distinctReferences: books!.references,
    everyRowImported: books!.imported === books!.rows,
    noOrderTwice: books!.orders === books!.references,
  };
}
stopProcessGroup(server);
await handle.close();

log("pgbench on the same server…");
const pgbench = pgbenchTps(databases.pgbenchUrl, 8, Number(values["pgbench-seconds"]));
await databases.dropAll();
fs.rmSync(dir, { recursive: true, force: true });

const linesPerSecond = Math.round(done.importedRows / totalSeconds);
console.log(
  JSON.stringify(
    {
      machine: machine(),
      file: { lines: LINES, orders: mainShape.orders, linesPerOrder: PER_ORDER, megabytes: Number((mainShape.bytes / 1e6).toFixed(1)), skus: skus.length },
      import: {
        status: done.status,
        imported: done.importedRows,
        failed: done.failedRows,
        uploadAndCheckSeconds: Number(checkSeconds.toFixed(1)),
        runSeconds: Number(runSeconds.toFixed(1)),
        totalSeconds: Number(totalSeconds.toFixed(1)),
        linesPerSecond,
        ordersPerSecond: Math.round(done.groupCount / totalSeconds),
        /** CPU per order while the run went (after the check): the server process, PostgreSQL. */
        cpuMsPerOrder: { server: Number((cpuDuringRun.server / done.groupCount).toFixed(1)), postgres: Number((cpuDuringRun.postgres / done.groupCount).toFixed(1)) },
        targetSeconds: 60,
        meetsTarget: totalSeconds <= 60,
      },
      serverMemoryMb: { idle: idleRssMb, afterCheck: checkRssMb, peakDuringRun: peakRssMb, target: 300 },
      copy: { rows: copied, seconds: Number(copySeconds.toFixed(2)), linesPerSecond: Math.round(copied / copySeconds), importToCopyRatio: Number((totalSeconds / copySeconds).toFixed(0)) },
      resumeAfterKill: resume,
      pgbenchTps: pgbench,
    },
    null,
    2,
  ),
);
