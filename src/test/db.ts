import fs from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { connectPglite, connectPostgres, type Db, type DbHandle, type QueryLogger } from "~/server/db/client";
import { databaseUrl, quoteIdent, type TestDbTemplate } from "./template";

export type TestDb = {
  db: Db;
  handle: DbHandle;
  /** Connection string of the fresh database (PostgreSQL only), e.g. for a second client in a race test. */
  url?: string;
  /** Closes the connection and drops the database. Call it in `afterAll`. */
  cleanup: () => Promise<void>;
};

export type CreateTestDbOptions = {
  /** PostgreSQL pool size of the returned handle (default 5). PGlite is always a single connection. */
  max?: number;
  /** Sees every statement (e.g. to count what a use case sends). */
  logger?: QueryLogger;
};

let counter = 0;
let pgliteTemplate: Promise<Blob> | undefined;

/**
 * A fresh, migrated, empty database of its own, for one integration test file (`*.int.test.ts`):
 *
 * ```ts
 * let t: TestDb;
 * beforeAll(async () => { t = await createTestDb(); });
 * afterAll(() => t.cleanup());
 * it("…", async () => { await cancelOrder({ db: t.db, … }); });
 * ```
 *
 * On PostgreSQL (TEST_DATABASE_URL) it is a `CREATE DATABASE … TEMPLATE` copy of the run's migrated
 * template; otherwise an in-memory PGlite loaded from the migrated tarball. Either way nothing is shared
 * with other files. Only works inside the vitest `integration` project (its global setup makes the template).
 */
export async function createTestDb(options: CreateTestDbOptions = {}): Promise<TestDb> {
  const template = readTemplate();
  return template.kind === "postgres" ? createPostgres(template, options.max ?? 5, options.logger) : createPglite(template, options.logger);
}

/**
 * Shorthand for the usual lifecycle: a fresh database for the enclosing file/describe block, created in
 * `beforeAll` and dropped in `afterAll`. `const testDb = useTestDb();` then `testDb().db` inside tests.
 */
export function useTestDb(options: CreateTestDbOptions = {}): () => TestDb {
  let current: TestDb | undefined;
  beforeAll(async () => {
    current = await createTestDb(options);
  });
  afterAll(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error("useTestDb(): the database exists only inside tests (after beforeAll)");
    return current;
  };
}

function readTemplate(): TestDbTemplate {
  let template: TestDbTemplate | undefined;
  try {
    template = inject("orderdeskTestDb");
  } catch {
    template = undefined;
  }
  if (!template) {
    throw new Error(
      "createTestDb() needs the integration global setup: name the file *.int.test.ts and run it with " +
        "`vitest run --project integration` (npm run test:int).",
    );
  }
  return template;
}

async function createPglite(template: Extract<TestDbTemplate, { kind: "pglite" }>, logger?: QueryLogger): Promise<TestDb> {
  pgliteTemplate ??= fs.readFile(template.tarball).then((bytes) => new Blob([bytes]));
  const client = new PGlite({ loadDataDir: await pgliteTemplate });
  const handle = await connectPglite(client, logger);
  let closed = false;
  return {
    db: handle.db,
    handle,
    cleanup: async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}

async function createPostgres(template: Extract<TestDbTemplate, { kind: "postgres" }>, max: number, logger?: QueryLogger): Promise<TestDb> {
  counter += 1;
  const name = `${template.prefix}${process.pid}_${counter}`;
  const admin = postgres(template.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template.template)}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = databaseUrl(template.adminUrl, name);
  const handle = connectPostgres(url, max, logger);
  let closed = false;
  return {
    db: handle.db,
    handle,
    url,
    cleanup: async () => {
      if (closed) return;
      closed = true;
      await handle.close();
      const dropper = postgres(template.adminUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}
