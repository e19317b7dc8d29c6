import { inArray, sql } from "drizzle-orm";
import { findAssignee } from "../auth/assignees";
import type { Actor } from "../auth/actor";
import { users } from "../auth/schema";
import type { DbOrTx } from "../db";
import { AppError } from "../errors";
import * as clock from "../clock";
import { recordEventsOfOrders } from "./queries";
import { orders } from "./schema";
import type { TAssignOrdersInput } from "./schemas";

/**
 * Gives orders (or quotes) to a desk user to look after, or takes the assignment away, all or none: an
 * unknown number refuses the whole call. Each order whose assignee changes gets an `assigned` timeline
 * entry (from → to). The order's version stays: who looks after it is not an edit of the order, so a rep's
 * open edit form does not go stale.
 */
export async function assignOrders(options: { db: DbOrTx; actor: Actor; input: TAssignOrdersInput }) {
  const { db, actor, input } = options;
  return db.transaction(async (tx) => {
    const assignee = input.assignee ? await findAssignee(tx, input.assignee) : null;
    if (input.assignee && !assignee) throw AppError.invalidField("assignee", "No active user who may look after orders has this id.");

    const rows = await tx
      .select({ id: orders.id, number: orders.number, assignedToId: orders.assignedToId, assignedToName: users.name })
      .from(orders)
      .leftJoin(users, sql`${users.id} = ${orders.assignedToId}`)
      .where(inArray(orders.number, input.numbers))
      .orderBy(orders.number)
      .for("update", { of: orders });
    const missing = input.numbers.filter((n) => !rows.some((r) => r.number === n));
    if (missing.length) throw AppError.invalidField("numbers", `No order ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}.`);

    const target = assignee?.id ?? null;
    const changing = rows.filter((r) => r.assignedToId !== target);
    if (changing.length) {
      await tx
        .update(orders)
        .set({ assignedToId: target, updatedAt: clock.now() })
        .where(inArray(orders.id, changing.map((r) => r.id)));
      await recordEventsOfOrders(
        tx,
        actor,
        changing.map((row) => ({
          orderId: row.id,
          type: "assigned",
          data: { from: row.assignedToId ? { id: row.assignedToId, name: row.assignedToName } : null, to: assignee },
        })),
      );
    }
    const changed = new Set(changing.map((r) => r.number));
    return {
      assignee,
      changed: input.numbers.filter((n) => changed.has(n)),
      unchanged: input.numbers.filter((n) => !changed.has(n)),
    };
  });
}
