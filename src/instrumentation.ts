/**
 * Runs once when the server starts: checks the configuration, opens the database, migrates and seeds.
 * A failing start-up exits the process instead of serving errors.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    const { getAuthSecret } = await import("./server/auth/secret");
    getAuthSecret();
    const { getDbHandle } = await import("./server/db");
    const handle = await getDbHandle();
    console.log(`[orderdesk] Database ready (${handle.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"}).`);
  } catch (error) {
    console.error(`\n[orderdesk] Cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
