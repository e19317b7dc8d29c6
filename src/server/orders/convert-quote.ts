import type { OrderBilling } from "./billing-hook";
import type { OrderPlanning } from "./planning-hook";
import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { AppError } from "../errors";
import { createDocumentInTx } from "./create-order";
import { loadOrder, recordOrderEvent, toOrderDto } from "./queries";
import { orders } from "./schema";
import type { TOrder } from "./schemas";
import { assertTransition } from "./state-machine";
import * as clock from "../clock";
import { keptLine } from "./manual-price";

/** Converts a valid quote into a submitted order, re-priced at today's prices. Returns the new order. */
export async function convertQuote(options: { db: Db; actor: Actor; number: string; today?: string; billing?: OrderBilling; planning?: OrderPlanning }): Promise<TOrder> {
  const { db, actor, number } = options;
  const today = options.today ?? clock.today();
  return db.transaction(async (tx) => {
    const quote = await loadOrder(tx, number, { forUpdate: true });
    if (quote.kind !== "quote") throw new AppError("conflict", "NOT_A_QUOTE", `${number} is an order, not a quote.`);
    if (quote.convertedToId) {
      const [order] = await tx.select({ number: orders.number }).from(orders).where(eq(orders.id, quote.convertedToId));
      throw new AppError("conflict", "QUOTE_CONVERTED", `${number} was already converted to ${order?.number}.`, { order: order?.number });
    }
    if (quote.status !== "draft") throw new AppError("conflict", "QUOTE_NOT_OPEN", `${number} is ${quote.status} and cannot be converted.`);
    if (quote.validUntil && quote.validUntil < today) {
      throw new AppError("business_rule", "QUOTE_EXPIRED", `${number} expired on ${quote.validUntil}. Duplicate it into a new quote or order.`);
    }
    assertTransition(quote.status, "completed", "system");
    const source = await toOrderDto(tx, quote);
    const { order, customer } = await createDocumentInTx(
      tx,
      actor,
      {
        kind: "order",
        draft: false,
        customer: source.customer,
        channel: source.channel,
        customerReference: source.customerReference,
        shipTo: source.shipTo,
        billTo: source.billTo,
        requestedDate: source.requestedDate,
        notes: source.notes,
        lines: source.lines.map(keptLine),
      },
      { convertedFromId: quote.id, billing: options.billing, planning: options.planning },
    );
    await tx.update(orders).set({ status: "completed", convertedToId: order.id, version: quote.version + 1 }).where(eq(orders.id, quote.id));
    await recordOrderEvent(tx, quote.id, "converted", actor, { order: order.number, quoteTotal: quote.total });
    const dto = await toOrderDto(tx, order, { customer });
    await recordOrderEvent(tx, order.id, "converted_from_quote", actor, {
      quote: number,
      before: { total: quote.total },
      after: { total: dto.total },
    });
    return dto;
  });
}
