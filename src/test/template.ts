/**
 * What the integration global setup hands to every test worker (through vitest `provide`/`inject`):
 * where the migrated template database lives.
 */
export type TestDbTemplate =
  | {
      kind: "pglite";
      /** Uncompressed tarball of a migrated PGlite data directory (`dumpDataDir("none")`). */
      tarball: string;
    }
  | {
      kind: "postgres";
      /** TEST_DATABASE_URL: any database the harness may connect to for CREATE/DROP DATABASE. */
      adminUrl: string;
      /** Migrated template database; connections to it are disallowed so it can always be copied. */
      template: string;
      /** Every test database of this run is named `<prefix><n>`; teardown drops them all. */
      prefix: string;
    };

declare module "vitest" {
  export interface ProvidedContext {
    orderdeskTestDb: TestDbTemplate;
  }
}

/** Database names of one run: `orderdesk_tpl_<pid>_<time>` and `orderdesk_t_<pid>_<time>_…`. */
export const TEMPLATE_PREFIX = "orderdesk_tpl_";
export const TEST_DB_PREFIX = "orderdesk_t_";

export function runId(now = Date.now()): string {
  return `${process.pid}_${now.toString(36)}`;
}

/** Same server and credentials as `url`, another database. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Our names are [a-z0-9_] only; still quote them properly. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
