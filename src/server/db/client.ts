import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { type Breaker, createBreaker, refusedQuery } from "./breaker";

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

/**
 * Seconds a closed connection waits before it connects again, after `retries` failed attempts in a row (of the
 * whole pool). postgres.js's default grows to 20 s: after PostgreSQL had been down for 3 s, requests waited up
 * to 13 s once it was back (`npm run torture`). Half a second at most; a refused attempt costs the server nothing.
 */
export const reconnectBackoffSeconds = (retries: number) => Math.min(3 ** retries / 100, 0.5) * (0.5 + Math.random() / 2);

/**
 * libpq's way to name a Unix-domain socket, `postgres://user@localhost/db?host=/var/run/postgresql`, as the
 * socket's path for postgres.js (which would send `host` to the server as a setting). On one machine a socket
 * costs the app far less CPU per statement than loopback TCP.
 */
export function socketOptions(url: string): { url: string; path?: string } {
  const parsed = new URL(url);
  const dir = parsed.searchParams.get("host");
  if (!dir?.startsWith("/")) return { url };
  parsed.searchParams.delete("host");
  return { url: parsed.toString(), path: `${dir.replace(/\/$/, "")}/.s.PGSQL.${parsed.port || 5432}` };
}

/** Whether `db` is the embedded PGlite (one connection: no two transactions at once). */
export function isEmbedded(db: DbOrTx): boolean {
  const client = (db as unknown as { $client?: object }).$client;
  return !!client && "waitReady" in client;
}

export function connectPostgres(url: string, max = 10, logger?: QueryLogger, options: { connectTimeoutSeconds?: number } = {}): DbHandle {
  const socket = socketOptions(url);
  const client = postgres(socket.url, {
    ...(socket.path ? { path: socket.path } : {}),
    max,
    onnotice: () => {},
    connect_timeout: options.connectTimeoutSeconds ?? CONNECT_TIMEOUT_SECONDS,
    backoff: reconnectBackoffSeconds,
  });
  const db = drizzlePostgres({ client: preparing(client, createBreaker()), logger }) as unknown as Db;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

type Sql = postgres.Sql;

/**
 * Drizzle asks postgres.js for an unnamed statement unless a query is given a name, and postgres.js then
 * spends two round trips on each one with parameters (describe, then execute) while PostgreSQL parses and
 * plans it every time. This client (and the ones it hands to transactions and savepoints) prepares every
 * statement instead: cached per connection, one round trip, planned once or a few times. postgres.js
 * recycles each connection within an hour, which bounds the cache.
 *
 * The pool's own queries and transactions also pass the breaker (breaker.ts); the statements of a transaction run
 * on the connection it holds and are not refused halfway — unless that connection is gone (guardTransaction).
 */
function preparing<T extends Sql>(sql: T, breaker?: Breaker, transaction?: TransactionState, scope?: ScopeState): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: unknown[], options?: object) => {
          if (transaction?.over) return refusedQuery(transactionOver());
          if (scope?.ended) return refusedQuery(scopeEnded());
          const refusal = breaker?.refuse();
          if (refusal) return refusedQuery(refusal);
          const pending = target.unsafe(query, parameters as never, { ...options, prepare: true, ...(asPrepared(query, parameters) ? { simple: false } : {}) });
          return breaker ? breaker.observe(pending) : pending;
        };
      }
      if (property === "begin" || property === "savepoint") {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => Promise<unknown>;
        return (...args: unknown[]) => {
          if (transaction?.over) return Promise.reject(transactionOver());
          if (scope?.ended) return Promise.reject(scopeEnded());
          const refusal = breaker?.refuse();
          if (refusal) return Promise.reject(refusal);
          const state = transaction ?? { over: false };
          const last = args.length - 1;
          const callback = args[last] as (inner: Sql) => unknown;
          const own: ScopeState = { ended: false };
          const settled = open.apply(target, [...args.slice(0, last), (inner: Sql) => guardTransaction(state, own, () => callback(preparing(inner, undefined, state, own)))]);
          // A savepoint shares its transaction's state; the transaction is over once begin() has settled.
          if (!transaction) settled.then(() => (state.over = true), () => (state.over = true));
          return breaker ? breaker.watch(settled) : settled;
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * postgres.js sends a statement without parameters as a simple query, which PostgreSQL parses and plans on every
 * call (choosing a policy read every policy that way: 0.16 ms of planning per order). A lone query or change is
 * prepared like the others; anything else (DDL, SET, a script of several statements) stays a simple query.
 */
const asPrepared = (query: string, parameters: unknown[] | undefined) => !parameters?.length && /^\s*(select|insert|update|delete|with)\b/i.test(query) && !query.includes(";");

type TransactionState = { over: boolean };
/** One transaction's or savepoint's callback: once it has settled, postgres.js sends COMMIT, ROLLBACK or RELEASE. */
type ScopeState = { ended: boolean };

/**
 * postgres.js (3.4.9) rejects `begin()` as soon as the transaction's connection closes (PostgreSQL restarted,
 * the backend killed), but the transaction's callback runs on, and the connection object is reused by the pool:
 * - when the callback then fails, postgres.js sends ROLLBACK on it (COMMIT when it succeeds). While it is still
 *   closed that write is thrown from a timer (an uncaughtException, "Cannot read properties of null (reading
 *   'write')") and leaves the connection wedged: every later connect on it timed out after 3 s, for ~30 s
 *   (`npm run torture`: retries answered 503 long after PostgreSQL was back);
 * - once it has reconnected, the callback's statements, ROLLBACK or COMMIT would run on someone else's session,
 *   in or out of another request's transaction (client.int.test.ts: a lost transaction's INSERT committed).
 * So a transaction that is over (begin() settled) sends nothing more: its statements are refused
 * (CONNECTION_CLOSED, a 503 at the doors), and a callback that ends after its connection was lost never
 * settles, so postgres.js has no ROLLBACK or COMMIT to send; the caller already has begin()'s rejection.
 *
 * Nor does a callback that has settled: a statement sent after it (a branch of a Promise.all that failed on its
 * other branch, an un-awaited write) would follow the ROLLBACK or COMMIT and run outside the transaction. It is
 * refused (TRANSACTION_ENDED).
 */
async function guardTransaction<R>(state: TransactionState, scope: ScopeState, run: () => R): Promise<Awaited<R>> {
  let result: Awaited<R>;
  try {
    result = await run();
  } catch (error) {
    scope.ended = true;
    // A connection that closes rejects the statement in flight and begin() in the same turn: let begin's
    // rejection land before deciding whether the connection is still there to roll back on.
    if (!state.over) await new Promise((resolve) => setImmediate(resolve));
    if (state.over) return new Promise<never>(() => {});
    throw error;
  }
  scope.ended = true;
  if (state.over) return new Promise<never>(() => {});
  return result;
}

const scopeEnded = () =>
  Object.assign(new Error("A statement was sent after its transaction's callback had ended; it was not sent."), { code: "TRANSACTION_ENDED" });

const transactionOver = () =>
  Object.assign(new Error("The transaction's database connection was lost; nothing more is sent on it."), { code: "CONNECTION_CLOSED" });

/** Opens an embedded PGlite. The caller owns the data directory (see lock.ts). */
export async function connectPglite(client: PGlite, logger?: QueryLogger): Promise<DbHandle> {
  await client.waitReady;
  const db = drizzlePglite({ client, logger }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}
