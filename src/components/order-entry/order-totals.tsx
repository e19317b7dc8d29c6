"use client";

import { Money } from "~/components/shell/money";
import { cn } from "~/lib/utils";
import type { EntryTotals, PricingStatus } from "./use-line-details";

/**
 * Subtotal, discount, tax and total as the pricing engine prices the order (`pricing.simulate`), or at
 * list price when there is no customer yet or the prices could not be refreshed — saying which.
 */
export function OrderTotals({
  totals,
  lineCount,
  hasCustomer,
  pricing,
  taxNote,
}: {
  totals: EntryTotals;
  lineCount: number;
  hasCustomer: boolean;
  pricing: PricingStatus;
  /** Set when the tax shown may differ from the order's (its ship-to is not the address on file). */
  taxNote: string | null;
}) {
  const { currency } = totals;
  const isServer = totals.source === "server";
  return (
    <div className="w-80">
      <dl
        aria-label="Order totals"
        aria-busy={totals.isRepricing || undefined}
        className={cn("grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm transition-opacity", totals.isRepricing && "opacity-55")}
      >
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
        <dd className="text-right">{isServer ? <Money amount={totals.tax} currency={currency} /> : <span className="text-muted-foreground">—</span>}</dd>
        <dt className="border-t pt-1.5 font-semibold">Total</dt>
        <dd className="border-t pt-1.5 text-right text-base font-semibold" data-testid="order-total">
          <Money amount={totals.total} currency={currency} />
        </dd>
      </dl>
      <div aria-live="polite" className="mt-2 grid gap-1 text-xs text-muted-foreground">
        {pricing.isError ? (
          <p className="font-medium text-warning-soft-foreground" role="status">
            Prices could not be refreshed: showing list prices. The order is priced when it is saved.
          </p>
        ) : !hasCustomer && lineCount > 0 ? (
          <p>List prices. Choose a customer to see the prices this order gets.</p>
        ) : isServer ? (
          <p>{totals.isRepricing ? "Updating prices…" : "Priced as the order will be: price lists, discounts and tax in force today."}</p>
        ) : pricing.isActive ? (
          <p>Working out prices…</p>
        ) : null}
        {taxNote && !pricing.isError && <p>{taxNote}</p>}
      </div>
    </div>
  );
}
