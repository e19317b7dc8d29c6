"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/trpc/react";

/** After a run or a draft: drop cached replenishment, purchasing and stock queries and re-render the page. */
export function useReplenishmentChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.replenishment.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.purchasing.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.inventory.pathKey() });
    router.refresh();
  };
}
