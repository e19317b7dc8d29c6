import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import type { OutboxStatus } from "./constants";
import { outboxMessages } from "./schema";

/** The outbox, newest first (admins read it until e-mail sending exists). Keyset pages on (created, id). */
export async function listOutbox(options: { db: DbOrTx; input: { limit: number; cursor?: string | null; status?: OutboxStatus; topic?: string } }) {
  const { db, input } = options;
  const conditions: (SQL | undefined)[] = [input.status ? eq(outboxMessages.status, input.status) : undefined, input.topic ? eq(outboxMessages.topic, input.topic) : undefined];
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor, 2);
    conditions.push(sql`(${outboxMessages.createdAt}, ${outboxMessages.id}) < (${String(createdAt)}::timestamptz, ${String(id)}::uuid)`);
  }
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(and(...conditions))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(input.limit + 1);
  return toPage(
    rows,
    input.limit,
    (r) => ({
      id: r.id,
      topic: r.topic,
      recipient: r.recipient,
      subject: r.subject,
      body: r.body,
      payload: r.payload,
      status: r.status,
      attempts: r.attempts,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    }),
    (r) => [r.createdAt.toISOString(), r.id],
  );
}
