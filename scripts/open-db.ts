import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { env } from "~/env";
import { connectPglite, connectPostgres, type DbHandle } from "~/server/db/client";
import { acquireDataDirLock } from "~/server/db/lock";
import { migrate } from "~/server/db/migrate";

/** For command-line scripts: the same database the app uses (DATABASE_URL or embedded DATA_DIR), migrated. */
export async function openScriptDb(): Promise<DbHandle> {
  if (env.DATABASE_URL) {
    const handle = connectPostgres(env.DATABASE_URL, 1);
    await migrate(handle);
    return handle;
  }
  const dataDir = path.resolve(env.DATA_DIR);
  acquireDataDirLock(dataDir);
  const handle = await connectPglite(new PGlite(path.join(dataDir, "pglite")));
  await migrate(handle);
  return handle;
}

/** Prints a message and exits with status 1 (for a usage or input error). */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
