import fs from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "~/server/db";
import { executeRows } from "~/server/db/execute";
import { MIGRATIONS_FOLDER } from "~/server/db/migrate";

/** How long readiness waits for the database before saying it is not ready (a load balancer's probe is short). */
export const READY_TIMEOUT_MS = 3_000;

const HEADERS = { "content-type": "application/json", "cache-control": "no-store, no-transform" };

/**
 * Readiness: 200 when the database answers and has every committed migration (drizzle/meta/_journal.json)
 * applied; otherwise 503 with Retry-After and the reason, so a load balancer sends no traffic to this node
 * until it can serve. Liveness, without the database, is /api/health.
 */
export async function readinessResponse(getDb: () => Promise<Db>, options: { timeoutMs?: number; migrationsFolder?: string } = {}): Promise<Response> {
  const timeoutMs = options.timeoutMs ?? READY_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms (unreachable, or still migrating or seeding)`)), timeoutMs);
  });
  try {
    const migrations = await Promise.race([migrationState(await Promise.race([getDb(), timeout]), options.migrationsFolder ?? MIGRATIONS_FOLDER), timeout]);
    if (migrations.pending.length > 0) {
      return notReady(`${migrations.pending.length} migration(s) not applied: ${migrations.pending.join(", ")}`, migrations);
    }
    return new Response(JSON.stringify({ status: "ready", database: "reachable", migrations }), { status: 200, headers: HEADERS });
  } catch (error) {
    return notReady(`database not reachable: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

const notReady = (reason: string, migrations?: MigrationState) =>
  new Response(JSON.stringify({ status: "unavailable", reason, ...(migrations && { migrations }) }), {
    status: 503,
    headers: { ...HEADERS, "retry-after": "5" },
  });

type MigrationState = { applied: number; expected: number; pending: string[] };

/** Drizzle's migrator applies every journal entry newer than the last row of drizzle.__drizzle_migrations. */
async function migrationState(db: Db, migrationsFolder: string): Promise<MigrationState> {
  const journal = JSON.parse(await fs.readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string; when: number }[] };
  const rows = await executeRows<{ applied: number | string; last: number | string | null }>(
    db,
    sql`select count(*)::int as applied, max(created_at) as last from drizzle.__drizzle_migrations`,
  ).catch((error: unknown) => {
    // No migrations table: nothing was ever migrated (undefined_table / undefined schema).
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code === "42P01" || code === "3F000") return [{ applied: 0, last: null }];
    throw error;
  });
  const last = rows[0]?.last === null || rows[0]?.last === undefined ? -1 : Number(rows[0].last);
  const pending = journal.entries.filter((entry) => entry.when > last).map((entry) => entry.tag);
  return { applied: Number(rows[0]?.applied ?? 0), expected: journal.entries.length, pending };
}
