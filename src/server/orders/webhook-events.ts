import { recordWebhookEvent, type WebhookEventType } from "../integration";
import type { DbOrTx } from "../db";
import type { TOrder } from "./schemas";

/** Timeline entries that subscribers hear about, as webhook events. */
const WEBHOOK_OF_ENTRY: Partial<Record<string, WebhookEventType>> = {
  created: "order.created",
  submitted: "order.submitted",
  held: "order.on_hold",
  hold_released: "order.released",
  canceled: "order.canceled",
};

/**
 * The order's webhook events, derived from its timeline entries as they are written (every path that
 * creates, submits, holds, releases or cancels an order writes one), so no path can forget them. The
 * order is read once per change and only when someone subscribed; its events share the order's id as
 * their ordering key, so each subscriber gets them in order.
 */
export async function recordOrderWebhooks(tx: DbOrTx, entries: { orderId: string; type: string; data?: Record<string, unknown> }[], load: (id: string) => Promise<TOrder>) {
  const orders = new Map<string, Promise<TOrder>>();
  for (const entry of entries) {
    const before = (entry.data?.before as { status?: string } | undefined)?.status;
    // An edit that clears the last hold writes "opened" from on_hold: that is a release too.
    const type = WEBHOOK_OF_ENTRY[entry.type] ?? (entry.type === "opened" && before === "on_hold" ? "order.released" : undefined);
    if (!type) continue;
    await recordWebhookEvent(tx, {
      type,
      orderingKey: entry.orderId,
      data: () => {
        let order = orders.get(entry.orderId);
        if (!order) orders.set(entry.orderId, (order = load(entry.orderId)));
        return order;
      },
    });
  }
}
