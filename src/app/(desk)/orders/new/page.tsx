import { z } from "zod";
import { requirePermission } from "~/app/(desk)/guard";
import { draftStorageKey } from "~/components/order-entry/draft-key";
import { OrderEntry } from "~/components/order-entry/order-entry";
import type { SourceOrder } from "~/components/order-entry/from-order";
import type { InitialCustomer } from "~/components/order-entry/order-entry-form";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";
import { ZCustomerCode } from "~/server/customers/schemas";
import { AppError } from "~/server/errors";
import { api } from "~/trpc/server";

export const metadata = { title: "New order" };

const ZSearch = z.object({
  customer: ZCustomerCode.optional().catch(undefined),
  from: z.string().trim().min(1).max(40).optional().catch(undefined),
});

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** An AppError from the caller (unknown number, no permission…) is not the page's failure. */
const unlessAppError = (error: unknown) => {
  if ((error as { cause?: unknown }).cause instanceof AppError) return null;
  throw error;
};

/**
 * `/orders/new[?customer=CODE]`: keyboard-first order entry (issue 3). `?from=SO-…` (an order's Duplicate)
 * starts a new, unsaved order prefilled from that order: same customer (changeable), ship-to, channel, notes
 * and lines, priced today when it is saved.
 */
export default async function NewOrderPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("orders.create", "/orders/new");
  const raw = await searchParams;
  const { customer: code, from } = ZSearch.parse({ customer: first(raw.customer), from: first(raw.from) });

  let source: SourceOrder | null = null;
  let missingSource: string | null = null;
  if (from) {
    const order = await (await api()).orders.get({ number: from }).catch(unlessAppError);
    if (order) {
      source = {
        number: order.number,
        customer: order.customer,
        customerName: order.customerName,
        channel: order.channel,
        currency: order.currency,
        notes: order.notes,
        shipTo: order.shipTo,
        lines: order.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, manualPrice: l.manualPrice, overrideReason: l.overrideReason })),
      };
    } else missingSource = from;
  }

  let initialCustomer: InitialCustomer | null = null;
  if (code && !source && can(actor.role, "customers.view")) {
    // An unknown or malformed code in the link: start with an empty customer instead of failing the page.
    const customer = await (await api()).customers.get({ code }).catch(unlessAppError);
    if (customer && !customer.isArchived) {
      const address = customer.shippingAddress ?? customer.billingAddress;
      initialCustomer = {
        code: customer.code,
        name: customer.name,
        shipTo: address ? { ...address, region: address.region ?? "" } : null,
      };
    }
  }

  return (
    <>
      <PageHeader
        title="New order"
        description={
          source
            ? `A copy of ${source.number}, not saved yet: change the customer or the lines, then submit. Prices are today’s.`
            : "Customer, lines, delivery. Prices and stock update as you type; the draft is kept on this device until it is saved."
        }
      />
      {missingSource && (
        <p role="alert" className="mb-4 rounded-md border border-warning/30 bg-warning-soft px-3 py-2 text-sm text-warning-soft-foreground">
          Order {missingSource} could not be found, so nothing was copied.
        </p>
      )}
      <OrderEntry
        // A duplicate starts over when another order is duplicated.
        key={source?.number ?? "new"}
        storageKey={draftStorageKey(actor.id, source?.number)}
        initialCustomer={initialCustomer}
        source={source}
        canSaveQuote={can(actor.role, "quotes.create")}
      />
    </>
  );
}
