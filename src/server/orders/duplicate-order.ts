import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { createDocumentInTx } from "./create-order";
import { loadOrder, recordOrderEvent, toOrderDto } from "./queries";
import type { TOrder } from "./schemas";
import { keptLine } from "./manual-price";

/** A new draft order with the same customer, ship-to and lines, priced today. */
export async function duplicateOrder(options: { db: Db; actor: Actor; number: string }): Promise<TOrder> {
  const { db, actor, number } = options;
  return db.transaction(async (tx) => {
    const source = await toOrderDto(tx, await loadOrder(tx, number));
    const { order: copy, customer } = await createDocumentInTx(tx, actor, {
      kind: "order",
      draft: true,
      customer: source.customer,
      channel: source.channel,
      customerReference: null,
      shipTo: source.shipTo,
      billTo: source.billTo,
      requestedDate: null,
      notes: source.notes,
      lines: source.lines.map(keptLine),
    });
    await recordOrderEvent(tx, copy.id, "duplicated", actor, { from: source.number });
    return toOrderDto(tx, copy, { customer });
  });
}
