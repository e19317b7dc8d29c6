import type { DbOrTx } from "../db";
import type { OutboxAttachment } from "./constants";
import { outboxMessages } from "./schema";

export type OutboxMessage = {
  topic: string;
  recipient: string | null;
  subject: string;
  body: string;
  payload?: Record<string, unknown>;
  /** Rendered when sent, e.g. the invoice's PDF. */
  attachments?: OutboxAttachment[];
};

/**
 * What the job worker does with messages just queued in a transaction: queue a send job in that same transaction
 * (pg-boss's send with the caller's connection), so it exists from the commit on and never for a rollback.
 * Registered only while a worker with an SMTP server runs; otherwise the messages wait for the minutely sweep
 * (or for SMTP_URL).
 */
export type OutboxDispatcher = (tx: DbOrTx, ids: string[]) => Promise<void>;

// On globalThis because Next bundles server code into several chunks (the worker's and the routes').
const holder = globalThis as unknown as { __orderdeskOutboxDispatcher?: OutboxDispatcher };

export function setOutboxDispatcher(dispatcher: OutboxDispatcher | undefined) {
  holder.__orderdeskOutboxDispatcher = dispatcher;
}

/**
 * Queues a message to the outside world in the caller's transaction, so it exists exactly when the change it
 * tells about does (nothing is sent for a change that rolled back). Sending happens after commit.
 */
export async function enqueueMessage(tx: DbOrTx, message: OutboxMessage) {
  const [row] = await tx
    .insert(outboxMessages)
    .values({ ...message, payload: message.payload ?? {}, attachments: message.attachments ?? [] })
    .returning({ id: outboxMessages.id });
  await dispatchMessages(tx, [row!.id]);
}

/** Asks the worker (if one sends) to send these messages after the caller's transaction commits. */
export async function dispatchMessages(tx: DbOrTx, ids: string[]) {
  const dispatcher = holder.__orderdeskOutboxDispatcher;
  if (dispatcher && ids.length > 0) await dispatcher(tx, ids);
}
