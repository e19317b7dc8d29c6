import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { recordAudit } from "../db/audit";
import { AppError } from "../errors";
import { toOutboxDto, type TOutboxMessage } from "./list-outbox";
import { dispatchMessages } from "./outbox";
import { outboxMessages } from "./schema";

/**
 * failed → pending with a fresh set of attempts (the last error stays until it is sent), after an admin fixed
 * what made it fail; sent at once by the worker when SMTP is on (a send job in this transaction), else by the
 * next sweep. Only a failed message: a pending one is already on its way, a sent one is not sent twice.
 */
export async function retryOutboxMessage(options: { db: Db; actor: Actor; id: string }): Promise<TOutboxMessage> {
  const { db, actor, id } = options;
  return db.transaction(async (tx) => {
    const [message] = await tx.select().from(outboxMessages).where(eq(outboxMessages.id, id)).for("update");
    if (!message) throw AppError.notFound("outbox message", id);
    if (message.status !== "failed") throw AppError.conflict("OUTBOX_NOT_FAILED", `Only a failed message can be retried: this one is ${message.status}.`);
    const [row] = await tx.update(outboxMessages).set({ status: "pending", attempts: 0, nextAttemptAt: null }).where(eq(outboxMessages.id, id)).returning();
    await recordAudit(tx, { entityType: "outbox_message", entityId: id, action: "retried", actor, before: { status: message.status, attempts: message.attempts, lastError: message.lastError } });
    await dispatchMessages(tx, [id]);
    return toOutboxDto(row!);
  });
}
