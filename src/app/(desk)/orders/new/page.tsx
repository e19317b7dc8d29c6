import { z } from "zod";
import { requirePermission } from "~/app/(desk)/guard";
import { draftStorageKey } from "~/components/order-entry/draft-key";
import { OrderEntry } from "~/components/order-entry/order-entry";
import type { InitialCustomer } from "~/components/order-entry/order-entry-form";
import { PageHeader } from "~/components/ui/page-header";
import { can } from "~/server/auth/permissions";
import { ZCustomerCode } from "~/server/customers/schemas";
import { AppError } from "~/server/errors";
import { api } from "~/trpc/server";

export const metadata = { title: "New order" };

const ZSearch = z.object({ customer: ZCustomerCode.optional().catch(undefined) });

/** `/orders/new[?customer=CODE]`: keyboard-first order entry (issue 3). */
export default async function NewOrderPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("orders.create", "/orders/new");
  const raw = await searchParams;
  const { customer: code } = ZSearch.parse({ customer: Array.isArray(raw.customer) ? raw.customer[0] : raw.customer });

  let initialCustomer: InitialCustomer | null = null;
  if (code && can(actor.role, "customers.view")) {
    const customer = await (await api()).customers.get({ code }).catch((error: unknown) => {
      // An unknown or malformed code in the link: start with an empty customer instead of failing the page.
      if ((error as { cause?: unknown }).cause instanceof AppError) return null;
      throw error;
    });
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
        description="Customer, lines, delivery. Prices and stock update as you type; the draft is kept on this device until it is saved."
      />
      <OrderEntry storageKey={draftStorageKey(actor.id)} initialCustomer={initialCustomer} canSaveQuote={can(actor.role, "quotes.create")} />
    </>
  );
}
