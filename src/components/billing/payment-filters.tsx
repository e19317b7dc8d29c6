"use client";

import { X } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { CustomerCombobox } from "~/components/order-entry/customer-combobox";
import type { EntryCustomer } from "~/components/order-entry/entry-state";
import { Button } from "~/components/ui/button";
import { Label } from "~/components/ui/label";

/** The payment list's filters, kept in the URL: a customer (type-ahead) and "with unallocated credit". */
export function PaymentFilters({ customer, unallocated }: { customer: EntryCustomer | null; unallocated: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();

  function go(next: { customer?: string | null; unallocated?: boolean }) {
    const params = new URLSearchParams();
    const code = next.customer === undefined ? customer?.code : next.customer;
    const onlyCredit = next.unallocated ?? unallocated;
    if (code) params.set("customer", code);
    if (onlyCredit) params.set("unallocated", "1");
    const query = params.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname));
  }

  return (
    <div role="search" aria-label="Filter payments" aria-busy={isPending || undefined} className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-3">
      <div className="grid w-80 max-w-full gap-1.5">
        <Label htmlFor="payments-customer">Customer</Label>
        <CustomerCombobox key={customer?.code ?? ""} id="payments-customer" customer={customer} onChange={(next) => go({ customer: next?.code ?? null })} />
      </div>
      <label className="flex h-9 items-center gap-2 text-sm">
        <input type="checkbox" checked={unallocated} onChange={(e) => go({ unallocated: e.target.checked })} className="size-4 accent-primary" />
        With unallocated credit
      </label>
      {(customer || unallocated) && (
        <Button variant="ghost" size="sm" className="h-9" onClick={() => go({ customer: null, unallocated: false })}>
          <X aria-hidden />
          Clear filters
        </Button>
      )}
    </div>
  );
}
