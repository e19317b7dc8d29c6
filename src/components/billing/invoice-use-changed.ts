"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/trpc/react";

/** After billing money moved (void, issue, a credit, an un-allocation): drop cached billing queries and re-render the server page. */
export function useBillingChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return () => {
    for (const key of [trpc.invoices.pathKey(), trpc.creditNotes.pathKey(), trpc.payments.pathKey(), trpc.receivables.pathKey(), trpc.orders.pathKey()]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
    router.refresh();
  };
}
