import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { count } from "drizzle-orm";
import { env, isDemoMode } from "~/env";
import { users } from "../auth/schema";
import { connectPglite, connectPostgres, type Db, type DbHandle } from "./client";
import { acquireDataDirLock } from "./lock";
import { migrate } from "./migrate";

export type { Db, DbOrTx, Tx } from "./client";

/** Opens the configured database, applies migrations and seeds demo data on first start. */
async function boot(): Promise<DbHandle> {
  let handle: DbHandle;
  if (env.DATABASE_URL) {
    // Migrate on one dedicated connection so the advisory lock and the migration share a session.
    const migrator = connectPostgres(env.DATABASE_URL, 1);
    try {
      await migrate(migrator);
    } finally {
      await migrator.close();
    }
    handle = connectPostgres(env.DATABASE_URL);
  } else {
    const dataDir = path.resolve(env.DATA_DIR);
    acquireDataDirLock(dataDir);
    handle = await connectPglite(new PGlite(path.join(dataDir, "pglite")));
    await migrate(handle);
  }
  if (isDemoMode()) await seedIfEmpty(handle.db);
  return handle;
}

async function seedIfEmpty(db: Db) {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return;
  const { seedDemo } = await import("./seed");
  console.log("[orderdesk] First start: seeding demo data…");
  const started = Date.now();
  await seedDemo(db);
  console.log(`[orderdesk] Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// One handle per process, kept on globalThis because Next bundles server code into several chunks.
const holder = globalThis as unknown as { __orderdeskDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  holder.__orderdeskDb ??= boot();
  return holder.__orderdeskDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
