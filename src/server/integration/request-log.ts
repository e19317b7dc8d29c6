import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "../db";
import { REQUEST_LOG_SIZE } from "./constants";
import { apiKeyRequests } from "./schema";

export type TApiRequest = { method: string; path: string; status: number; durationMs: number };

export const ZApiKeyRequest = z.object({
  id: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  durationMs: z.number().int(),
  at: z.string(),
});

let writes = 0;

/**
 * Writes one REST call to its key's log. The row is worth less than the call's time: it is committed without
 * waiting for the disk (`synchronous_commit = off`: a crash may lose the last few log rows, nothing else), and
 * what falls beyond the newest `keep` of the key is deleted every `pruneEvery` writes, not on each (the reader
 * shows the newest `keep` in between).
 */
export async function recordApiRequest(db: Db, apiKeyId: string, request: TApiRequest, options: { keep?: number; pruneEvery?: number } = {}) {
  const { keep = REQUEST_LOG_SIZE, pruneEvery = 20 } = options;
  writes += 1;
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    await tx.insert(apiKeyRequests).values({
      apiKeyId,
      method: request.method,
      path: request.path.slice(0, 500),
      status: request.status,
      durationMs: Math.max(0, Math.round(request.durationMs)),
    });
    if (writes % pruneEvery !== 0) return;
    const beyond = tx
      .select({ id: apiKeyRequests.id })
      .from(apiKeyRequests)
      .where(eq(apiKeyRequests.apiKeyId, apiKeyId))
      .orderBy(desc(apiKeyRequests.createdAt), desc(apiKeyRequests.id))
      .offset(keep);
    await tx.delete(apiKeyRequests).where(and(eq(apiKeyRequests.apiKeyId, apiKeyId), inArray(apiKeyRequests.id, beyond)));
  });
}

/** A key's latest calls, newest first (at most REQUEST_LOG_SIZE). */
export async function listApiKeyRequests(options: { db: DbOrTx; apiKeyId: string }) {
  const rows = await options.db
    .select()
    .from(apiKeyRequests)
    .where(eq(apiKeyRequests.apiKeyId, options.apiKeyId))
    .orderBy(desc(apiKeyRequests.createdAt), desc(apiKeyRequests.id))
    .limit(REQUEST_LOG_SIZE);
  return rows.map((row) => ({ id: row.id, method: row.method, path: row.path, status: row.status, durationMs: row.durationMs, at: row.createdAt.toISOString() }));
}

/** How many calls a key has in its log (tests and the page's summary). */
export async function countApiKeyRequests(db: DbOrTx, apiKeyId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(apiKeyRequests).where(eq(apiKeyRequests.apiKeyId, apiKeyId));
  return row?.n ?? 0;
}
