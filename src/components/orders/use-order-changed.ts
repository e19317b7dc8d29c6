"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/trpc/react";

/** After an order changed: drop every cached orders query and re-render the server page. */
export function useOrderChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.quotes.pathKey() });
    router.refresh();
  };
}
