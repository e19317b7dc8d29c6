import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getCustomerWithId } from "../customers";
import type { DbOrTx } from "../db";
import { priceLines } from "./price-lines";
import type { ZSimulateInput } from "./schemas";
import * as clock from "../clock";

/** The price simulator: what a customer would pay for these lines on a date, with every step explained. */
export async function simulatePrices(options: { db: DbOrTx; actor: Actor; input: z.infer<typeof ZSimulateInput> }) {
  const { db, actor, input } = options;
  const { id: customerId, customer } = await getCustomerWithId({ db, code: input.customer });
  const at = input.date ?? clock.today();
  const { priced } = await priceLines(db, {
    lines: input.lines,
    customer: { id: customerId, segment: customer.segment, taxExemptions: customer.taxExemptions },
    currency: customer.currency,
    channel: input.channel,
    shipTo: customer.shippingAddress ? { country: customer.shippingAddress.country, region: customer.shippingAddress.region } : null,
    role: actor.role,
    at,
  });
  return { customer: { code: customer.code, name: customer.name, segment: customer.segment }, currency: customer.currency, date: at, ...priced };
}
