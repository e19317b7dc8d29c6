import { eq } from "drizzle-orm";
import { recordWebhookEvent } from "../integration";
import { actorLabel, type Actor } from "../auth/actor";
import * as clock from "../clock";
import type { Db } from "../db";
import { AppError } from "../errors";
import { customers } from "../customers";
import { moveOnHand } from "../inventory";
import { EMAIL_TOPICS, enqueueMessage, returnReceivedEmail } from "../integration";
import { allocateBackorders, loadOrderForFulfillment } from "../orders";
import { lineShare, taxRateOf } from "./amounts";
import { issueCreditNote } from "./create-credit-note";
import { getReturn, loadReturn } from "./get-return";
import { recordOrderBilling } from "./queries";
import { returnLines, returns } from "./schema";
import type { TReceiveReturnInput, TReturn } from "./schemas";

/**
 * The goods are back: restocked through the ledger (`return` movements, waiting backorders served first) or
 * scrapped (recorded on the return, no stock), the order's lines count them as returned, and a credit note
 * (CN-…) is issued for exactly their share of the order lines incl. tax — the same shares the invoices
 * billed — applied to the order's open invoices first. One transaction; receiving twice is refused.
 */
export async function receiveReturn(options: { db: Db; actor: Actor; input: TReceiveReturnInput }): Promise<TReturn> {
  const { db, actor, input } = options;
  const id = await db.transaction(async (tx) => {
    const seen = await loadReturn(tx, input.id);
    const loaded = await loadOrderForFulfillment(tx, { id: seen.orderId }, { forUpdate: true });
    const rma = await loadReturn(tx, seen.id, { forUpdate: true });
    if (input.version !== undefined && input.version !== rma.version) throw AppError.conflict("STALE_VERSION", `${rma.number} changed since you opened it: reload and try again.`);
    if (rma.status === "requested") throw AppError.conflict("RETURN_NOT_APPROVED", `${rma.number} waits for a manager's approval.`);
    if (rma.status !== "approved") throw AppError.conflict("RETURN_CLOSED", `${rma.number} is ${rma.status}.`);
    const { order, lines } = loaded!;
    const items = await tx.select().from(returnLines).where(eq(returnLines.returnId, rma.id));
    const lineOf = new Map(lines.map((l) => [l.line.id, l]));
    // Each order line's units credited so far: its returned counter, raised as we go (two RMA lines may share one).
    const returnedSoFar = new Map(lines.map((l) => [l.line.id, l.line.returned]));

    const creditLines = [];
    for (const item of items) {
      const { line, sku, productName } = lineOf.get(item.orderLineId)!;
      const before = returnedSoFar.get(line.id)!;
      if (before + item.quantity > line.shipped) {
        throw AppError.conflict("OVER_RETURNED", `Line ${line.lineNo} (${sku}) has only ${line.shipped - before} shipped unit(s) not returned.`);
      }
      returnedSoFar.set(line.id, before + item.quantity);
      const share = lineShare(line, before, before + item.quantity);
      creditLines.push({
        orderLineId: line.id,
        sku,
        description: `Returned: ${productName}`,
        quantity: item.quantity,
        amount: share.lineTotal,
        tax: share.tax,
        taxRatePpm: taxRateOf(line.priceExplanation, line.tax, line.lineTotal),
      });
      if (item.disposition === "restock") {
        await moveOnHand(tx, { productId: item.productId, warehouseId: item.warehouseId, quantity: item.quantity, kind: "return", reason: "customer_return", reference: rma.number, actor });
        await allocateBackorders(tx, { productId: item.productId, warehouseId: item.warehouseId, reference: rma.number, actor });
      }
    }
    await tx
      .update(returns)
      .set({ status: "received", receivedBy: actorLabel(actor), receivedAt: clock.now(), version: rma.version + 1 })
      .where(eq(returns.id, rma.id));
    const units = items.reduce((s, i) => s + i.quantity, 0);
    const scrapped = items.filter((i) => i.disposition === "scrap").reduce((s, i) => s + i.quantity, 0);
    await recordOrderBilling(tx, {
      orderId: order.id,
      actor,
      returned: items.map((i) => ({ orderLineId: i.orderLineId, quantity: i.quantity })),
      events: [{ type: "return_received", data: { return: rma.number, units, restocked: units - scrapped, scrapped } }],
    });
    await recordWebhookEvent(tx, { type: "return.received", orderingKey: order.id, data: () => getReturn({ db: tx, id: rma.id }) });
    const [customer] = await tx.select({ email: customers.email, name: customers.name }).from(customers).where(eq(customers.id, order.customerId));
    // Units given free (a zero-value line) need no credit.
    const credit = creditLines.every((l) => l.amount + l.tax === 0)
      ? null
      : await issueCreditNote(tx, {
          kind: "return",
          customerId: order.customerId,
          orderId: order.id,
          returnId: rma.id,
          currency: order.currency,
          reason: `Return ${rma.number}`,
          lines: creditLines,
          actor,
        });
    // The customer's copy names the credit note, so it comes after its number (the counter's last statements).
    await enqueueMessage(tx, {
      topic: EMAIL_TOPICS.returnReceived,
      recipient: customer?.email ?? null,
      ...returnReceivedEmail({
        customerName: customer?.name ?? "customer",
        return: rma.number,
        order: order.number,
        lines: items.map((i) => ({ sku: lineOf.get(i.orderLineId)!.sku, quantity: i.quantity, disposition: i.disposition })),
        creditNote: credit?.note.number ?? null,
        currency: order.currency,
        credit: credit?.note.total ?? 0,
      }),
    });
    return rma.id;
  });
  return getReturn({ db, id });
}

