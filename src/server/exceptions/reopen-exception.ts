import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { AppError } from "../errors";
import { isActiveException } from "./constants";
import { recordExceptionEvents } from "./open-exception";
import type { ExceptionOrders } from "./order-hook";
import { exceptions } from "./schema";
import { dueTime } from "./sla";
import { lockExceptions, reconcileOrders } from "./work";

export const ZReopenExceptionInput = z.object({
  id: z.string().uuid("id must be an exception id"),
  note: z.string().trim().min(3, "say why it is reopened (at least 3 characters)").max(2000),
});

/** Reopens a resolved or dismissed exception with a new due time; a blocking one holds its order again. */
export async function reopenException(options: { db: Db; actor: Actor; input: z.infer<typeof ZReopenExceptionInput>; orders: ExceptionOrders }) {
  const { db, actor, input, orders } = options;
  return db.transaction(async (tx) => {
    const [row] = await lockExceptions(tx, actor, [input.id]);
    if (isActiveException(row!.status)) throw AppError.conflict("EXCEPTION_ACTIVE", "It is still open: there is nothing to reopen.");
    const now = clock.now();
    await tx
      .update(exceptions)
      .set({
        status: row!.assigneeId ? "in_progress" : "open",
        dueAt: await dueTime(tx, row!.type, row!.severity, now),
        breachedAt: null,
        resolvedAt: null,
        resolvedBy: null,
        resolution: null,
        resolutionNote: null,
        acceptedCause: null,
        reopenCount: row!.reopenCount + 1,
        updatedAt: now,
      })
      .where(eq(exceptions.id, row!.id));
    await recordExceptionEvents(tx, actor, [{ exceptionId: row!.id, type: "reopened", note: input.note }]);
    await reconcileOrders(tx, orders, actor, [row!], input.note);
    return { id: row!.id };
  });
}
