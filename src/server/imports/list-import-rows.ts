import { and, asc, eq, gt, inArray, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage, type TPageInput } from "../db/pagination";
import { AppError } from "../errors";
import type { ImportRowStatus } from "./constants";
import type { TImportRow } from "./dto";
import { importRows, imports } from "./schema";

/** The rows the preview and the error report show: refused at upload or failed in the run. */
export const PROBLEM_STATUSES: ImportRowStatus[] = ["invalid", "failed"];

/** An import's rows in file order, all or those of some statuses ("problems": refused or failed), keyset-paged on the row number. */
export async function listImportRows(options: { db: DbOrTx; id: string; statuses?: ImportRowStatus[]; input: TPageInput }): Promise<{ items: TImportRow[]; nextCursor: string | null }> {
  const { db, id, input } = options;
  const [found] = await db.select({ id: imports.id }).from(imports).where(eq(imports.id, id));
  if (!found) throw AppError.notFound("import", id);
  const conditions: SQL[] = [eq(importRows.importId, id)];
  if (options.statuses) conditions.push(inArray(importRows.status, options.statuses));
  if (input.cursor) conditions.push(gt(importRows.rowNo, Number(decodeCursor(input.cursor, 1)[0])));
  const rows = await db
    .select({ rowNo: importRows.rowNo, status: importRows.status, message: importRows.message, result: importRows.result, values: importRows.values })
    .from(importRows)
    .where(and(...conditions))
    .orderBy(asc(importRows.rowNo))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, (r) => r, (r) => [r.rowNo]);
}
