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
  const db = drizzlePostgres({ client: preparing(client, createBreaker()), logger }) as unknown as Db;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/** Errors of a connection that could not be made or was lost: the server is down, not the query wrong. */
const CONNECTION_FAILURES = new Set(["CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_DESTROYED", "ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "ETIMEDOUT", "DATABASE_DOWN"]);
const isConnectionFailure = (error: unknown) => CONNECTION_FAILURES.has(String((error as { code?: unknown } | null)?.code));

type Waiting = { state?: unknown; cancel: () => unknown };
type Breaker = { refuse: () => Error | null; settle: (error: unknown) => void; waiting: Set<Waiting> };

const databaseDown = () =>
  Object.assign(new Error("The database was unreachable a moment ago; not trying again until a probe gets through."), { code: "DATABASE_DOWN" });

/**
 * While PostgreSQL is unreachable, postgres.js parks every query beyond its `max` connections and tries them a
 * connect timeout after another (40 concurrent queries on 10 connections waited 4 × 3 s), so requests arriving
 * during an outage would wait longer and longer. Once a query has failed to connect, new ones are refused at
 * once (code DATABASE_DOWN, which the doors answer as 503) while one query at a time goes through as a probe;
 * the first success closes the breaker. A refused query never reaches postgres.js, so it cannot run later.
 */
function createBreaker(): Breaker {
  let isDown = false;
  let isProbing = false;
  const waiting = new Set<Waiting>();
  return {
    waiting,
    refuse() {
      if (!isDown) return null;
      if (isProbing) return databaseDown();
      isProbing = true;
      return null;
    },
    settle(error) {
      isProbing = false;
      isDown = error !== undefined && isConnectionFailure(error);
      // Queries still queued for a connection (none assigned yet, so never sent) are taken out of the queue.
      if (isDown) for (const query of waiting) if (!query.state) query.cancel();
    },
  };
}

/** A query's promise that tells the breaker how it ended; `values()` (array rows, as Drizzle asks) keeps that. */
function observed<T extends PromiseLike<unknown> & { values?: () => unknown }>(query: T, breaker: Breaker): T {
  const waiting = typeof (query as Partial<Waiting>).cancel === "function" ? (query as unknown as Waiting) : undefined;
  if (waiting) breaker.waiting.add(waiting);
  const settle = <R>(promise: PromiseLike<R>) =>
    promise.then(
      (result) => {
        if (waiting) breaker.waiting.delete(waiting);
        breaker.settle(undefined);
        return result;
      },
      (error: unknown) => {
        if (waiting) breaker.waiting.delete(waiting);
        // Cancelled by the breaker while queued (57014 from postgres.js): the database is down, not the query wrong.
        if (waiting && !waiting.state && (error as { code?: unknown }).code === "57014") throw databaseDown();
        breaker.settle(error);
        throw error;
      },
    );
  return {
    then: (resolve?: (value: unknown) => unknown, reject?: (reason: unknown) => unknown) => settle(query).then(resolve, reject),
    values: () => observed(query.values!() as T, breaker),
  } as unknown as T;
}

/** A query refused by the breaker, in the shape Drizzle awaits (`await q`, `await q.values()`). */
function refused<T>(error: Error): T {
  const thenable = { then: (_: unknown, reject?: (reason: unknown) => unknown) => Promise.reject(error).then(undefined, reject), values: () => thenable };
  return thenable as unknown as T;
}

type Sql = postgres.Sql;

/**
 * Drizzle asks postgres.js for an unnamed statement unless a query is given a name, and postgres.js then
 * spends two round trips on each one with parameters (describe, then execute) while PostgreSQL parses and
 * plans it every time. This client (and the ones it hands to transactions and savepoints) prepares every
 * statement instead: cached per connection, one round trip, planned once or a few times. postgres.js
 * recycles each connection within an hour, which bounds the cache.
 */
function preparing<T extends Sql>(sql: T, breaker?: Breaker): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: unknown[], options?: object) => {
          // Only the pool's own queries meet the breaker: a transaction's run on the connection it holds.
          const refusal = breaker?.refuse();
          if (refusal) return refused(refusal);
          const pending = target.unsafe(query, parameters as never, { ...options, prepare: true });
          return breaker ? observed(pending, breaker) : pending;
        };
      }
      if (property === "begin" || property === "savepoint") {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => Promise<unknown>;
        return (...args: unknown[]) => {
          const refusal = breaker?.refuse();
          if (refusal) return Promise.reject(refusal);
          const last = args.length - 1;
          const scope = args[last] as (inner: Sql) => unknown;
          const transaction = open.apply(target, [...args.slice(0, last), (inner: Sql) => scope(preparing(inner))]);
          return breaker ? observed(transaction, breaker) : transaction;
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
