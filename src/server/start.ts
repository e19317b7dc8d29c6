import { getAuthSecret } from "./auth/secret";
import { getDbHandle } from "./db";

/**
 * Server start-up: check the configuration, open the database, migrate and seed.
 * A failing start-up exits the process instead of serving errors.
 */
export async function startServer() {
  try {
    getAuthSecret();
    const handle = await getDbHandle();
    console.log(`[orderdesk] Database ready (${handle.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"}).`);
  } catch (error) {
    console.error(`\n[orderdesk] Cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
