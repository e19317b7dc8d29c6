import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as tables from "./tables";

type Tables = typeof tables;
/** The one database type every use case takes: PGlite and postgres.js share the same PostgreSQL dialect. */
export type Db = PgDatabase<PgQueryResultHKT, Tables, ExtractTablesWithRelations<Tables>>;
export type Tx = PgTransaction<PgQueryResultHKT, Tables, ExtractTablesWithRelations<Tables>>;
/** Use cases that can run inside a caller's transaction accept either. */
export type DbOrTx = Db | Tx;

export type DbHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
};

export function connectPostgres(url: string, max = 10): DbHandle {
  const client = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema: tables }) as unknown as Db;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/** Opens an embedded PGlite. The caller owns the data directory (see lock.ts). */
export async function connectPglite(client: PGlite): Promise<DbHandle> {
  await client.waitReady;
  const db = drizzlePglite({ client, schema: tables }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}
