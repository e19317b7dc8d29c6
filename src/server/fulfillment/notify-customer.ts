import { eq } from "drizzle-orm";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { enqueueMessage } from "../integration";
import type { OrderRow } from "../orders";

type Content = { subject: string; body: string; payload: Record<string, unknown> };

/**
 * A message to the order's customer, by e-mail (queued without an address too, so the desk sees what could not
 * go): `content` is the topic's e-mail (integration's templates) built for the customer's name, or a plain
 * text that gets the usual greeting.
 */
export async function notifyCustomer(tx: DbOrTx, order: OrderRow, topic: string, content: ((customerName: string) => Content) | Content) {
  const [customer] = await tx.select({ email: customers.email, name: customers.name }).from(customers).where(eq(customers.id, order.customerId));
  const name = customer?.name ?? "customer";
  const message = typeof content === "function" ? content(name) : { ...content, body: `Dear ${name},\n\n${content.body}\n\nOrderdesk` };
  await enqueueMessage(tx, { topic, recipient: customer?.email ?? null, ...message });
}
