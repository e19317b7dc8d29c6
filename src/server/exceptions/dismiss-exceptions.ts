import { z } from "zod";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { closeExceptions } from "./open-exception";
import type { ExceptionOrders } from "./order-hook";
import { assertActive, lockExceptions, reconcileOrders } from "./work";

export const ZDismissExceptionsInput = z.object({
  ids: z.array(z.string().uuid("ids must be exception ids")).min(1, "choose at least one exception").max(200, "at most 200 at once"),
  reason: z.string().trim().min(3, "say why it is dismissed (at least 3 characters)").max(2000),
});

/** Dismisses exceptions that need no action, with a reason: the same cause will not reopen them. */
export async function dismissExceptions(options: { db: Db; actor: Actor; input: z.infer<typeof ZDismissExceptionsInput>; orders: ExceptionOrders }) {
  const { db, actor, input, orders } = options;
  return db.transaction(async (tx) => {
    const rows = await lockExceptions(tx, actor, input.ids);
    assertActive(rows, "dismiss");
    await closeExceptions(tx, actor, rows.map((r) => r.id), { status: "dismissed", resolution: "dismissed", note: input.reason, accept: true });
    await reconcileOrders(tx, orders, actor, rows, input.reason);
    return { ids: rows.map((r) => r.id) };
  });
}
