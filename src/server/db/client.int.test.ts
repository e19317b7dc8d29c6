import net from "node:net";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/test/db";
import { transientDatabaseError } from "../errors";
import { connectPostgres, type DbHandle } from "./client";
import { executeRows } from "./execute";

/**
 * The PostgreSQL client when connections go away under a transaction or the server restarts (found by
 * `npm run torture`, which stops PostgreSQL with `pg_ctl stop -m immediate` while orders are placed).
 * PostgreSQL only: PGlite has no connections to lose.
 */
describe.runIf(!!process.env.TEST_DATABASE_URL)("the PostgreSQL client when connections are lost", () => {
  let t: TestDb;
  let killer: postgres.Sql;
  beforeAll(async () => {
    t = await createTestDb();
    await t.db.execute(sql`create table scratch_probe (note text not null)`);
    killer = postgres(t.url!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await killer.end();
    await t.cleanup();
  });

  /** The error code somewhere in an error's cause chain (Drizzle wraps the driver's error). */
  const codeOf = (error: unknown): string | undefined => {
    for (let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 5; current = current.cause as typeof current, depth++) {
      if (typeof current.code === "string") return current.code;
    }
    return undefined;
  };
  const backendPid = async (tx: Parameters<Parameters<DbHandle["db"]["transaction"]>[0]>[0]) =>
    (await executeRows<{ pid: number }>(tx, sql`select pg_backend_pid() as pid`))[0]!.pid;

  /** `rounds` bursts of three concurrent queries on a two-connection pool: each burst's codes and time. */
  async function bursts(handle: DbHandle, rounds: number) {
    const results: { codes: string[]; ms: number }[] = [];
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      const codes = await Promise.all(
        [1, 2, 3].map(() => handle.db.execute(sql`select pg_sleep(0.02)`).then(() => "ok", (error: unknown) => codeOf(error) ?? String(error))),
      );
      results.push({ codes, ms: performance.now() - started });
    }
    return results;
  }

  it("rejects a transaction whose connection is lost mid-statement as a transient error (503), and the pool serves at once after", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    const handle = connectPostgres(t.url!, 2);
    try {
      const failed = await handle.db
        .transaction(async (tx) => {
          const pid = await backendPid(tx);
          setTimeout(() => void killer`select pg_terminate_backend(${pid})`.then(() => {}), 100);
          await tx.execute(sql`select pg_sleep(2)`);
        })
        .then(() => null, (error: unknown) => error);
      expect(transientDatabaseError(failed)?.code).toBe("DATABASE_UNAVAILABLE");
      // Before: postgres.js wrote its ROLLBACK on the closed connection from a timer (an uncaught TypeError), and
      // that connection then never wrote again: every connect on it timed out (CONNECT_TIMEOUT after 3 s).
      const after = await bursts(handle, 6);
      expect(uncaught).toEqual([]);
      for (const burst of after) {
        expect(burst.ms).toBeLessThan(2_000);
        expect(burst.codes).not.toContain("CONNECT_TIMEOUT");
      }
      // (The breaker may refuse a burst while it probes, and the first statement on the new connection may get the
      // old backend's 57P01: 503s too. Then everything goes through.)
      for (const burst of after.slice(-3)) expect(burst.codes).toEqual(["ok", "ok", "ok"]);
    } finally {
      process.off("uncaughtException", onUncaught);
      await handle.close();
    }
  });

  it("never sends a transaction's later statements on the connection once it was lost (not on the pool's new session either)", async () => {
    const handle = connectPostgres(t.url!, 2);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reportLate!: (outcome: string) => void;
    const late = new Promise<string>((resolve) => (reportLate = resolve));
    try {
      const failed = handle.db
        .transaction(async (tx) => {
          await killer`select pg_terminate_backend(${await backendPid(tx)})`;
          await gate;
          // The callback runs on after begin() rejected (postgres.js does not stop it): this must not be sent.
          const outcome = await tx.execute(sql`insert into scratch_probe values ('late')`).then(() => "sent", (error: unknown) => codeOf(error) ?? String(error));
          reportLate(outcome);
        })
        .then(() => null, (error: unknown) => error);
      expect(transientDatabaseError(await failed)?.code).toBe("DATABASE_UNAVAILABLE");
      // The pool connects its connections again (the lost one included) for other work.
      await bursts(handle, 2);
      release();
      expect(await late).toBe("CONNECTION_CLOSED");
      expect(await executeRows(handle.db, sql`select note from scratch_probe`)).toEqual([]);
    } finally {
      release();
      await handle.close();
    }
  });

  it("sends nothing more from a transaction whose callback has ended: a straggler of a failed Promise.all is refused, not run after the ROLLBACK", async () => {
    const handle = connectPostgres(t.url!, 2);
    let straggler: Promise<string> | undefined;
    try {
      const failed = handle.db.transaction(async (tx) => {
        const refused = Promise.reject(new Error("refused by the use case"));
        const turn = () => new Promise((resolve) => setImmediate(resolve));
        await Promise.all([
          refused,
          // Two turns of the event loop after the failure: the ROLLBACK is on its way, not yet done.
          refused.catch(turn).then(turn).then(() => {
            straggler = tx.execute(sql`insert into scratch_probe values ('straggler')`).then(() => "sent", (error: unknown) => codeOf(error) ?? String(error));
          }),
        ]);
      });
      await expect(failed).rejects.toThrow("refused by the use case");
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await straggler).toBe("TRANSACTION_ENDED");
      expect(await executeRows(handle.db, sql`select note from scratch_probe where note = 'straggler'`)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it("connects again within a second once the server is back, however many attempts failed while it was away", async () => {
    // A TCP proxy in front of PostgreSQL that refuses connections while "down", as a restarting server does.
    const target = new URL(t.url!);
    const sockets = new Set<net.Socket>();
    let proxy = net.createServer();
    const listen = (port = 0) =>
      new Promise<number>((resolve) => {
        proxy = net.createServer((client) => {
          const upstream = net.connect(Number(target.port || 5432), target.hostname);
          for (const s of [client, upstream]) {
            sockets.add(s);
            s.on("error", () => {});
            s.on("close", () => sockets.delete(s));
          }
          client.pipe(upstream).pipe(client);
        });
        proxy.listen(port, "127.0.0.1", () => resolve((proxy.address() as net.AddressInfo).port));
      });
    const down = async () => {
      await new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    };
    const port = await listen();
    const proxied = new URL(t.url!);
    proxied.host = `127.0.0.1:${port}`;
    const handle = connectPostgres(proxied.toString(), 2);
    try {
      expect((await bursts(handle, 1))[0]!.codes).toEqual(["ok", "ok", "ok"]);
      await down();
      // Two seconds of refused connections (each a quick 503 at the doors).
      const until = performance.now() + 2_000;
      while (performance.now() < until) await bursts(handle, 1);
      await listen(port);
      // postgres.js's own backoff had grown to 10–20 s by now (requests waited up to 13 s after a restart).
      const back = performance.now();
      let codes: string[] = [];
      while (!codes.every((c) => c === "ok") || codes.length === 0) {
        codes = (await bursts(handle, 1))[0]!.codes;
        if (performance.now() - back > 30_000) break;
      }
      expect(codes).toEqual(["ok", "ok", "ok"]);
      expect(performance.now() - back).toBeLessThan(2_500);
    } finally {
      await handle.close();
      await down();
    }
  });
});
