import net from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/test/db";
import { connectPostgres } from "./client";

/**
 * A TCP stand-in for PostgreSQL: "silent" accepts connections and never answers (a server that hangs, a network that
 * drops packets); "forward" pipes them to a real server.
 */
async function startStandIn(target?: { host: string; port: number }) {
  let mode: "silent" | "forward" = "silent";
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    if (mode === "forward" && target) {
      const upstream = net.connect(target.port, target.host);
      socket.pipe(upstream).pipe(socket);
      upstream.on("error", () => socket.destroy());
      socket.on("error", () => upstream.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    forward: () => {
      mode = "forward";
      for (const socket of sockets) socket.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const codeOf = (error: { code?: string; cause?: { code?: string } }) => error.cause?.code ?? error.code;

describe("a database that stops answering, under load (the breaker)", () => {
  it("fails 40 concurrent queries on 10 connections within 5 s (not in waves of connect timeouts), and new ones at once", async () => {
    const standIn = await startStandIn();
    const mute = connectPostgres(`postgres://postgres@127.0.0.1:${standIn.port}/orderdesk`, 10);
    const burst = async () => {
      const started = performance.now();
      const codes = await Promise.all(Array.from({ length: 40 }, () => mute.db.execute(sql`select 1`).then(() => "ok", codeOf)));
      return { elapsed: performance.now() - started, codes: new Set(codes) };
    };
    try {
      const first = await burst();
      expect(first.elapsed).toBeLessThan(5_000);
      expect(first.codes).toEqual(new Set(["CONNECT_TIMEOUT", "DATABASE_DOWN"]));
      // While it is down, one query probes (one connect timeout) and the others are refused without waiting.
      const next = await burst();
      expect(next.elapsed).toBeLessThan(5_000);
      expect(next.codes).toEqual(new Set(["CONNECT_TIMEOUT", "DATABASE_DOWN"]));
      // A transaction is refused as a real promise: callers may .catch it.
      const refused = await mute.db.transaction(async (tx) => tx.execute(sql`select 1`)).catch(codeOf);
      expect(["CONNECT_TIMEOUT", "DATABASE_DOWN"]).toContain(refused);
    } finally {
      await mute.close();
      await standIn.close();
    }
  });

  describe.runIf(!!process.env.TEST_DATABASE_URL)("on PostgreSQL", () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await createTestDb();
    });
    afterAll(() => t?.cleanup());

    it("closes again at the first query that gets through once the server is back", async () => {
      const real = new URL(t.url!);
      const standIn = await startStandIn({ host: real.hostname, port: Number(real.port || 5432) });
      const viaStandIn = new URL(t.url!);
      viaStandIn.hostname = "127.0.0.1";
      viaStandIn.port = String(standIn.port);
      const handle = connectPostgres(viaStandIn.toString(), 5);
      try {
        expect(await handle.db.execute(sql`select 1`).then(() => "ok", codeOf)).toBe("CONNECT_TIMEOUT");
        expect(await handle.db.execute(sql`select 1`).then(() => "ok", codeOf)).toBe("CONNECT_TIMEOUT"); // the probe
        standIn.forward();
        // The next query is the probe: it gets through and closes the breaker for the rest.
        expect(await handle.db.execute(sql`select 1`).then(() => "ok", codeOf)).toBe("ok");
        const results = await Promise.all(Array.from({ length: 10 }, () => handle.db.execute(sql`select 1`).then(() => "ok", codeOf)));
        expect(new Set(results)).toEqual(new Set(["ok"]));
        const inTransaction = await handle.db.transaction(async (tx) => (await tx.execute(sql`select 2 as n`)) as unknown as { n: number }[]);
        expect(inTransaction[0]?.n).toBe(2);
      } finally {
        await handle.close();
        await standIn.close();
      }
    });
  });
});
