import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";

/**
 * The one database type every use case takes: PGlite and postgres.js share the same PostgreSQL dialect.
 * No relational schema: modules query their own tables with the query builder, so the database layer
 * knows no module.
 */
type NoSchema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
export type Tx = PgTransaction<PgQueryResultHKT, NoSchema, ExtractTablesWithRelations<NoSchema>>;
/** Use cases that can run inside a caller's transaction accept either. */
export type DbOrTx = Db | Tx;

export type DbHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
};

/** Sees every statement the app sends (tests count them). */
export type QueryLogger = { logQuery: (query: string, params: unknown[]) => void };

/**
 * How long a new connection may take to be ready for queries (TCP connect, TLS, start-up) before postgres.js
 * gives up with CONNECT_TIMEOUT, which the doors answer as 503 DATABASE_UNAVAILABLE. Its default of 30 s held
 * requests for 35–47 s while PostgreSQL was down; a healthy server on the same network answers in milliseconds.
 */
export const CONNECT_TIMEOUT_SECONDS = 3;

export function connectPostgres(url: string, max = 10, logger?: QueryLogger, options: { connectTimeoutSeconds?: number } = {}): DbHandle {
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: options.connectTimeoutSeconds ?? CONNECT_TIMEOUT_SECONDS });
  const db = drizzlePostgres({ client: preparing(client), logger }) as unknown as Db;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

type Sql = postgres.Sql;

/**
 * Drizzle asks postgres.js for an unnamed statement unless a query is given a name, and postgres.js then
 * spends two round trips on each one with parameters (describe, then execute) while PostgreSQL parses and
 * plans it every time. This client (and the ones it hands to transactions and savepoints) prepares every
 * statement instead: cached per connection, one round trip, planned once or a few times. postgres.js
 * recycles each connection within an hour, which bounds the cache.
 */
function preparing<T extends Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: unknown[], options?: object) =>
          target.unsafe(query, parameters as never, { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => Promise<unknown>;
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const scope = args[last] as (inner: Sql) => unknown;
          return open.apply(target, [...args.slice(0, last), (inner: Sql) => scope(preparing(inner))]);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** Opens an embedded PGlite. The caller owns the data directory (see lock.ts). */
export async function connectPglite(client: PGlite, logger?: QueryLogger): Promise<DbHandle> {
  await client.waitReady;
  const db = drizzlePglite({ client, logger }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}
