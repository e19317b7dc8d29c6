import { count } from "drizzle-orm";
import { isDemoMode } from "~/env";
import { users } from "./auth/schema";
import { type Db, type DbHandle, getDbHandle, prepareDatabase } from "./db";

/**
 * The app's database: the configured one (src/server/db), migrated, and in demo mode (the embedded
 * database, or SEED_DEMO=1) seeded with the demo distributor when it is empty — before getDbHandle()
 * or getDb() answers anyone in this process. Server start-up (start.ts) and anything that boots the app
 * outside Next (the e2e server's pre-seed) open it through here.
 */
export function getAppDbHandle(): Promise<DbHandle> {
  prepareDatabase(seedDemoIfEmpty);
  return getDbHandle();
}

export async function getAppDb(): Promise<Db> {
  return (await getAppDbHandle()).db;
}

async function seedDemoIfEmpty({ db }: DbHandle) {
  if (!isDemoMode()) return;
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return;
  const { seedDemo } = await import("./demo");
  console.log("[orderdesk] First start: seeding demo data through the use cases…");
  const started = Date.now();
  await seedDemo(db, { onProgress: (message) => console.log(`[orderdesk]   ${message}`) });
  console.log(`[orderdesk] Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
