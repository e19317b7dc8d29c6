import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { DbHandle } from "../db/client";
import { createErrorLog } from "./error-log";
import { JOB_HANDLERS } from "./handlers";
import { pgliteExecutor } from "./pglite-executor";
import { SCHEDULED_QUEUES } from "./queues";

/** pg-boss keeps its tables in their own schema of the app's database. */
export const JOBS_SCHEMA = "pgboss";

export type JobWorker = { boss: PgBoss; stop: () => Promise<void> };

export type StartJobWorkerOptions = {
  handle: DbHandle;
  /** PostgreSQL: pg-boss opens its own small pool on this URL (required when handle.kind is "postgres"). */
  databaseUrl?: string;
  /** Seconds between polls of a queue; the nightly job needs no hurry (default 15). */
  pollingIntervalSeconds?: number;
  /** Stop the worker on SIGTERM / SIGINT (the server does; tests don't). */
  stopOnSignals?: boolean;
};

/**
 * The connection pg-boss uses: on PostgreSQL its own pool (pg) on the same database, so a job's polling
 * never takes a connection from the app's pool; on embedded PGlite the app's one instance (a second
 * PGlite on the same data directory would corrupt it), through pgliteExecutor.
 */
export function bossOptions(handle: DbHandle, databaseUrl?: string): PgBoss.ConstructorOptions {
  const common = { schema: JOBS_SCHEMA, application_name: "orderdesk-jobs" };
  if (handle.kind === "postgres") {
    if (!databaseUrl) throw new Error("The job worker needs DATABASE_URL on PostgreSQL");
    return { ...common, connectionString: databaseUrl, max: 3 };
  }
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  return { ...common, db: pgliteExecutor(client) };
}

/**
 * Starts pg-boss (creating or migrating its schema), creates the scheduled queues, (re)writes their cron
 * schedules and works them with JOB_HANDLERS. Several app nodes may run it at once: pg-boss sends each
 * cron tick once (it de-duplicates per minute in the database) and a job goes to one worker (SKIP
 * LOCKED); the singleton policy keeps at most one nightly run active.
 */
export async function startJobWorker(options: StartJobWorkerOptions): Promise<JobWorker> {
  const { handle } = options;
  const boss = new PgBoss(bossOptions(handle, options.databaseUrl));
  const errors = createErrorLog();
  boss.on("error", (error) => {
    const line = errors.report(error);
    if (line) console.error(`[orderdesk] job queue error: ${line}`);
  });
  await boss.start();

  for (const queue of SCHEDULED_QUEUES) {
    await boss.createQueue(queue.name, { name: queue.name, policy: "singleton", retryLimit: 2, retryDelay: 300, expireInSeconds: 3_600 });
    await boss.schedule(queue.name, queue.cron, {}, { tz: queue.timeZone });
    const handler = JOB_HANDLERS[queue.name];
    if (!handler) throw new Error(`No handler for job queue ${queue.name}`);
    await boss.work(queue.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 15, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        const started = Date.now();
        const result = await handler(handle.db);
        console.log(`[orderdesk] job ${queue.name} ${job.id} done in ${Date.now() - started} ms`);
        return result;
      }
    });
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= boss.stop({ graceful: true, timeout: 10_000, close: true });
    return stopping;
  };
  if (options.stopOnSignals) {
    const onSignal = () => void stop().catch((error: unknown) => console.error("[orderdesk] stopping the job worker:", error));
    process.once("SIGTERM", onSignal);
    process.once("SIGINT", onSignal);
  }
  return { boss, stop };
}

// One worker per process, kept on globalThis because Next bundles server code into several chunks.
const holder = globalThis as unknown as { __orderdeskJobs?: Promise<JobWorker> };

/** The server's worker: started once per process (see start.ts). */
export function startServerJobWorker(options: StartJobWorkerOptions): Promise<JobWorker> {
  holder.__orderdeskJobs ??= startJobWorker(options).catch((error: unknown) => {
    holder.__orderdeskJobs = undefined;
    throw error;
  });
  return holder.__orderdeskJobs;
}

export async function stopServerJobWorker(): Promise<void> {
  const worker = await holder.__orderdeskJobs?.catch(() => undefined);
  holder.__orderdeskJobs = undefined;
  await worker?.stop();
}
