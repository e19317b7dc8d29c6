import { eq } from "drizzle-orm";
import { customers } from "../customers";
import type { DbOrTx } from "../db";
import { enqueueMessage } from "../integration";
import type { OrderRow } from "../orders";

/** A message to the order's customer, by e-mail (queued without an address too, so the desk sees what could not go). */
export async function notifyCustomer(tx: DbOrTx, order: OrderRow, message: { topic: string; subject: string; body: string; payload: Record<string, unknown> }) {
  const [customer] = await tx.select({ email: customers.email, name: customers.name }).from(customers).where(eq(customers.id, order.customerId));
  await enqueueMessage(tx, { ...message, recipient: customer?.email ?? null, body: `Dear ${customer?.name ?? "customer"},\n\n${message.body}\n\nOrderdesk` });
}
