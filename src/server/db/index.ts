import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { env } from "~/env";
import { connectPglite, connectPostgres, type Db, type DbHandle } from "./client";
import { acquireDataDirLock } from "./lock";
import { migrate } from "./migrate";

export type { Db, DbHandle, DbOrTx, Tx } from "./client";

/**
 * What the app does to the opened, migrated database before anyone may use it (in demo mode: seed an
 * empty one). The database layer knows no module, so the app registers it (src/server/app-db.ts).
 */
export type DatabasePreparation = (handle: DbHandle) => Promise<void>;

// One handle per process, kept on globalThis because Next bundles server code into several chunks.
const holder = globalThis as unknown as { __orderdeskDb?: Promise<DbHandle>; __orderdeskPrepare?: DatabasePreparation };

/** Opens the configured database and applies migrations, then runs the registered preparation. */
async function boot(): Promise<DbHandle> {
  let handle: DbHandle;
  if (env.DATABASE_URL) {
    // Migrate on one dedicated connection so the advisory lock and the migration share a session; as the
    // tables' owner when the app's own login may only use them (.env.example).
    const migrator = connectPostgres(env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL, 1);
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
  await holder.__orderdeskPrepare?.(handle);
  return handle;
}

/**
 * Registers the preparation every caller of getDbHandle()/getDb() then waits for. It must come before
 * the database is first opened; a second registration (a module evaluated again) keeps the first.
 */
export function prepareDatabase(preparation: DatabasePreparation): void {
  if (holder.__orderdeskPrepare) return;
  if (holder.__orderdeskDb) throw new Error("prepareDatabase() must be called before the database is first opened");
  holder.__orderdeskPrepare = preparation;
}

export function getDbHandle(): Promise<DbHandle> {
  holder.__orderdeskDb ??= boot();
  return holder.__orderdeskDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
