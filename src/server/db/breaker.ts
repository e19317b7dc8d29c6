/**
 * While PostgreSQL is unreachable, postgres.js parks every query beyond its `max` connections and tries them one
 * connect timeout after another (40 concurrent queries on 10 connections waited 4 × 3 s), so requests arriving
 * during an outage would wait longer and longer. Once a query has failed to connect, the breaker takes the queries
 * still queued for a connection (never sent) out of the queue and refuses new ones at once (code DATABASE_DOWN, which
 * the doors answer as 503), while one query at a time goes through as a probe; the first success closes it again.
 */

/** Errors of a connection that could not be made or was lost: the server is down, not the query wrong. */
const CONNECTION_FAILURES = new Set([
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "DATABASE_DOWN",
]);
const isConnectionFailure = (error: unknown) => CONNECTION_FAILURES.has(String((error as { code?: unknown } | null)?.code));

export const databaseDown = () =>
  Object.assign(new Error("The database was unreachable a moment ago; not trying again until a probe gets through."), { code: "DATABASE_DOWN" });

/** A postgres.js query as the breaker sees it: `state` is set once a connection took it; `cancel` drops it. */
type PendingQuery = PromiseLike<unknown> & { state?: unknown; cancel?: () => unknown; values?: () => PendingQuery };

export type Breaker = {
  /** An error to fail a new query with at once, or null to let it run (possibly as the probe). */
  refuse(): Error | null;
  /** Runs a query (lazily, as postgres.js does) and lets its outcome open or close the breaker. */
  observe<T extends PendingQuery>(query: T): T;
  /** The same for a transaction's promise (a real Promise, so callers may `.catch` it). */
  watch<T>(transaction: Promise<T>): Promise<T>;
};

export function createBreaker(): Breaker {
  let isDown = false;
  let isProbing = false;
  const queued = new Set<PendingQuery>();

  function settle(error: unknown) {
    isProbing = false;
    isDown = error !== undefined && isConnectionFailure(error);
    if (isDown) for (const query of queued) if (!query.state) query.cancel?.();
  }

  function run(query: PendingQuery): Promise<unknown> {
    queued.add(query);
    return Promise.resolve(query).then(
      (result) => {
        queued.delete(query);
        settle(undefined);
        return result;
      },
      (error: unknown) => {
        queued.delete(query);
        // Cancelled by the breaker while queued (57014 from postgres.js): the database is down, not the query wrong.
        if (!query.state && (error as { code?: unknown }).code === "57014") throw databaseDown();
        settle(error);
        throw error;
      },
    );
  }

  const breaker: Breaker = {
    refuse() {
      if (!isDown) return null;
      if (isProbing) return databaseDown();
      isProbing = true;
      return null;
    },
    observe<T extends PendingQuery>(query: T): T {
      let outcome: Promise<unknown> | undefined;
      const once = () => (outcome ??= run(query));
      return {
        then: (resolve?: (value: unknown) => unknown, reject?: (reason: unknown) => unknown) => once().then(resolve, reject),
        catch: (reject?: (reason: unknown) => unknown) => once().catch(reject),
        finally: (done?: () => void) => once().finally(done),
        values: () => breaker.observe(query.values!()),
      } as unknown as T;
    },
    watch<T>(transaction: Promise<T>): Promise<T> {
      return transaction.then(
        (result) => {
          settle(undefined);
          return result;
        },
        (error: unknown) => {
          settle(error);
          throw error;
        },
      );
    },
  };
  return breaker;
}

/** A query the breaker refused, in the shapes Drizzle awaits (`await q`, `await q.values()`). */
export function refusedQuery<T>(error: Error): T {
  const failed = () => Promise.reject(error);
  const query = {
    then: (resolve?: (value: unknown) => unknown, reject?: (reason: unknown) => unknown) => failed().then(resolve, reject),
    catch: (reject?: (reason: unknown) => unknown) => failed().catch(reject),
    finally: (done?: () => void) => failed().finally(done),
    values: () => query,
  };
  return query as unknown as T;
}
