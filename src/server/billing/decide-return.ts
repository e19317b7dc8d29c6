import { and, eq } from "drizzle-orm";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db, DbOrTx } from "../db";
import { AppError } from "../errors";
import { resolveOrderExceptions } from "../exceptions";
import { loadOrderForFulfillment, recordOrderEvents } from "../orders";
import { getReturn, loadReturn } from "./get-return";
import { returns } from "./schema";
import type { TDecideReturnInput, TReturn } from "./schemas";

/** A manager approves or rejects a requested return; its `return_requested` exception closes with the decision. */
export async function decideReturn(options: { db: Db; actor: Actor; input: TDecideReturnInput }): Promise<TReturn> {
  const { db, actor, input } = options;
  const id = await db.transaction(async (tx) => {
    const seen = await loadReturn(tx, input.id);
    await loadOrderForFulfillment(tx, { id: seen.orderId }, { forUpdate: true });
    const row = await decideInTx(tx, seen.id, actor, input);
    const [stillWaiting] = await tx.select({ id: returns.id }).from(returns).where(and(eq(returns.orderId, row.orderId), eq(returns.status, "requested"))).limit(1);
    if (stillWaiting) return row.id;
    await resolveOrderExceptions(tx, {
      orderId: row.orderId,
      actor,
      resolution: input.approve ? "authorized" : "declined",
      note: input.note ?? undefined,
      types: ["return_requested"],
    });
    return row.id;
  });
  return getReturn({ db, id });
}

/**
 * The decision itself, in the caller's transaction (the order locked): also what resolving the
 * `return_requested` exception in the queue does to the order's waiting returns.
 */
export async function decideInTx(tx: DbOrTx, id: string, actor: Actor, input: { approve: boolean; note?: string | null; version?: number }) {
  const row = await loadReturn(tx, id, { forUpdate: true });
  if (input.version !== undefined && input.version !== row.version) throw AppError.conflict("STALE_VERSION", `${row.number} changed since you opened it: reload and try again.`);
  if (row.status !== "requested") throw AppError.conflict("RETURN_DECIDED", `${row.number} is ${row.status}: only a requested return waits for a decision.`);
  if (!input.approve && !input.note) throw AppError.invalidField("note", "say why the return is rejected");
  const [decided] = await tx
    .update(returns)
    .set({ status: input.approve ? "approved" : "rejected", decidedBy: actorLabel(actor), decidedAt: clock.now(), decisionNote: input.note ?? null, version: row.version + 1 })
    .where(eq(returns.id, row.id))
    .returning();
  await recordOrderEvents(tx, row.orderId, actor, [
    { type: input.approve ? "return_approved" : "return_rejected", data: { return: row.number, value: row.value, note: input.note ?? null } },
  ]);
  return decided!;
}

/** Exception queue → billing: resolving a `return_requested` exception decides the order's waiting returns. */
export async function decideOrderReturns(tx: DbOrTx, input: { orderId: string; approve: boolean; actor: Actor; note?: string | null }) {
  const waiting = await tx.select({ id: returns.id }).from(returns).where(and(eq(returns.orderId, input.orderId), eq(returns.status, "requested")));
  for (const r of waiting) await decideInTx(tx, r.id, input.actor, { approve: input.approve, note: input.note ?? (input.approve ? null : "Declined in the exception queue") });
}

