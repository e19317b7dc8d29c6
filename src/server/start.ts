import { env } from "~/env";
import { getAuthSecret } from "./auth/secret";
import { getAppDbHandle } from "./app-db";

/**
 * Server start-up: check the configuration, open the database, migrate and (demo mode, empty database) seed.
 * A failing start-up exits the process instead of serving errors.
 */
export async function startServer() {
  try {
    getAuthSecret();
    const handle = await getAppDbHandle();
    console.log(`[orderdesk] Database ready (${handle.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"}).`);
  } catch (error) {
    console.error(`\n[orderdesk] Cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  void startJobs();
}

/** Background jobs (pg-boss, nightly replenishment): the app serves without them, so a failure only logs. */
async function startJobs() {
  try {
    const { startServerJobWorker } = await import("./jobs");
    await startServerJobWorker({ handle: await getAppDbHandle(), databaseUrl: env.DATABASE_URL, stopOnSignals: true });
    console.log("[orderdesk] Background jobs started (nightly replenishment at 02:00 America/New_York, shipment auto-planning every minute).");
  } catch (error) {
    console.error(`[orderdesk] Background jobs not started: ${error instanceof Error ? error.message : String(error)}`);
  }
}
