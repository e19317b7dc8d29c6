import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { connectPglite, connectPostgres } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { databaseUrl, quoteIdent, runId, TEMPLATE_PREFIX, TEST_DB_PREFIX, type TestDbTemplate } from "./template";

/** Databases of crashed runs older than this are swept at the start of the next run. */
const STALE_AFTER_MS = 12 * 60 * 60 * 1000;

/**
 * Integration global setup: migrate one template database, once per run.
 * - TEST_DATABASE_URL set: a PostgreSQL template database `orderdesk_tpl_<pid>_<time>`; each test file
 *   copies it with `CREATE DATABASE … TEMPLATE …` (tens of milliseconds).
 * - otherwise: an in-memory PGlite, dumped to a tarball in a temp dir; each test file loads a clone.
 * Returns the teardown, which drops/removes everything this run created.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const adminUrl = process.env.TEST_DATABASE_URL?.trim();
  const result = adminUrl ? await setupPostgres(adminUrl) : await setupPglite();
  project.provide("orderdeskTestDb", result.template);
  const where = result.template.kind === "postgres" ? `PostgreSQL template ${result.template.template}` : "PGlite";
  console.log(`[test-db] ${where} migrated in ${Date.now() - started} ms`);
  return result.teardown;
}

async function setupPglite() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "orderdesk-test-"));
  try {
    const client = new PGlite();
    const handle = await connectPglite(client);
    try {
      await migrate(handle);
      const dump = await client.dumpDataDir("none");
      const tarball = path.join(dir, "template.tar");
      await fs.writeFile(tarball, Buffer.from(await dump.arrayBuffer()));
      const template: TestDbTemplate = { kind: "pglite", tarball };
      return { template, teardown: () => fs.rm(dir, { recursive: true, force: true }) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function setupPostgres(adminUrl: string) {
  const id = runId();
  const templateName = `${TEMPLATE_PREFIX}${id}`;
  const prefix = `${TEST_DB_PREFIX}${id}_`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sweepStale(admin);
    await admin.unsafe(`CREATE DATABASE ${quoteIdent(templateName)}`);
  } catch (error) {
    await admin.end({ timeout: 5 });
    throw new Error(`Cannot create the test template database through TEST_DATABASE_URL: ${String(error)}`);
  }

  const teardown = async () => {
    try {
      const rows = await admin<{ datname: string }[]>`
        select datname from pg_database where datname = ${templateName} or starts_with(datname, ${prefix})`;
      for (const { datname } of rows) await admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    } finally {
      await admin.end({ timeout: 5 });
    }
  };

  try {
    const handle = connectPostgres(databaseUrl(adminUrl, templateName), 1);
    try {
      await migrate(handle);
    } finally {
      await handle.close();
    }
    // Nobody may connect to the template: CREATE DATABASE … TEMPLATE fails while anyone is connected.
    await admin.unsafe(`ALTER DATABASE ${quoteIdent(templateName)} WITH ALLOW_CONNECTIONS false`);
  } catch (error) {
    await teardown();
    throw error;
  }
  const template: TestDbTemplate = { kind: "postgres", adminUrl, template: templateName, prefix };
  return { template, teardown };
}

/** Drops databases that crashed runs (killed before teardown) left behind more than STALE_AFTER_MS ago. */
async function sweepStale(admin: postgres.Sql) {
  const rows = await admin<{ datname: string }[]>`
    select datname from pg_database
    where starts_with(datname, ${TEMPLATE_PREFIX}) or starts_with(datname, ${TEST_DB_PREFIX})`;
  const pattern = /^orderdesk_(?:tpl|t)_\d+_([0-9a-z]+)(?:_|$)/;
  for (const { datname } of rows) {
    const time = pattern.exec(datname)?.[1];
    if (!time) continue;
    const createdAt = parseInt(time, 36);
    if (Number.isFinite(createdAt) && Date.now() - createdAt > STALE_AFTER_MS) {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
  }
}
