/**
 * What the benchmarks share: a fresh PostgreSQL database per run (dropped at the end) beside a pgbench
 * database, and pgbench tpcb-like measured on the same server in the same run, so every result can be
 * read as a ratio to what this machine's PostgreSQL does.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import postgres from "postgres";
import { connectPostgres } from "~/server/db/client";
import { migrate } from "~/server/db/migrate";

export const log = (message: string) => console.error(`[bench] ${message}`);

/** Drops and creates `url`'s database and its pgbench sibling, and migrates the first. */
export async function freshDatabases(url: URL) {
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  const dbName = url.pathname.slice(1);
  const pgbenchUrl = new URL(url);
  pgbenchUrl.pathname = `/${dbName}_pgbench`;
  const names = [dbName, `${dbName}_pgbench`];
  for (const name of names) {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  }
  const migrator = connectPostgres(url.toString(), 1);
  await migrate(migrator);
  await migrator.close();
  return {
    pgbenchUrl,
    /** Drops both databases: the numbers of the next run must not depend on this one. */
    async dropAll() {
      for (const name of names) await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** pgbench tpcb-like (scale 10) on `url`'s database with `clients` clients for `seconds`: transactions per second. */
export function pgbenchTps(url: URL, clients: number, seconds: number): number {
  execFileSync("pgbench", ["-i", "-q", "-s", "10", url.toString()], { stdio: ["ignore", "ignore", "ignore"] });
  const out = execFileSync("pgbench", ["-c", String(clients), "-j", String(Math.min(clients, os.cpus().length)), "-T", String(seconds), url.toString()], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN);
}

/** The machine the numbers come from. */
export const machine = () => ({ cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) });
