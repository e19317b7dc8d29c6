import type { DbOrTx } from "../db";
import { outboxMessages } from "./schema";

export type OutboxMessage = { topic: string; recipient: string | null; subject: string; body: string; payload?: Record<string, unknown> };

/**
 * Queues a message to the outside world in the caller's transaction, so it exists exactly when the change it
 * tells about does (nothing is sent for a change that rolled back). Sending happens after commit.
 */
export async function enqueueMessage(tx: DbOrTx, message: OutboxMessage) {
  await tx.insert(outboxMessages).values({ ...message, payload: message.payload ?? {} });
}
