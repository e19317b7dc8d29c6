import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import type { Db, DbHandle } from "../db/client";
import { createErrorLog } from "./error-log";
import { setOutboxDispatcher } from "../integration/outbox";
import { sendingConfig, type SendingConfig } from "../integration/sending-config";
import { handleEmailSend, JOB_HANDLERS } from "./handlers";
import { pgliteExecutor, transactionExecutor } from "./pglite-executor";
import { EMAIL_SEND, EMAIL_SEND_DUE, IMPORTS_RUN, SCHEDULED_QUEUES, SWEEP_EXPIRY_SECONDS, WEBHOOKS_DELIVER } from "./queues";
import { STALE_RUN_SECONDS } from "../imports/constants";
import { onImportRunRequested } from "../imports/run-requests";
import { onWebhookDispatchRequested } from "../integration/record-webhook-event";

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
  /** Where customer e-mails go (default: SMTP_URL and SMTP_FROM; null or unset SMTP_URL: not sent). */
  email?: SendingConfig | null;
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

  const email = options.email === undefined ? sendingConfig() : options.email;
  for (const queue of SCHEDULED_QUEUES) {
    const settings = { name: queue.name, policy: "singleton", retryLimit: 2, retryDelay: 300, expireInSeconds: queue.expireInSeconds ?? 3_600 } as const;
    // createQueue keeps an existing queue's settings: update them too, so a changed expiry reaches deployed databases.
    await boss.createQueue(queue.name, settings);
    await boss.updateQueue(queue.name, settings);
    await boss.schedule(queue.name, queue.cron, {}, { tz: queue.timeZone });
    // The sweep sends through this worker's SMTP settings (tests give their own server).
    const handler = queue.name === EMAIL_SEND_DUE.name ? (db: Db) => handleEmailSend(db, { config: email }) : JOB_HANDLERS[queue.name];
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

  // E-mail: a transaction that queues messages also queues one send job (in that transaction, so it is there
  // from the commit on, and never for a rollback); the minutely sweep above catches anything a crash left.
  if (email) {
    await boss.createQueue(EMAIL_SEND.name, { name: EMAIL_SEND.name, policy: "standard", retryLimit: 1, retryDelay: 60, expireInSeconds: 900 });
    await boss.work(EMAIL_SEND.name, { pollingIntervalSeconds: Math.min(2, options.pollingIntervalSeconds ?? 2), batchSize: 10 }, async (jobs) => {
      const ids = jobs.flatMap((job) => ((job.data as { ids?: unknown }).ids as string[] | undefined) ?? []);
      return handleEmailSend(handle.db, { ids, config: email });
    });
    setOutboxDispatcher(async (tx, ids) => {
      // A savepoint: a job queue that cannot take the job must not undo the business transaction (the sweep sends it).
      await tx
        .transaction(async (sp) => {
          await boss.send(EMAIL_SEND.name, { ids }, { db: transactionExecutor(sp) });
        })
        .catch((error: unknown) => {
          const line = errors.report(error);
          if (line) console.error(`[orderdesk] e-mail send job not queued (the sweep sends it): ${line}`);
        });
    });
  }

  // Webhook events are sent a moment after the change that wrote them commits: the change wakes this queue
  // ("stately": one run queued at most, so a burst of changes is one run), and it sends what is due.
  await boss.createQueue(WEBHOOKS_DELIVER, { name: WEBHOOKS_DELIVER, policy: "stately", retryLimit: 0, expireInSeconds: 600 });
  await boss.work(WEBHOOKS_DELIVER, { pollingIntervalSeconds: 2, batchSize: 1 }, () => JOB_HANDLERS[WEBHOOKS_DELIVER]!(handle.db));
  // One wake-up a second after the first event of a burst (the change has committed by then); an event whose
  // transaction runs longer is caught by the minute's sweep.
  let wakeUp: NodeJS.Timeout | undefined;
  onWebhookDispatchRequested(() => {
    wakeUp ??= setTimeout(() => {
      wakeUp = undefined;
      boss.send(WEBHOOKS_DELIVER, {}).catch((error: unknown) => console.error("[orderdesk] waking the webhook queue:", error));
    }, 1_000);
    wakeUp.unref();
  });

  // A started import runs at once (after its commit); a run whose process died is resumed by the sweep above.
  await boss.createQueue(IMPORTS_RUN, { name: IMPORTS_RUN, policy: "standard", retryLimit: 0, expireInSeconds: SWEEP_EXPIRY_SECONDS });
  await boss.work(IMPORTS_RUN, { pollingIntervalSeconds: 2, batchSize: 1 }, () => JOB_HANDLERS[IMPORTS_RUN]!(handle.db));
  const runImports = (startAfter = 0) =>
    void boss.send(IMPORTS_RUN, {}, { startAfter }).catch((error: unknown) => console.error("[orderdesk] waking the import queue:", error));
  onImportRunRequested(() => runImports());
  // An import queued while no server ran starts now; one whose run died with a process (this one, restarted)
  // resumes once it counts as stale.
  runImports();
  runImports(STALE_RUN_SECONDS + 2);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    if (email) setOutboxDispatcher(undefined);
    onWebhookDispatchRequested(undefined);
    onImportRunRequested(undefined);
    clearTimeout(wakeUp);
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
