"use client";

import { Money } from "~/components/shell/money";
import type { EntryTotals } from "./use-line-details";

/** Subtotal, discount, tax and total at list price; the server prices the order when it is saved. */
export function OrderTotals({ totals, lineCount }: { totals: EntryTotals; lineCount: number }) {
  const { currency } = totals;
  return (
    <div className="w-72">
      <dl aria-label="Order totals" className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm">
        <dt className="text-muted-foreground">
          Subtotal <span className="text-xs">({lineCount} line{lineCount === 1 ? "" : "s"})</span>
        </dt>
        <dd className="text-right">
          <Money amount={totals.subtotal} currency={currency} />
        </dd>
        <dt className="text-muted-foreground">Discount</dt>
        <dd className="text-right">
          <Money amount={totals.discount === 0 ? 0 : -totals.discount} currency={currency} />
        </dd>
        <dt className="text-muted-foreground">Tax</dt>
        <dd className="text-right">
          <Money amount={totals.tax} currency={currency} />
        </dd>
        <dt className="border-t pt-1.5 font-semibold">Total</dt>
        <dd className="border-t pt-1.5 text-right text-base font-semibold" data-testid="order-total">
          <Money amount={totals.total} currency={currency} />
        </dd>
      </dl>
      <p className="mt-2 text-xs text-muted-foreground">At list price. Pricing rules and tax are applied when the order is saved.</p>
    </div>
  );
}
