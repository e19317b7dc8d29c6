import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../db";
import { decodeCursor, toPage } from "../db/pagination";
import { OUTBOX_STATUSES, type OutboxStatus } from "./constants";
import { outboxMessages } from "./schema";

export const ZOutboxMessage = z.object({
  id: z.string(),
  topic: z.string(),
  recipient: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  payload: z.record(z.string(), z.unknown()),
  /** Files attached when sent, e.g. the invoice's PDF ({ kind: "invoice_pdf", ref: "INV-200001" }). */
  attachments: z.array(z.object({ kind: z.string(), ref: z.string() })),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  /** Pending: the next try is not before this (a retry's backoff); null: at once, or not pending. */
  nextAttemptAt: z.string().nullable(),
  /** Why the last attempt failed (the SMTP server's answer); null once sent. */
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type TOutboxMessage = z.infer<typeof ZOutboxMessage>;

export function toOutboxDto(r: typeof outboxMessages.$inferSelect): TOutboxMessage {
  return {
    id: r.id,
    topic: r.topic,
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    payload: r.payload,
    attachments: r.attachments,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === "pending" ? (r.nextAttemptAt?.toISOString() ?? null) : null,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  };
}

/** The outbox, newest first. Keyset pages on (created, id). */
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
  return toPage(rows, input.limit, toOutboxDto, (r) => [r.createdAt.toISOString(), r.id]);
}
