import { sql } from "drizzle-orm";
import { importRows } from "./schema";

/** The import's counts as its rows say (the index on import, status and unit answers it). */
export function countsFromRows(id: string) {
  const rows = (status: "imported" | "skipped" | "failed") => sql`(select count(*)::int from ${importRows} where ${importRows.importId} = ${id} and ${importRows.status} = ${status})`;
  return { importedRows: rows("imported"), skippedRows: rows("skipped"), failedRows: rows("failed") };
}
