import { z } from "zod";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { AppError } from "../errors";
import { EXCEPTION_LABELS, resolutionAction } from "./constants";
import { closeExceptions } from "./open-exception";
import type { ExceptionOrders } from "./order-hook";
import { assertActive, lockExceptions, reconcileOrders } from "./work";

export const ZResolveExceptionsInput = z.object({
  ids: z.array(z.string().uuid("ids must be exception ids")).min(1, "choose at least one exception").max(200, "at most 200 at once"),
  /** One of the type's resolution actions (`release`, `approve`, `reject`, `verified`, `cancel_order`…). */
  action: z.string().trim().min(1, "choose how it was resolved").max(40),
  note: z.string().trim().max(2000).optional(),
});

/**
 * Resolves exceptions with an action of their type: what it does to the order is done in the same transaction
 * (a rejected price goes back to the list price, a duplicate is canceled), and an order whose last blocking
 * exception closed is released.
 */
export async function resolveExceptions(options: { db: Db; actor: Actor; input: z.infer<typeof ZResolveExceptionsInput>; orders: ExceptionOrders }) {
  const { db, actor, input, orders } = options;
  return db.transaction(async (tx) => {
    const rows = await lockExceptions(tx, actor, input.ids);
    assertActive(rows, "resolve");
    const actions = rows.map((row) => {
      const action = resolutionAction(row.type, input.action);
      if (!action) throw AppError.invalidField("action", `"${input.action}" is not a way to resolve a ${EXCEPTION_LABELS[row.type].toLowerCase()}`);
      if (action.roles && !action.roles.includes(actor.role)) {
        throw new AppError("forbidden", "FORBIDDEN", `"${action.label}" is for ${action.roles.join(", ")}.`);
      }
      return { row, action };
    });
    if (actions.some((a) => a.action.effect === "cancel_order") && !input.note) throw AppError.invalidField("note", "say why the order is canceled");
    for (const { row, action } of actions) {
      await closeExceptions(tx, actor, [row.id], { status: "resolved", resolution: action.action, note: input.note, accept: action.accepts });
      if (!row.orderId) continue;
      if (action.effect === "revert_prices") await orders.revertPrices(tx, { orderId: row.orderId, actor, note: input.note });
      if (action.effect === "cancel_order") await orders.cancelOrder(tx, { orderId: row.orderId, actor, reason: input.note! });
      if (action.effect === "approve_returns" || action.effect === "reject_returns") {
        await orders.decideReturns?.(tx, { orderId: row.orderId, approve: action.effect === "approve_returns", actor, note: input.note });
      }
    }
    const canceled = new Set(actions.filter((a) => a.action.effect === "cancel_order").map((a) => a.row.orderId));
    await reconcileOrders(tx, orders, actor, rows.filter((r) => !canceled.has(r.orderId)), input.note);
    return { ids: rows.map((r) => r.id) };
  });
}
