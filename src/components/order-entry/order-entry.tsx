"use client";

import { useSyncExternalStore } from "react";
import { Skeleton } from "~/components/ui/skeleton";
import type { SourceOrder } from "./from-order";
import { OrderEntryForm, type InitialCustomer } from "./order-entry-form";

const subscribe = () => () => {};

/**
 * The form starts from the draft autosaved in this browser, which the server cannot see: it renders on the
 * client only (a skeleton in the server HTML), so the first paint already shows the restored draft.
 */
export function OrderEntry(props: { storageKey: string; initialCustomer: InitialCustomer | null; source?: SourceOrder | null; canSaveQuote: boolean }) {
  const isClient = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!isClient) return <OrderEntrySkeleton />;
  return <OrderEntryForm {...props} />;
}

export function OrderEntrySkeleton() {
  return (
    <div aria-busy="true" className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 xl:grid-cols-[minmax(0,1fr)_21rem]">
      <span className="sr-only">Loading the order form…</span>
      <div className="grid gap-4">
        <Skeleton className="h-40" />
        <Skeleton className="h-64" />
        <Skeleton className="h-44" />
      </div>
      <Skeleton className="h-72" />
    </div>
  );
}
